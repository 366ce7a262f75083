// The plain data that flows through the pipeline: files → documents → passages with facts →
// index → answers. Nothing here knows about Discord or the terminal.
import type { Span } from "./text/sentences.js";

export type Format = "txt" | "md" | "html" | "pdf" | "docx";

/** A stretch of article text with the source lines it came from. */
export interface Unit {
  text: string;
  /** Ascending [offsetInText, sourceLine] pairs: the line each part of `text` starts on. */
  lineMap: Array<[number, number]>;
  /** What the markup says it is, where there is markup. */
  hint?: "heading" | "item" | "paragraph" | "quote" | "title";
}

export interface DocMeta {
  title: string | null;
  /** Publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD), or null when the document gives none. */
  date: string | null;
  url: string | null;
  author: string | null;
}

export interface DocumentRecord extends DocMeta {
  id: number;
  /** Path relative to the knowledge folder, with `/`. */
  file: string;
  format: Format;
  title: string;
  bytes: number;
  /** Content hash of the file as read. */
  hash: string;
  /** Indexes into the corpus' passages. */
  passageIds: number[];
  warnings: string[];
  /** Paged formats (PDF): pageStarts[i] is the document-wide line number page i+1 starts on. */
  pageStarts?: number[];
}

export interface Passage {
  id: number;
  docId: number;
  file: string;
  text: string;
  lineStart: number;
  lineEnd: number;
  lineMap: Array<[number, number]>;
  sentences: Span[];
}

export type SpeakerKind = "person" | "organization" | "nominal" | "unknown";

export interface Quote {
  id: number;
  passageId: number;
  /** The quoted words, without the quote marks. */
  text: string;
  /** Offsets of the quoted words in the passage text. */
  start: number;
  end: number;
  speaker: string | null;
  role: string | null;
  speakerKind: SpeakerKind;
  /** How the speaker was found (pattern name), for debugging and tests. */
  via: string | null;
  /** False for reported speech without quote marks ("officials said the talks failed"). */
  direct: boolean;
  /** The passage and offsets of the attribution when it is not next to the quote. */
  attribution?: { passageId: number; start: number; end: number };
}

export interface TimeExpression {
  passageId: number;
  /** The time words as written. */
  text: string;
  start: number;
  end: number;
  /** ISO 8601 at the precision the text gives, or null when it cannot be fixed. */
  value: string | null;
  /** Why value is null (e.g. "undated"), for the renderers. */
  unresolved?: "undated" | "vague";
}

export type Polarity = "support" | "oppose" | "neutral";

export interface StanceFact {
  passageId: number;
  /** Canonical key of the actor (lower case), and its surface form. */
  actor: string;
  actorText: string;
  cue: string;
  /** The class of the cue: support, exclusion, criticism, denial, warning. */
  cueClass: string;
  cueStart: number;
  cueEnd: number;
  polarity: Polarity;
  negated: boolean;
  /** What the cue points at, as written. */
  target: string;
  /** Offsets of the sentence holding the cue. */
  sentence: Span;
  /** Offsets of the cue's own clause (or of what an evaluation is about): where the topic belongs. */
  clause?: Span;
  /** 1 for the actor nearest the cue; smaller for actors further off. */
  weight: number;
}

export interface Corpus {
  root: string;
  documents: DocumentRecord[];
  passages: Passage[];
  quotes: Quote[];
  times: TimeExpression[];
  stances: StanceFact[];
  /** Known actors: canonical key → display name and aliases (for autocomplete and stance). */
  actors: Map<string, { name: string; kind: SpeakerKind; mentions: number }>;
  warnings: string[];
}

/** Where an answer comes from: enough to open the file at the line. */
export interface Citation {
  file: string;
  /** Lines of the file; in a paged document (PDF), lines of `page` (and of `pageEnd` for lineEnd). */
  lineStart: number;
  lineEnd: number;
  /** The page lineStart is on, for paged documents. */
  page?: number;
  /** The page lineEnd is on, when the cited lines run onto a later page. */
  pageEnd?: number;
  /** Paged documents: the document-wide lines (what "Show source" buttons carry); internal, never rendered. */
  docLines?: [number, number];
  excerpt: string;
  url: string | null;
}
