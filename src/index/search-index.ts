// MiniSearch over passages and over quotes. Options live here, in one place, because a saved index
// only loads with the same tokenize/processTerm it was built with.
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { indexTerms, isStopToken, stem, tokenize as words } from "../text/tokenize.js";
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
const tokenize = (text: string): string[] => indexTerms(text);
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

export interface SerializedIndex {
  passages: string;
  quotes: string;
  vocabulary: Array<[string, number]>;
}

function documents(corpus: Corpus): { passageDocs: PassageDoc[]; quoteDocs: QuoteDoc[] } {
  return {
    passageDocs: corpus.passages.map((p) => ({ id: p.id, text: p.text, title: corpus.documents[p.docId]!.title })),
    quoteDocs: corpus.quotes.filter((q) => q.speaker).map((q) => ({ id: q.id, text: q.text })),
  };
}

/** The words of the corpus (as written, normalized) with their counts, and the stems they make. */
export class Vocabulary {
  readonly words = new SearchableMap<number>();
  readonly stems = new Set<string>();

  static of(corpus: Corpus): Vocabulary {
    const v = new Vocabulary();
    for (const p of corpus.passages) v.add(p.text);
    for (const d of corpus.documents) v.add(d.title);
    return v;
  }

  add(text: string): void {
    for (const t of words(text)) {
      if (isStopToken(t) || /\d/.test(t.norm)) continue;
      this.words.update(t.norm, (n = 0) => n + 1);
      this.stems.add(stem(t.norm));
    }
  }

  /**
   * The query with misspelt words replaced by the closest corpus word (one edit for words of 4–7
   * letters, two from 8), or null when nothing needed correcting.
   */
  correct(text: string): string | null {
    let out = "";
    let at = 0;
    let changed = false;
    for (const t of words(text)) {
      if (isStopToken(t) || t.norm.length < 4 || /\d/.test(t.norm) || this.stems.has(stem(t.norm))) continue;
      let best: { word: string; d: number; n: number } | null = null;
      for (const [word, [n, d]] of this.words.fuzzyGet(t.norm, t.norm.length >= 8 ? 2 : 1)) {
        if (!best || d < best.d || (d === best.d && n > best.n)) best = { word, d, n };
      }
      if (!best) continue;
      out += text.slice(at, t.start) + best.word;
      at = t.end;
      changed = true;
    }
    return changed ? out + text.slice(at) : null;
  }
}

export class SearchIndex {
  constructor(
    readonly passages: MiniSearch<PassageDoc>,
    readonly quotes: MiniSearch<QuoteDoc>,
    readonly vocabulary: Vocabulary,
  ) {}

  static build(corpus: Corpus): SearchIndex {
    const { passageDocs, quoteDocs } = documents(corpus);
    const passages = new MiniSearch<PassageDoc>(PASSAGE_OPTIONS);
    passages.addAll(passageDocs);
    const quotes = new MiniSearch<QuoteDoc>(QUOTE_OPTIONS);
    quotes.addAll(quoteDocs);
    return new SearchIndex(passages, quotes, Vocabulary.of(corpus));
  }

  /** The same index, built in chunks that yield to the event loop (the bot keeps answering). */
  static async buildAsync(corpus: Corpus): Promise<SearchIndex> {
    const { passageDocs, quoteDocs } = documents(corpus);
    const passages = new MiniSearch<PassageDoc>(PASSAGE_OPTIONS);
    await passages.addAllAsync(passageDocs, { chunkSize: 500 });
    const quotes = new MiniSearch<QuoteDoc>(QUOTE_OPTIONS);
    await quotes.addAllAsync(quoteDocs, { chunkSize: 500 });
    return new SearchIndex(passages, quotes, Vocabulary.of(corpus));
  }

  toJSON(): SerializedIndex {
    return { passages: JSON.stringify(this.passages), quotes: JSON.stringify(this.quotes), vocabulary: [...this.vocabulary.words.entries()] };
  }

  /** Loads a saved index; the options must be the ones it was built with (they are: this module's). */
  static fromJSON(data: SerializedIndex): SearchIndex {
    const vocabulary = new Vocabulary();
    for (const [w, n] of data.vocabulary) {
      vocabulary.words.set(w, n);
      vocabulary.stems.add(stem(w));
    }
    return new SearchIndex(MiniSearch.loadJSON<PassageDoc>(data.passages, PASSAGE_OPTIONS), MiniSearch.loadJSON<QuoteDoc>(data.quotes, QUOTE_OPTIONS), vocabulary);
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
