// Small text helpers for the generator: a paragraph builder that remembers where things were put,
// word spans, and the content words a user would type as a query.

export type Polarity = "support" | "oppose" | "neutral";

/** What the generator knows about a span of a paragraph: the raw material of the answer key. */
export type ParaAnn =
  | { type: "quote"; start: number; end: number; query: string; speakers: string[]; speaker: string; pattern: string; direct: boolean; words: string[] }
  | {
      type: "time";
      start: number;
      end: number;
      query: string;
      expression: string;
      values: string[] | null;
      kind: string;
      /** The event's words, numbers left out: equal signatures are the same event to a reader. */ signature: string;
    }
  | { type: "stance"; start: number; end: number; actor: string; principal: string; topic: string; polarity: Polarity };

export interface Paragraph {
  text: string;
  anns: ParaAnn[];
  /** Markup hint: a heading between paragraphs, or a quotation set apart (blockquote). */
  style: "paragraph" | "subhead" | "blockquote";
}

export class ParaBuilder {
  text = "";
  readonly anns: ParaAnn[] = [];

  /** Appends a sentence (a space before it when needed) and returns where it starts. */
  sentence(s: string): number {
    if (this.text && !this.text.endsWith(" ")) this.text += " ";
    const at = this.text.length;
    this.text += s;
    return at;
  }

  done(style: Paragraph["style"] = "paragraph"): Paragraph {
    return { text: this.text, anns: this.anns, style };
  }
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

export function wordSpans(text: string): WordSpan[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Function words nobody types into a search box (the generator's own list, not the engine's). */
export const STOP = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "of",
  "to",
  "in",
  "on",
  "at",
  "for",
  "from",
  "by",
  "with",
  "as",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "has",
  "have",
  "had",
  "it",
  "its",
  "this",
  "that",
  "these",
  "those",
  "we",
  "our",
  "us",
  "i",
  "you",
  "your",
  "they",
  "their",
  "them",
  "he",
  "she",
  "his",
  "her",
  "will",
  "would",
  "not",
  "no",
  "do",
  "did",
  "does",
  "so",
  "if",
  "than",
  "then",
  "there",
  "what",
  "which",
  "who",
  "about",
  "into",
  "over",
  "after",
  "before",
  "up",
  "out",
  "all",
  "any",
  "some",
  "more",
  "most",
  "very",
  "can",
  "could",
  "should",
  "may",
  "might",
  "must",
  "said",
  "says",
  "also",
  "just",
  "let",
  "me",
  "my",
  "is",
  "being",
  "because",
  "when",
  "where",
]);

export function isStop(w: string): boolean {
  return STOP.has(w.toLowerCase());
}

/** The content words of a text in order, as typed (case kept). */
export function contentWords(text: string): string[] {
  return wordSpans(text)
    .map((s) => s.word.replace(/[.,]$/, ""))
    .filter((w) => !isStop(w));
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(?:uni|eu|one)/i.test(word) ? "an" : "a";
}

/** Lower-case words of a text for n-gram counting (letters and digits only). */
export function normWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word.toLowerCase().replace(/’/g, "'"));
}
