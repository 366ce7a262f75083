// who-said: the quotation that best matches the words, and its speaker. A match whose speaker
// the text does not give is reported as such, never filled in.
import type { PassageFacts } from "../store/types.js";
import type { Quote } from "../types.js";
import { cite } from "./citation.js";
import { type AnswerContext, candidatePassages, checkCorrected, limitOf } from "./context.js";
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
  quote: Quote;
  /** The passage holding the quotation, with its document and facts. */
  at: PassageFacts;
  score: number;
  coverage: number;
  /** Longest run of the query's words found in the same order, over the query's length. */
  phrase: number;
}

/**
 * The quotations of the best passages (ranked on the rarest words), scored on the quote's own
 * words and its sentence's (the words may run past the quote marks), best first.
 */
export async function rankQuotes(ctx: AnswerContext, q: Query, text: string): Promise<QuoteCandidate[]> {
  const scored: QuoteCandidate[] = [];
  const seenIds = new Set<number>();
  const consider = (quote: Quote, at: PassageFacts): void => {
    if (seenIds.has(quote.id)) return;
    seenIds.add(quote.id);
    const p = at.passage;
    const onQuote = match(q, quote.text);
    const sentence = p.sentences.find((s) => s.start <= quote.start && quote.start < s.end);
    const onSentence = sentence && quote.direct ? match(q, p.text.slice(Math.min(sentence.start, quote.start), Math.max(sentence.end, quote.end))) : onQuote;
    const best = onQuote.coverage >= onSentence.coverage - 0.15 ? onQuote : { ...onSentence, score: onSentence.score * 0.9 };
    scored.push({ quote, at, score: best.score * (quote.direct ? 1 : 0.9), coverage: best.coverage, phrase: best.phrase });
  };
  for (const at of await candidatePassages(ctx, text, 30)) for (const quote of at.quotes) consider(quote, at);
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * Whether a quotation holds the asked words closely enough to be the one asked about: most of
 * the words, and some of them in the order asked (a pasted fragment keeps its order; words
 * picked from all over a passage rarely do).
 */
export function closeEnough(c: Pick<QuoteCandidate, "coverage" | "phrase">, q: Query): boolean {
  if (c.coverage < WHO_SAID_MIN_COVERAGE) return false;
  const run = Math.round(c.phrase * q.words.length);
  // One distinctive word among filler ("the talks the") must be found as written, all of it.
  if (q.terms.length < 2) return run >= q.words.length;
  return c.phrase >= WHO_SAID_MIN_ORDERED;
}

export async function answerWhoSaid(ctx: AnswerContext, input: unknown, limit = limitOf(ctx)): Promise<WhoSaidAnswer> {
  const checked = await checkCorrected(ctx, input, "quote");
  if (!checked.ok) return { command: "who-said", results: [], message: checked.message };
  const q = checked.query;
  const scored = await rankQuotes(ctx, q, checked.text);
  const top = scored[0];
  if (!top || !closeEnough(top, q)) {
    return {
      command: "who-said",
      results: [],
      message: `No quotation in the documents matches "${checked.text}".`,
      suggestions: await ctx.backend.suggest(checked.text),
    };
  }
  const results: WhoSaidResult[] = [];
  const seen = new Set<string>();
  let unattributed: QuoteCandidate | null = null;
  // Copies of one story (a wire story reprinted by many outlets) are one result: the same speaker
  // and words, cited once, from the copy the words fit best, the earliest among equals.
  const groups = new Map<string, QuoteCandidate[]>();
  for (const s of scored) {
    if (!closeEnough(s, q) || s.score < top.score * 0.6) break;
    if (!s.quote.speaker) {
      unattributed ??= s;
      continue;
    }
    const key = copyKey(s.quote.speaker, s.quote.text);
    const group = groups.get(key);
    if (group) group.push(s);
    else if (groups.size < limit) groups.set(key, [s]);
  }
  for (const group of groups.values()) {
    const s = citedCopy(group);
    const quote = s.quote;
    const key = `${quote.passageId}:${quote.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = await quoteResult(ctx, { ...quote, speaker: quote.speaker! }, s.score, s.at);
    // The same words cited at the same lines (a quote read twice, a repeated document) are one result.
    const { file, page, lineStart, lineEnd } = result.source;
    const same = `${file}:${page ?? ""}:${lineStart}-${lineEnd}:${quote.text.trim().toLowerCase()}`;
    if (seen.has(same)) continue;
    seen.add(same);
    const others = new Set(group.map((g) => g.at.document.id)).size - 1;
    results.push(others > 0 ? { ...result, copies: others } : result);
  }
  if (results.length === 0 && unattributed !== null) {
    const { passage: p, document: doc } = unattributed.at;
    // The quotation's own first line; a PDF's lines are counted per page, as every citation counts them.
    const { citation } = cite(doc, p, unattributed.quote.start, unattributed.quote.end, ctx.options);
    const where = citation.page ? `p. ${citation.page}, line ${citation.lineStart}` : `line ${citation.lineStart}`;
    return {
      command: "who-said",
      results: [],
      message: `Those words appear in ${p.file} (${where}), but the text does not say who said them.`,
    };
  }
  return { command: "who-said", results, ...corrections(checked) };
}

/** The same speaker and words, however spaced, cased or punctuated. */
function copyKey(speaker: string, text: string): string {
  const fold = (x: string): string =>
    x
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return `${fold(speaker)}\u0000${fold(text)}`;
}

/** Of copies of one quotation, the one to cite: the best fit to the words asked, then the earliest dated, then the first in the corpus. */
function citedCopy(group: QuoteCandidate[]): QuoteCandidate {
  const best = Math.max(...group.map((g) => g.score));
  const date = (g: QuoteCandidate): string => g.at.document.date ?? "\uffff";
  return group
    .filter((g) => g.score >= best - 1e-9)
    .reduce((a, b) => (date(b) < date(a) || (date(b) === date(a) && b.at.document.id < a.at.document.id) ? b : a));
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
