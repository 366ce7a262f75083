// The answer key a generated corpus comes with: questions whose answers the generator knows,
// in the shape of ../shared/eval's cases (speaker/expression/date plus the file and lines to cite).
import type { Polarity } from "./text.js";

export interface WhoSaidKey {
  query: string;
  /** Any of these inside the answer's speaker passes (surname, description core, company name). */
  speakers: string[];
  /** The speaker in full, for reports. */
  speaker: string;
  file: string;
  /** The lines the quoted words are on; a citation must include one. */
  lines: number[];
  /** How the quote was attributed (q_x_said, continuation, nominal…): accuracy is broken down by it. */
  pattern: string;
  direct: boolean;
}

export interface WhenKey {
  query: string;
  expression: string;
  /** Accepted ISO values (the answer's date must start with one), or null when the text cannot fix a date. */
  values: string[] | null;
  file: string;
  lines: number[];
  /** weekday, month, lastMonthName, fullDate, lastWeek… */
  kind: string;
  dated: boolean;
}

export interface StanceKey {
  actor: string;
  topic: string;
  polarity: Polarity;
  evidence: Array<{ file: string; lines: number[] }>;
}

export interface AnswerKey {
  generator: number;
  passages: number;
  seed: string;
  whoSaid: WhoSaidKey[];
  when: WhenKey[];
  stance: StanceKey[];
  /** Two to four consecutive content words from random passages (search questions). */
  searchPhrases: string[];
  /** Words that appear nowhere in the corpus. */
  absentWords: string[];
}

export interface Manifest {
  generator: number;
  passages: number;
  seed: string;
  documents: number;
  /** Article paragraphs written (boilerplate and subheadings excluded). */
  paragraphs: number;
  bytes: number;
  formats: Record<string, number>;
  undated: number;
  candidates: { quotes: number; uniqueQuotes: number; times: number; uniqueTimes: number; stancePairs: number; mixedStancePairs: number };
  distinctWords: number;
}
