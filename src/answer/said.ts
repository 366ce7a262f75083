// said: what a speaker said (the inverse of who-said): their quotations and reported statements,
// most relevant first. With a topic, only what touches it (in the quote, its sentence, or its
// paragraph), best covered first; without one, their own fuller direct quotations first.
import { foldTerm } from "../text/normalize.js";
import { tokenize } from "../text/tokenize.js";
import type { Quote } from "../types.js";
import { type AnswerContext, limitOf } from "./context.js";
import { layeredCoverage } from "./match.js";
import { quoteResult } from "./quote-result.js";
import { speakerMatcher, speakersByMentions, type SpeakerFit } from "./speaker-match.js";
import type { SpeakerRole } from "../store/types.js";
import type { SaidAnswer } from "./types.js";
import { checkQuery } from "./validate.js";

/** Share of the topic's words a quotation (or its context) must have to be about the topic. */
export const SAID_TOPIC_MIN_COVERAGE = 0.5;
/** Coverage only the quotation's own text or paragraph can reach (the headline alone counts 0.5). */
const SAID_TOPIC_IN_TEXT = 0.6;

export async function answerSaid(ctx: AnswerContext, speakerInput: unknown, topicInput?: unknown, limit = limitOf(ctx)): Promise<SaidAnswer> {
  const topicGiven = typeof topicInput === "string" && topicInput.trim() !== "";
  const base = {
    command: "said" as const,
    speaker: typeof speakerInput === "string" ? speakerInput.trim() : "",
    topic: topicGiven ? (topicInput as string).trim() : null,
    results: [],
  };
  const who = checkQuery(speakerInput, "speaker");
  if (!who.ok) return { ...base, message: who.message };
  const topic = topicGiven ? checkQuery(topicInput, "topic") : null;
  if (topic && !topic.ok) return { ...base, message: topic.message };
  const speaker = who.text;

  const fits = speakerMatcher(speaker);
  // The fit depends only on the speaker and role: decided once per pair, then their quotations fetched.
  const speakers = await ctx.facts.speakers();
  const fitOf = new Map<string, SpeakerFit>();
  for (const s of speakers) {
    const fit = fits(s.speaker, s.role);
    if (fit !== "none") fitOf.set(pairKey(s.speaker, s.role), fit);
  }
  const theirs: Array<{ quote: Quote & { speaker: string }; fit: SpeakerFit }> = [];
  const named = [...new Set(speakers.filter((s) => fitOf.has(pairKey(s.speaker, s.role))).map((s) => s.speaker))];
  for (const q of await ctx.facts.quotesBySpeakers(named)) {
    const fit = q.speaker ? fitOf.get(pairKey(q.speaker, q.role)) : undefined;
    if (fit) theirs.push({ quote: q as Quote & { speaker: string }, fit });
  }
  if (theirs.length === 0) {
    return { ...base, speaker, message: `The documents quote no one called "${speaker}".`, suggestions: similarSpeakers(speakers, speaker) };
  }
  const at = new Map((await ctx.facts.passages([...new Set(theirs.map((t) => t.quote.passageId))])).map((x) => [x.passage.id, x]));

  const scored = theirs
    .filter(({ quote }) => at.has(quote.passageId))
    .map(({ quote, fit }) => {
      // Their own words count before words said on their behalf; quotations before reported speech.
      const who = (fit === "same" ? 1 : 0.8) * (quote.direct ? 1 : 0.9);
      if (!topic?.ok) {
        // A one-word scare quote says less than a full sentence.
        const words = tokenize(quote.text).length;
        return { quote, score: who * (0.5 + 0.5 * Math.min(1, words / 12)), coverage: 1 };
      }
      const { passage: p, document: doc } = at.get(quote.passageId)!;
      const sentence = p.sentences.find((s) => s.start <= quote.start && quote.start < s.end);
      const coverage = layeredCoverage(topic.query, [
        [quote.text, 1],
        [sentence ? p.text.slice(sentence.start, sentence.end) : "", 0.9],
        [p.text, 0.6],
        // What the whole article is about (its headline) counts least.
        [doc.title, 0.5],
      ]);
      return { quote, score: who * coverage, coverage };
    });
  // Quotations whose own paragraph touches the topic; only when none does, those whose article is about it.
  const inText = scored.filter((s) => s.coverage >= SAID_TOPIC_IN_TEXT);
  const relevant = inText.length > 0 ? inText : scored.filter((s) => s.coverage >= SAID_TOPIC_MIN_COVERAGE);
  if (relevant.length === 0) {
    const n = theirs.length;
    return { ...base, speaker, message: `"${speaker}" is quoted ${n} time${n === 1 ? "" : "s"} in the documents, but not about "${base.topic}".` };
  }
  // Best first; ties keep the documents' order. The same words twice in one document show once.
  relevant.sort((a, b) => b.score - a.score || a.quote.id - b.quote.id);
  const seen = new Set<string>();
  const results = [];
  for (const s of relevant) {
    const key = `${at.get(s.quote.passageId)!.passage.docId}:${foldTerm(s.quote.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(await quoteResult(ctx, s.quote, s.score, at.get(s.quote.passageId)));
    if (results.length >= limit) break;
  }
  return { ...base, speaker, results };
}

/** Quoted speakers sharing a word (or a word's start) with the name asked for. */
function similarSpeakers(speakers: readonly SpeakerRole[], name: string): string[] {
  const asked = foldTerm(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  return speakersByMentions(speakers)
    .filter((s) =>
      foldTerm(s.name)
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => asked.some((a) => w.startsWith(a.slice(0, 4)))),
    )
    .slice(0, 3)
    .map((s) => s.name);
}

function pairKey(speaker: string, role: string | null): string {
  return `${speaker}\u0000${role ?? ""}`;
}
