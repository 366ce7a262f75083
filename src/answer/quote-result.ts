// A quotation as a cited result: the excerpt covers the quote and its attribution (also when the
// attribution is in the paragraph before), with the quoted words to highlight.
import type { PassageFacts } from "../store/types.js";
import type { Quote } from "../types.js";
import { cite } from "./citation.js";
import { type AnswerContext, passageById } from "./context.js";
import type { WhoSaidResult } from "./types.js";

/** `at` is the quotation's passage when the caller has it already. */
export async function quoteResult(ctx: AnswerContext, quote: Quote & { speaker: string }, score: number, at?: PassageFacts): Promise<WhoSaidResult> {
  const here = at ?? (await passageById(ctx, quote.passageId));
  if (!here) throw new Error(`the store has no passage ${quote.passageId}`);
  const { passage: p, document: doc } = here;
  const attr = quote.attribution;
  const near = attr && attr.passageId === quote.passageId ? attr : undefined;
  const other = attr && !near ? await passageById(ctx, attr.passageId) : null;
  const elsewhere = attr && other ? { passage: other.passage, start: attr.start, end: attr.end } : undefined;
  const from = near ? Math.min(quote.start, near.start) : quote.start;
  const to = near ? Math.max(quote.end, near.end) : quote.end;
  const { citation, excerptOffset } = cite(doc, p, from, to, ctx.options, elsewhere);
  return {
    speaker: quote.speaker,
    role: quote.role,
    quote: quote.text,
    direct: quote.direct,
    score: Math.round(score * 1000) / 1000,
    source: citation,
    title: doc.title,
    docDate: doc.date,
    highlight: [[quote.start - excerptOffset, quote.end - excerptOffset]],
  };
}
