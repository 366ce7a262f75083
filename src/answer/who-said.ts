// who-said: the quotation that best matches the words, and its speaker. A match whose speaker
// the text does not give is reported as such, never filled in.
import type { Engine } from "./engine.js";
import { match, type Query } from "./match.js";
import { quoteResult } from "./quote-result.js";
import type { WhoSaidAnswer, WhoSaidResult } from "./types.js";

/** Share of the query's words a quotation must contain to count as the one asked about. */
export const WHO_SAID_MIN_COVERAGE = 0.6;
/**
 * Share of the query's words (stopwords too) that must appear as one run, in the order asked.
 * Every dev question (cases, polnear-dev, mpqa-dev: 217) is found as a full run; made-up
 * quotations of random corpus words are answered 0–1% of the time with this bar (9–11% without).
 */
export const WHO_SAID_MIN_ORDERED = 0.5;

export interface QuoteCandidate {
  quoteId: number;
  score: number;
  coverage: number;
  /** Longest run of the query's words found in the same order, over the query's length. */
  phrase: number;
}

/**
 * The quotations of the best passages (ranked on the rarest words), scored on the quote's own
 * words and its sentence's (the words may run past the quote marks), best first.
 */
export function rankQuotes(engine: Engine, q: Query, text: string): QuoteCandidate[] {
  const { corpus, index } = engine;
  const scored: QuoteCandidate[] = [];
  const seenIds = new Set<number>();
  const consider = (id: number): void => {
    if (seenIds.has(id)) return;
    seenIds.add(id);
    const quote = corpus.quotes[id]!;
    const p = engine.passage(quote.passageId);
    const onQuote = match(q, quote.text);
    const sentence = p.sentences.find((s) => s.start <= quote.start && quote.start < s.end);
    const onSentence = sentence && quote.direct ? match(q, p.text.slice(Math.min(sentence.start, quote.start), Math.max(sentence.end, quote.end))) : onQuote;
    const best = onQuote.coverage >= onSentence.coverage - 0.15 ? onQuote : { ...onSentence, score: onSentence.score * 0.9 };
    scored.push({ quoteId: id, score: best.score * (quote.direct ? 1 : 0.9), coverage: best.coverage, phrase: best.phrase });
  };
  for (const r of index.searchPassages(text).slice(0, 30)) for (const quote of engine.quotesByPassage.get(r.id as number) ?? []) consider(quote.id);
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * Whether a quotation holds the asked words closely enough to be the one asked about: most of
 * the words, and some of them in the order asked (a pasted fragment keeps its order; words
 * picked from all over a passage rarely do).
 */
export function closeEnough(c: QuoteCandidate, q: Query): boolean {
  if (c.coverage < WHO_SAID_MIN_COVERAGE) return false;
  const run = Math.round(c.phrase * q.words.length);
  // One distinctive word among filler ("the talks the") must be found as written, all of it.
  if (q.terms.length < 2) return run >= q.words.length;
  return c.phrase >= WHO_SAID_MIN_ORDERED;
}

export function answerWhoSaid(engine: Engine, input: unknown, limit = engine.limit): WhoSaidAnswer {
  const checked = engine.check(input, "quote");
  if (!checked.ok) return { command: "who-said", results: [], message: checked.message };
  const q = checked.query;
  const { corpus } = engine;
  const scored = rankQuotes(engine, q, checked.text);
  const top = scored[0];
  if (!top || !closeEnough(top, q)) {
    return { command: "who-said", results: [], message: `No quotation in the documents matches "${checked.text}".`, suggestions: engine.suggest(checked.text) };
  }
  const results: WhoSaidResult[] = [];
  const seen = new Set<string>();
  let unattributed: number | null = null;
  for (const s of scored) {
    if (!closeEnough(s, q) || s.score < top.score * 0.6 || results.length >= limit) break;
    const quote = corpus.quotes[s.quoteId]!;
    if (!quote.speaker) {
      unattributed ??= s.quoteId;
      continue;
    }
    const key = `${quote.passageId}:${quote.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = quoteResult(engine, { ...quote, speaker: quote.speaker }, s.score);
    // The same words cited at the same lines (a quote read twice, a repeated document) are one result.
    const { file, lineStart, lineEnd } = result.source;
    const same = `${file}:${lineStart}-${lineEnd}:${quote.text.trim().toLowerCase()}`;
    if (seen.has(same)) continue;
    seen.add(same);
    results.push(result);
  }
  if (results.length === 0 && unattributed !== null) {
    const quote = corpus.quotes[unattributed]!;
    const p = engine.passage(quote.passageId);
    return {
      command: "who-said",
      results: [],
      message: `Those words appear in ${p.file} (line ${p.lineStart}), but the text does not say who said them.`,
    };
  }
  return { command: "who-said", results, ...corrections(checked) };
}

/** "Showing results for …" when the query was spell-corrected. */
export function corrections(checked: { corrected?: string; typed?: string }): { message?: string } {
  if (!checked.corrected) return {};
  // Said as a correction, so no one takes the corrected words for what they typed.
  return { message: `Showing results for "${checked.corrected}"${checked.typed ? ` (corrected from "${checked.typed}")` : ""}.` };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
