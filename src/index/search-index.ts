// MiniSearch over passages and over quotes. Options live here, in one place, because a saved index
// only loads with the same tokenize/processTerm it was built with.
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import { contentTerms } from "../text/tokenize.js";
import type { Corpus } from "../types.js";

export interface PassageDoc {
  id: number;
  text: string;
  title: string;
}

export interface QuoteDoc {
  id: number;
  text: string;
}

// Terms are stemmed with stopwords removed by our own tokenizer, so processTerm has nothing left to do.
const tokenize = (text: string): string[] => contentTerms(text).map((c) => c.term);
const processTerm = (term: string): string => term;

export const PASSAGE_OPTIONS: Options<PassageDoc> = {
  fields: ["text", "title"],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: { boost: { text: 1, title: 0.25 }, combineWith: "OR" },
};

export const QUOTE_OPTIONS: Options<QuoteDoc> = {
  fields: ["text"],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: { combineWith: "OR" },
};

/** Fuzzy matching only for words long enough that one typo does not make another word. */
export const fuzzy = (term: string): number | boolean => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false);
export const prefix = (term: string, i: number, terms: string[]): boolean => i === terms.length - 1 && term.length >= 3;

export class SearchIndex {
  constructor(
    readonly passages: MiniSearch<PassageDoc>,
    readonly quotes: MiniSearch<QuoteDoc>,
  ) {}

  static build(corpus: Corpus): SearchIndex {
    const passages = new MiniSearch<PassageDoc>(PASSAGE_OPTIONS);
    passages.addAll(corpus.passages.map((p) => ({ id: p.id, text: p.text, title: corpus.documents[p.docId]!.title })));
    const quotes = new MiniSearch<QuoteDoc>(QUOTE_OPTIONS);
    quotes.addAll(corpus.quotes.filter((q) => q.speaker).map((q) => ({ id: q.id, text: q.text })));
    return new SearchIndex(passages, quotes);
  }

  /** Exact terms first; fuzzy and prefix matching only when the exact pass finds too little. */
  searchPassages(query: string, min = 5): SearchResult[] {
    const exact = this.passages.search(query);
    if (exact.length >= min) return exact;
    return this.passages.search(query, { fuzzy, prefix });
  }

  searchQuotes(query: string, min = 5): SearchResult[] {
    const exact = this.quotes.search(query);
    if (exact.length >= min) return exact;
    return this.quotes.search(query, { fuzzy, prefix });
  }
}
