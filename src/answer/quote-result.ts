// A quotation as a cited result: the excerpt covers the quote and its attribution (also when the
// attribution is in the paragraph before), with the quoted words to highlight.
import type { Quote } from "../types.js";
import { cite } from "./citation.js";
import type { Engine } from "./engine.js";
import type { WhoSaidResult } from "./types.js";

export function quoteResult(engine: Engine, quote: Quote & { speaker: string }, score: number): WhoSaidResult {
  const p = engine.passage(quote.passageId);
  const doc = engine.corpus.documents[p.docId]!;
  const elsewhere = quote.attribution && quote.attribution.passageId !== quote.passageId
    ? { passage: engine.passage(quote.attribution.passageId), start: quote.attribution.start, end: quote.attribution.end }
    : undefined;
  const from = quote.attribution && !elsewhere ? Math.min(quote.start, quote.attribution.start) : quote.start;
  const to = quote.attribution && !elsewhere ? Math.max(quote.end, quote.attribution.end) : quote.end;
  const { citation, excerptOffset } = cite(doc, p, from, to, engine.options, elsewhere);
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
