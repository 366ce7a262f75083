// Placeholder replaced below.
import type { PassageDraft } from "../knowledge/passages.js";
import type { Polarity } from "../types.js";
import type { QuoteDraft } from "./quotes.js";
export interface StanceDraft {
  passage: number;
  actor: string;
  actorText: string;
  cue: string;
  cueStart: number;
  cueEnd: number;
  polarity: Polarity;
  negated: boolean;
  target: string;
  sentence: { start: number; end: number };
  weight: number;
}
export function extractStances(_p: PassageDraft[], _q: QuoteDraft[]): StanceDraft[] {
  return [];
}
