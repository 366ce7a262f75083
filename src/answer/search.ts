// search: passages that contain most of the query's words, best first.
import { cite } from "./citation.js";
import { type AnswerContext, candidatePassages, checkCorrected, limitOf } from "./context.js";
import { match } from "./match.js";
import type { SearchAnswer, SearchHit } from "./types.js";
import { corrections, round } from "./who-said.js";

export const SEARCH_MIN_COVERAGE = 0.5;

export async function answerSearch(ctx: AnswerContext, input: unknown, limit = limitOf(ctx)): Promise<SearchAnswer> {
  const checked = await checkCorrected(ctx, input, "query");
  if (!checked.ok) return { command: "search", results: [], message: checked.message };
  const q = checked.query;
  const hits: SearchHit[] = [];
  for (const { passage: p, document: doc } of await candidatePassages(ctx, checked.text, 50)) {
    const m = match(q, p.text);
    if (m.coverage < SEARCH_MIN_COVERAGE) continue;
    // Cite the sentences holding the matched words.
    const from = Math.min(...m.hits);
    const to = Math.max(...m.hits) + 1;
    const { citation } = cite(doc, p, from, to, ctx.options);
    hits.push({ score: round(m.score), source: citation, title: doc.title, docDate: doc.date, highlight: [] });
  }
  hits.sort((a, b) => b.score - a.score);
  if (hits.length === 0) {
    return { command: "search", results: [], message: `No passage matches "${checked.text}".`, suggestions: await ctx.backend.suggest(checked.text) };
  }
  return { command: "search", results: hits.slice(0, limit), ...corrections(checked) };
}
