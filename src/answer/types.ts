// Answers as plain data: every renderer (terminal, JSON, Discord) starts from these.
import type { Citation, Polarity } from "../types.js";

export type Command = "who-said" | "when" | "stance" | "search" | "sources" | "check" | "said";
export const COMMANDS: readonly Command[] = ["who-said", "when", "stance", "search", "sources", "check", "said"];

/** What every result carries besides its citation, for renderers that show more. */
export interface Located {
  source: Citation;
  /** Document title and publication date, for footers. */
  title: string;
  docDate: string | null;
  /** Offsets of the words to highlight inside `source.excerpt`. */
  highlight: Array<[number, number]>;
}

export interface WhoSaidResult extends Located {
  speaker: string;
  role: string | null;
  quote: string;
  /** False when the words are reported speech rather than a quotation. */
  direct: boolean;
  score: number;
  /** How many other documents carry the same words by the same speaker (copies of one story); absent when none. */
  copies?: number;
}

export interface WhenResult extends Located {
  expression: string;
  date: string | null;
  /** Why date is null. */
  unresolved?: "undated" | "vague";
  score: number;
}

export interface StanceResult extends Located {
  actor: string;
  polarity: Polarity;
  cue: string | null;
  /** What the polarity is for or against, as it reads after "for:" / "against:". */
  target: string;
  score: number;
}

export interface SearchHit extends Located {
  score: number;
}

export interface SourceInfo {
  file: string;
  title: string;
  date: string | null;
  url: string | null;
  passages: number;
  quotes: number;
  format: string;
}

/** One place a checked quotation is found: what the text says there, and how it differs. */
export interface CheckResult extends Located {
  /** The speaker the text gives, or null when it gives none (or the words are not a quotation). */
  speaker: string | null;
  role: string | null;
  /** The document's own words for the checked stretch. */
  quote: string;
  /** Where the question's wording differs: the words the question has and those the text has. */
  diff: Array<{ query: string; text: string }>;
  /** Share of the words that agree, in order (1 = exact). */
  score: number;
}

export type CheckVerdict = "exact" | "close" | "other-speaker" | "not-found";

/** A speaker's quotation or reported statement (the inverse of who-said). */
export type SaidResult = WhoSaidResult;

export interface AnswerBase<C extends Command, R> {
  command: C;
  results: R[];
  /** Shown when there are no results (or to qualify them): why, and what to try. */
  message?: string;
  suggestions?: string[];
}

export type WhoSaidAnswer = AnswerBase<"who-said", WhoSaidResult>;
export type WhenAnswer = AnswerBase<"when", WhenResult>;
export type StanceAnswer = AnswerBase<"stance", StanceResult> & {
  actor: string;
  topic: string | null;
  polarity: "support" | "oppose" | "mixed" | "neutral" | null;
};
export type SearchAnswer = AnswerBase<"search", SearchHit>;
export type SourcesAnswer = AnswerBase<"sources", SourceInfo>;
export type CheckAnswer = AnswerBase<"check", CheckResult> & { query: string; speaker: string | null; verdict: CheckVerdict };
export type SaidAnswer = AnswerBase<"said", SaidResult> & { speaker: string; topic: string | null };
export type Answer = WhoSaidAnswer | WhenAnswer | StanceAnswer | SearchAnswer | SourcesAnswer | CheckAnswer | SaidAnswer;
