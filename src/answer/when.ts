// when: the sentence that best matches the event, and the time expression in it nearest to the
// matched words, with its date (null, and why, when the text does not fix one).
import { clauseWithFronted, inVerbGroup, isReportingTime } from "../extract/tense.js";
import type { PassageFacts } from "../store/types.js";
import type { TimeExpression } from "../types.js";
import { cite } from "./citation.js";
import { type AnswerContext, candidatePassages, checkCorrected, limitOf } from "./context.js";
import { match } from "./match.js";
import type { WhenAnswer, WhenResult } from "./types.js";
import { corrections, round } from "./who-said.js";

export const WHEN_MIN_COVERAGE = 0.5;
const BARE_NOW = /^(?:now|right now)$/i;

export async function answerWhen(ctx: AnswerContext, input: unknown, limit = limitOf(ctx)): Promise<WhenAnswer> {
  const checked = await checkCorrected(ctx, input, "event");
  if (!checked.ok) return { command: "when", results: [], message: checked.message };
  const q = checked.query;
  const scored: Array<{ t: TimeExpression; here: PassageFacts; score: number; coverage: number }> = [];
  for (const here of await candidatePassages(ctx, checked.text, 30)) {
    const { passage: p, times } = here;
    if (!times.length) continue;
    for (const s of p.sentences) {
      const inSentence = times.filter((t) => t.start >= s.start && t.start < s.end);
      if (inSentence.length === 0) continue;
      const sentence = p.text.slice(s.start, s.end);
      const m = match(q, sentence);
      if (m.coverage < WHEN_MIN_COVERAGE) continue;
      // Which expressions share a clause with the matched words.
      const clauses = inSentence.map((t) => clauseWithFronted(sentence, t.start - s.start, t.end - s.start));
      // "now" is the article's present, never the event's own time.
      const clauseHit = inSentence.map((t, k) => !BARE_NOW.test(t.text) && m.hits.some((h) => h >= clauses[k]![0] && h < clauses[k]![1]));
      // Which expressions share a clause with a matched verb: in "the pier opened in 1923 and was
      // rebuilt in the 1970s", a question on the rebuilding names its verb; the shared subject
      // does not choose between the two.
      const verbHits = m.hits.filter((h) => inVerbGroup(sentence, h));
      const verbClause = inSentence.map((_, k) => inSentence.length > 1 && verbHits.some((h) => h >= clauses[k]![0] && h < clauses[k]![1]));
      // Distance to the matched words ranks the sentence; within it, the expression nearest the
      // matched verbs comes first (a time belongs to its verb: in "arrested on Monday in Pell was
      // released on Friday" the place is shared by both), at the penalty the nearest one had.
      const near = (hits: number[], t: TimeExpression): number =>
        hits.length ? Math.min(...hits.map((h) => Math.abs(h - (t.start - s.start)))) : sentence.length;
      const dAll = inSentence.map((t) => near(m.hits, t));
      const dVerb = verbHits.length ? inSentence.map((t) => near(verbHits, t)) : dAll;
      const sentenceDist = Math.min(...dAll);
      const nearestVerb = Math.min(...dVerb);
      for (const [k, t] of inSentence.entries()) {
        // Among several expressions in the sentence, the one nearest the matched words, in their
        // clause, and the event's own time before the time of its report ("said on Monday that
        // the mill closed in May": May, for the closing).
        const at = t.start - s.start;
        const dist = sentenceDist + dVerb[k]! - nearestVerb;
        const clause = (clauseHit[k] ? 0.03 : 0) + (verbClause[k] ? 0.02 : 0);
        const reporting = inSentence.length > 1 && clauseHit.some((c, j) => c && j !== k) && isReportingTime(sentence, at, t.end - s.start) ? 0.08 : 0;
        const resolvedBonus = t.value ? 0.005 : 0;
        // Words of the expression itself in the question describe the event, not its time (a
        // question holding "a week after the flood" asks about the other date in the sentence).
        const own = match(q, t.text).coverage > 0 ? 0.05 : 0;
        // "now" is the article's present: any other expression in the sentence says more.
        const bare = BARE_NOW.test(t.text) && inSentence.length > 1 ? 0.05 : 0;
        scored.push({ t, here, coverage: m.coverage, score: m.score - Math.min(dist, 400) / 1000 + resolvedBonus - own - bare + clause - reporting });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score);
  if (scored.length === 0) {
    return { command: "when", results: [], message: `Nothing in the documents dates "${checked.text}".`, suggestions: await ctx.backend.suggest(checked.text) };
  }
  const results: WhenResult[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    if (results.length >= limit || s.score < scored[0]!.score * 0.6) break;
    const key = `${s.t.passageId}:${s.t.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { passage: p, document: doc } = s.here;
    const sentence = p.sentences.find((x) => x.start <= s.t.start && s.t.start < x.end)!;
    const { citation, excerptOffset } = cite(doc, p, sentence.start, sentence.end, ctx.options);
    const r: WhenResult = {
      expression: s.t.text,
      date: s.t.value,
      score: round(s.score),
      source: citation,
      title: doc.title,
      docDate: doc.date,
      highlight: [[s.t.start - excerptOffset, s.t.end - excerptOffset]],
    };
    if (s.t.unresolved) r.unresolved = s.t.unresolved;
    results.push(r);
  }
  return { command: "when", results, ...corrections(checked) };
}
