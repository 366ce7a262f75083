// One document's passages → the facts the answers need, extracted once at index time.
import type { PassageDraft } from "../knowledge/passages.js";
import { People } from "./people.js";
import { extractQuotes, type QuoteDraft } from "./quotes.js";
import { extractStances, type StanceDraft } from "./stance.js";
import { extractTimes, type TimeDraft } from "./times.js";

export interface DocumentFacts {
  quotes: QuoteDraft[];
  /** Per passage, in passage order. */
  times: TimeDraft[][];
  stances: StanceDraft[];
}

// Kept in a module of its own: the cache checks it without loading the extractors.
export { EXTRACTOR_VERSION } from "./version.js";

export function extractFacts(passages: PassageDraft[], docDate: string | null): DocumentFacts {
  // One register of the people a document names, filled by the quotes, read by the stances.
  const people = new People();
  const quotes = extractQuotes(passages, people);
  const story = { story: null }; // "the next day" in one passage counts from a date in an earlier one
  const times = passages.map((p) => extractTimes(p.text, p.sentences, docDate, story));
  const stances = extractStances(passages, quotes, people);
  return { quotes, times, stances };
}
