// check: is this quotation in the documents, word for word, and said by whom? The verdict is
// exact (the text has these words in this order), close (the same stretch of text, worded
// differently: the changed words are listed), other-speaker (the text gives the words to someone
// else) or not-found. The query is never spell-corrected: a changed letter is a changed word.
import type { PassageFacts } from "../store/types.js";
import type { Passage, Quote } from "../types.js";
import { cite } from "./citation.js";
import { type AnswerContext, candidatePassages, limitOf, passageById } from "./context.js";
import { makeQuery, match } from "./match.js";
import { speakerMatcher } from "./speaker-match.js";
import type { CheckAnswer, CheckResult, CheckVerdict } from "./types.js";
import { checkQuery } from "./validate.js";
import { alignWords, type Alignment } from "./word-diff.js";

/** Share of words that must agree, in order, for a stretch of text to be the one quoted. */
export const CLOSE_MIN_SIMILARITY = 0.6;
/** Share of the question's content words the stretch must have (so shared small words never suffice). */
export const CLOSE_MIN_COVERAGE = 0.5;
/** Passages compared word by word, from the index's best. */
const CANDIDATE_PASSAGES = 30;

interface Candidate {
  at: PassageFacts;
  passage: Passage;
  align: Alignment;
  quote: Quote | null;
  coverage: number;
  level: "exact" | "close";
}

/** Quote marks around the whole question are not part of the wording. */
export function stripQuoteMarks(s: string): string {
  return s
    .trim()
    .replace(/^["“”„«»'‘’]+/, "")
    .replace(/["“”„«»'‘’]+$/, "")
    .trim();
}

export async function answerCheck(ctx: AnswerContext, quoteInput: unknown, speakerInput?: unknown, limit = limitOf(ctx)): Promise<CheckAnswer> {
  const speaker = typeof speakerInput === "string" && speakerInput.trim() ? speakerInput.trim().slice(0, 200) : null;
  const base = { command: "check" as const, query: typeof quoteInput === "string" ? quoteInput.trim() : "", speaker, results: [] };
  const checked = checkQuery(typeof quoteInput === "string" ? stripQuoteMarks(quoteInput) : quoteInput, "quote");
  if (!checked.ok) return { ...base, verdict: "not-found", message: checked.message };
  const text = checked.text;
  const base2 = { ...base, query: text };

  const candidates: Candidate[] = [];
  for (const at of await candidatePassages(ctx, text, CANDIDATE_PASSAGES)) {
    const c = compare(at, text);
    if (c) candidates.push(c);
  }
  candidates.sort(
    (a, b) => b.align.similarity - a.align.similarity || b.align.matched - a.align.matched || Number(!!b.quote?.speaker) - Number(!!a.quote?.speaker),
  );
  const best = candidates[0];
  if (!best) return { ...base2, verdict: "not-found" };

  let chosen = best;
  let verdict: CheckVerdict = best.level;
  let message: string | undefined;
  if (speaker) {
    const fits = speakerMatcher(speaker);
    const theirs = candidates.find((c) => c.quote && fits(c.quote.speaker, c.quote.role) !== "none");
    if (theirs) {
      chosen = theirs;
      verdict = theirs.level;
    } else if (best.quote?.speaker) {
      verdict = "other-speaker";
    } else {
      message = `The documents have these words, but do not say that ${speaker} said them.`;
    }
  } else if (!best.quote?.speaker) {
    message = best.quote
      ? "The documents have these words as a quotation, but do not say who said them."
      : "The documents have these words, but not as anyone's quotation.";
  }
  // The chosen place first, then other places that agree as well (the same words in another report).
  const rest = candidates.filter((c) => c !== chosen && c.align.similarity >= chosen.align.similarity - 0.1 && (verdict !== "exact" || c.level === "exact"));
  const results = await Promise.all([chosen, ...rest].slice(0, Math.max(1, limit)).map((c) => toResult(ctx, c)));
  return { ...base2, verdict, results, ...(message ? { message } : {}) };
}

/** The best stretch of one passage for the question, and whether it is exact, close or neither. */
function compare(at: PassageFacts, text: string): Candidate | null {
  const { passage: p, quotes } = at;
  const first = alignWords(text, p.text);
  if (!first) return null;
  let quote: Quote | null = null;
  let most = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, first.end) - Math.max(q.start, first.start);
    if (overlap > most) [quote, most] = [q, overlap];
  }
  // Changed words at the ends are looked for inside the quotation (or the sentence), not past it.
  const sentence = p.sentences.find((s) => s.start <= first.start && first.start < s.end);
  const bounds: [number, number] = quote ? [quote.start, quote.end] : sentence ? [sentence.start, Math.max(sentence.end, first.end)] : [first.start, first.end];
  const align = alignWords(text, p.text, bounds) ?? first;
  const coverage = match(makeQuery(text), p.text.slice(align.start, align.end)).coverage;
  const exact = align.matched === align.queryWords && align.textWords === align.queryWords;
  if (exact) return { at, passage: p, align, quote, coverage, level: "exact" };
  if (align.similarity >= CLOSE_MIN_SIMILARITY && coverage >= CLOSE_MIN_COVERAGE) return { at, passage: p, align, quote, coverage, level: "close" };
  return null;
}

async function toResult(ctx: AnswerContext, c: Candidate): Promise<CheckResult> {
  const { passage: p, align, quote } = c;
  const doc = c.at.document;
  // The attribution is part of the proof: the excerpt reaches it when it is in the same paragraph.
  const attr = quote?.attribution;
  const near = attr && attr.passageId === p.id ? attr : undefined;
  const other = attr && !near ? await passageById(ctx, attr.passageId) : null;
  const elsewhere = attr && other ? { passage: other.passage, start: attr.start, end: attr.end } : undefined;
  const from = near ? Math.min(align.start, near.start) : align.start;
  const to = near ? Math.max(align.end, near.end) : align.end;
  const { citation, excerptOffset } = cite(doc, p, from, to, ctx.options, elsewhere);
  return {
    speaker: quote?.speaker ?? null,
    role: quote?.speaker ? quote.role : null,
    quote: p.text.slice(align.start, align.end),
    diff: align.changes.map((ch) => ({ query: ch.query, text: ch.text })),
    score: Math.round(align.similarity * 1000) / 1000,
    source: citation,
    title: doc.title,
    docDate: doc.date,
    // Exact: the quoted words; otherwise the words the text has where the question differs.
    highlight: (c.level === "exact" ? [align] : align.changes.filter((ch) => ch.end > ch.start)).map(
      (s) => [s.start - excerptOffset, s.end - excerptOffset] as [number, number],
    ),
  };
}
