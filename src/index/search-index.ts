// MiniSearch over passages and over quotes. Options live here, in one place, because a saved index
// only loads with the same tokenize/processTerm it was built with.
import { LRUCache } from "lru-cache";
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { CompactBuilder } from "./compact-builder.js";
import { attachCompact, type CompactIndex, compactFieldIds, compactFromMiniSearch, type CompactParts, compactParts } from "./compact-index.js";
import { bm25Idf, bm25Score, compactOrSearch, type FuzzyOption, type PrefixOption } from "./compact-search.js";
import { compactAutoSuggest, type Suggestion } from "./suggest.js";
import { foldPunctuation } from "../text/normalize.js";
import { indexTerms, isStopToken, stem, tokenize as words } from "../text/tokenize.js";
import { betterCorrection, typoEdits, typosIn } from "../text/typos.js";
import type { Corpus } from "../types.js";

export interface PassageDoc {
  id: number;
  text: string;
  title: string;
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

/** Fuzzy matching only for words long enough that one typo does not make another word. */
export const fuzzy = (term: string): number | boolean => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false);
export const prefix = (term: string, i: number, terms: string[]): boolean => i === terms.length - 1 && term.length >= 3;

/** What the cache keeps of an index: MiniSearch's in flat arrays, the vocabulary as two lists each. */
export interface StoredIndex {
  passages: CompactIndex;
  words: string[];
  wordCounts: ArrayLike<number>;
  stems: string[];
  stemCounts: ArrayLike<number>;
}

/** How many of a query's words the first search uses (the rarest). */
export const FOCUS_TERMS = 5;

/**
 * At most this many passages (summed over the words) scored by the fallback search. A corpus of a
 * few thousand passages never reaches it; at 100k, common words are left to the rerankers.
 */
export const SCAN_BUDGET = 5000;

/**
 * At most this many of the passages holding every word are ranked (the first in corpus order). At
 * 100k passages of 20 copies a common word's holders run to thousands; the earliest copies of each
 * story come first, and of fewer ranked the phrase check below reads a larger share.
 */
export const ALL_WORDS_BUDGET = 2000;

/** At most this many passages (the best-ranked) are read for the words as asked. */
export const PHRASE_CHECK = 1000;

/** Above this many passages holding all the words, MiniSearch's ranking picks the candidates. */
const MAX_ALL = 30;

/** Intersection of two ascending id lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** Lower case words separated by single spaces, quote marks folded: for finding a phrase as written. */
function folded(text: string): string {
  return foldPunctuation(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

/** The apostrophes foldPunctuation folds to "'": word characters, as "'" is, in the text before folding. */
const APOSTROPHES = new Set(["'", "\u2018", "\u2019", "\u201A", "\u201B", "\u2032", "\u00B4", "`"]);
/** Letters and digits (compiled once: a regular expression with these classes costs milliseconds to build). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point is one folded() keeps in words: a letter, a digit or an apostrophe. */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 39 || cp === 96;
  const ch = String.fromCodePoint(cp);
  return APOSTROPHES.has(ch) || LETTER_OR_DIGIT.test(ch);
}

/** The code point ending just before index i (a surrogate pair read whole), or -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return lo;
}

/** Whether the word (folded: "'" for any apostrophe) is written at s[at…]. */
function wordAt(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let j = 0; j < word.length; j++) {
    const c = s[at + j]!;
    if (word[j] === "'" ? !APOSTROPHES.has(c) : c !== word[j]) return false;
  }
  return true;
}

/**
 * Whether ` ${folded(text)} ` holds ` ${phrase} ` (phrase: folded words joined by single spaces),
 * without building the folded text (the cost of reading hundreds of passages): each place the first
 * word is written in the lower-cased text, then the next words, whole, across runs of separators.
 * Folding is 1:1 and touches no letter, so this is folded()'s split; only a capital sigma's lower
 * case can depend on a neighbour folded, so a text holding one is folded first.
 */
export function phraseTest(phrase: string): (text: string) => boolean {
  const words = phrase.split(" ").filter((w) => w.length > 0);
  const anchor = words[0]?.split("'")[0] ?? "";
  if (anchor === "") return (text) => ` ${folded(text)} `.includes(` ${phrase} `);
  return (text) => {
    const s = text.includes("\u03A3") ? foldPunctuation(text).toLowerCase() : text.toLowerCase();
    for (let at = s.indexOf(anchor); at >= 0; at = s.indexOf(anchor, at + 1)) {
      if (isWordChar(codePointBefore(s, at)) || !wordAt(s, at, words[0]!)) continue;
      let pos = at + words[0]!.length;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) {
        const from = pos;
        while (pos < s.length && !isWordChar(s.codePointAt(pos)!)) pos += s.codePointAt(pos)! > 0xffff ? 2 : 1;
        ok = pos > from && wordAt(s, pos, words[k]!);
        pos += words[k]!.length;
      }
      if (ok && (pos >= s.length || !isWordChar(s.codePointAt(pos)!))) return true;
    }
    return false;
  };
}

/**
 * MiniSearch with read access to its posting lists, through the fields it declares `protected`.
 * Those are not public API: package.json pins minisearch to the version this was written against,
 * and test/search-index.test.ts checks the all-words lists against MiniSearch's own AND search.
 */
export class PassageSearch extends MiniSearch<PassageDoc> {
  constructor() {
    super(PASSAGE_OPTIONS);
  }

  /** The same index, searched through its compact form (see compact-index.ts). */
  static fromCompact(c: CompactIndex): PassageSearch {
    const ms = new PassageSearch();
    attachCompact(ms as MiniSearch<unknown>, c);
    return ms;
  }

  /**
   * `autoSuggest(query, { fuzzy: 0.2, prefix: true })`, the same suggestions in the same order,
   * scoring only the passages every word reaches (see suggest.ts).
   */
  suggestions(query: string): Suggestion[] {
    const parts = compactParts(this as MiniSearch<unknown>);
    if (!parts) return this.autoSuggest(query, { fuzzy: 0.2, prefix: true });
    return compactAutoSuggest(parts, tokenize(query).map(processTerm), { fuzzy: 0.2, boost: PASSAGE_OPTIONS.searchOptions!.boost! });
  }

  /**
   * `search(query, options)` (OR, with PASSAGE_OPTIONS' boosts): the same passages, scores and order,
   * at most `limit` of them; over the compact arrays when the index is compact (compact-search.ts).
   * Only ids and scores are filled in.
   */
  searchScored(query: string, options: { fuzzy?: FuzzyOption; prefix?: PrefixOption } = {}, limit = Infinity): SearchResult[] {
    const parts = compactParts(this as MiniSearch<unknown>);
    if (!parts) return this.search(query, options).slice(0, limit);
    return compactOrSearch(
      parts,
      tokenize(query).map(processTerm),
      PASSAGE_OPTIONS.searchOptions!.boost!,
      options.fuzzy ?? false,
      options.prefix ?? false,
      limit,
    );
  }

  /** The sorted ids of the passages whose text holds the term, or null when none does. */
  textPostings(term: string): Int32Array | null {
    const field = this._fieldIds.text;
    const compact = field === undefined ? null : compactFieldIds(this as MiniSearch<unknown>, term, field);
    if (compact !== undefined) return compact;
    // MiniSearch keeps term → field → short document id → frequency; the short ids map to ours.
    const docs = field === undefined ? undefined : this._index.get(term)?.get(field);
    if (!docs) return null;
    const ids = new Int32Array(docs.size);
    let n = 0;
    for (const shortId of docs.keys()) {
      const id = this._documentIds.get(shortId) as number | undefined;
      if (id !== undefined) ids[n++] = id;
    }
    return ids.subarray(0, n).sort();
  }

  /**
   * The given passages (ids of ours) scored on the given stems as MiniSearch's exact search scores
   * them (BM25+ over text and title, with PASSAGE_OPTIONS' boosts), best first; ties keep the
   * corpus' order. Only those passages are looked at, however common the stems.
   */
  scoreOnly(ids: readonly number[], stems: readonly string[], limit = Infinity): SearchResult[] {
    const parts = compactParts(this as MiniSearch<unknown>);
    if (parts) return scoreCompact(parts, this._idToShortId as Map<unknown, number>, ids, stems, limit);
    const boosts = PASSAGE_OPTIONS.searchOptions!.boost!;
    const fields = Object.entries(this._fieldIds).map(([name, fieldId]) => ({ fieldId, boost: boosts[name] ?? 1, avg: this._avgFieldLength[fieldId]! }));
    const data = stems.map((st) => this._index.get(st));
    const out: SearchResult[] = [];
    for (const id of ids) {
      const shortId = this._idToShortId.get(id);
      if (shortId === undefined) continue;
      const lengths = this._fieldLength.get(shortId)!;
      let score = 0;
      let matched = 0;
      for (const byField of data) {
        if (!byField) continue;
        let hit = false;
        for (const f of fields) {
          const docs = byField.get(f.fieldId);
          const tf = docs?.get(shortId);
          if (!docs || tf === undefined) continue;
          hit = true;
          score += f.boost * bm25(tf, docs.size, this._documentCount, lengths[f.fieldId]!, f.avg);
        }
        if (hit) matched++;
      }
      out.push({ id, score: score * (matched || 1), terms: [], queryTerms: [], match: {} });
    }
    // A stable sort: equal scores (copies of one story) stay in corpus order, the earliest files first.
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

/**
 * scoreOnly over the compact arrays: each passage's frequency found by binary search in the
 * term's sorted postings, so the work grows with the passages scored, never with how common the
 * words are (no posting list is decoded). The same sums in the same order: the same scores.
 */
function scoreCompact(parts: CompactParts, shortIdOf: Map<unknown, number>, ids: readonly number[], stems: readonly string[], limit: number): SearchResult[] {
  const c = parts.compact;
  const boosts = PASSAGE_OPTIONS.searchOptions!.boost!;
  const F = Object.keys(c.fieldIds).length;
  const fields = Object.entries(c.fieldIds).map(([name, fieldId]) => ({ fieldId, boost: boosts[name] ?? 1, avg: c.averageFieldLength[fieldId]! }));
  const runs = stems.map((st) => parts.termIndex(st) ?? -1).filter((t) => t >= 0);
  const kept: number[] = [];
  const scores: number[] = [];
  for (const id of ids) {
    const shortId = shortIdOf.get(id);
    if (shortId === undefined) continue;
    let score = 0;
    let matched = 0;
    for (const t of runs) {
      let hit = false;
      for (const f of fields) {
        const from = c.offsets[t * F + f.fieldId]!;
        const to = c.offsets[t * F + f.fieldId + 1]!;
        const at = findSorted(c.postings, from, to, shortId);
        if (at < 0) continue;
        hit = true;
        score += f.boost * bm25(c.freqs[at]!, to - from, c.documentCount, c.fieldLengths[shortId * F + f.fieldId]!, f.avg);
      }
      if (hit) matched++;
    }
    kept.push(id);
    scores.push(score * (matched || 1));
  }
  // Best first; equal scores in the order given (corpus order: the earliest files first).
  const order = kept.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const out: SearchResult[] = [];
  for (const i of order) {
    if (out.length >= limit) break;
    out.push({ id: kept[i]!, score: scores[i]!, terms: [], queryTerms: [], match: {} });
  }
  return out;
}

/** Where `x` is in the ascending run a[from … to), or -1. */
function findSorted(a: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** MiniSearch's BM25+ (its default k, b, d), so scores compare with its own. */
function bm25(tf: number, df: number, n: number, length: number, avgLength: number): number {
  return bm25Score(bm25Idf(n, df), tf, length, avgLength);
}

/** The words of the corpus (as written, normalized) with their counts, and the stems they make. */
export class Vocabulary {
  private tree: SearchableMap<number> | null = new SearchableMap<number>();
  /** A loaded vocabulary's words, made into a tree only when typo correction first needs them. */
  private pending: { words: string[]; counts: ArrayLike<number> } | null = null;

  /** The words as written (normalized), with their counts. */
  get words(): SearchableMap<number> {
    if (!this.tree) {
      const tree = new SearchableMap<number>();
      const { words, counts } = this.pending!;
      words.forEach((w, i) => tree.set(w, counts[i]!));
      this.tree = tree;
      this.pending = null;
    }
    return this.tree;
  }

  static fromLists(words: string[], counts: ArrayLike<number>, stems: string[], stemCounts: ArrayLike<number>): Vocabulary {
    const v = new Vocabulary();
    v.tree = null;
    v.pending = { words, counts };
    stems.forEach((st, i) => v.df.set(st, stemCounts[i]!));
    return v;
  }

  /** Stem → number of passages (and titles) it occurs in. */
  readonly df = new Map<string, number>();

  static of(corpus: Corpus): Vocabulary {
    const v = new Vocabulary();
    for (const p of corpus.passages) v.add(p.text);
    for (const d of corpus.documents) v.add(d.title);
    return v;
  }

  add(text: string): void {
    const seen = new Set<string>();
    for (const t of words(text)) {
      if (isStopToken(t)) continue;
      const st = stem(t.norm);
      if (!seen.has(st)) {
        seen.add(st);
        this.df.set(st, (this.df.get(st) ?? 0) + 1);
      }
      if (!/\d/.test(t.norm)) this.words.update(t.norm, (n = 0) => n + 1);
    }
  }

  /**
   * The rarest words of a query (fewest passages), at most `k`: searching on those finds the same
   * passages as on all the words (the answers rerank on all of them) at a fraction of the cost,
   * because common words have the longest posting lists.
   */
  focus(text: string, k = FOCUS_TERMS): string {
    const toks = words(text).filter((t) => !isStopToken(t));
    const byStem = new Map<string, { raw: string; df: number }>();
    for (const t of toks) {
      const st = stem(t.norm);
      if (!byStem.has(st)) byStem.set(st, { raw: t.raw, df: this.df.get(st) ?? 0 });
    }
    if (byStem.size <= k) return text;
    const known = [...byStem.values()].filter((x) => x.df > 0);
    if (known.length === 0) return text;
    return known
      .sort((a, b) => a.df - b.df)
      .slice(0, k)
      .map((x) => x.raw)
      .join(" ");
  }

  private surfaces: Map<string, { word: string; n: number }> | null = null;

  /** The word as the documents most often write it for a stem ("potenti" → "potential"), or null. */
  surface(stemmed: string): string | null {
    if (!this.surfaces) {
      this.surfaces = new Map();
      for (const [word, n] of this.words) {
        const st = stem(word);
        const best = this.surfaces.get(st);
        if (!best || n > best.n || (n === best.n && word.length < best.word.length)) this.surfaces.set(st, { word, n });
      }
    }
    return this.surfaces.get(stemmed)?.word ?? null;
  }

  /**
   * The query's words, rarest first, as long as the passages holding them add up to at most
   * `budget`: the fallback search scores every passage holding any of its words, so a common word
   * would make one question scan most of the corpus. The rarest word is always kept, and words no
   * passage has cost nothing. The text as is when nothing is dropped.
   */
  withinBudget(text: string, budget: number): string {
    const byStem = new Map<string, { raw: string; df: number }>();
    for (const t of words(text)) {
      if (isStopToken(t)) continue;
      const st = stem(t.norm);
      if (!byStem.has(st)) byStem.set(st, { raw: t.raw, df: this.df.get(st) ?? 0 });
    }
    const sorted = [...byStem.values()].sort((a, b) => a.df - b.df);
    const kept: string[] = [];
    let scanned = 0;
    for (const x of sorted) {
      if (kept.length > 0 && scanned + x.df > budget) break;
      kept.push(x.raw);
      scanned += x.df;
    }
    return kept.length === sorted.length ? text : kept.join(" ");
  }

  /** Corrections made so far, by the word as typed (null: nothing close); questions repeat words. */
  private readonly corrections = new LRUCache<string, string | false>({ max: 10_000 });

  /**
   * The query with misspelt words replaced by the closest corpus word (one slip for words of 4–9
   * letters, two edits from 10: text/typos.ts), or null when nothing needed correcting.
   */
  correct(text: string): string | null {
    let out = "";
    let at = 0;
    let changed = false;
    for (const t of words(text)) {
      if (isStopToken(t) || t.norm.length < 4 || /\d/.test(t.norm) || this.df.has(stem(t.norm))) continue;
      let best = this.corrections.get(t.norm);
      if (best === undefined) {
        best = this.closest(t.norm) ?? false;
        this.corrections.set(t.norm, best);
      }
      if (!best) continue;
      out += text.slice(at, t.start) + best;
      at = t.end;
      changed = true;
    }
    return changed ? out + text.slice(at) : null;
  }

  /**
   * The corpus word nearest a typed one (a typo of it by text/typos.ts: one slip, or two edits from
   * ten letters), the most frequent among equals; one slip looked for before two (far cheaper).
   */
  private closest(norm: string): string | null {
    const maxEdits = typoEdits(norm) || 1;
    for (let d = 1; d <= maxEdits; d++) {
      let best: { word: string; d: number; n: number } | null = null;
      for (const [word, n, dist] of typosIn(this.words, norm, d)) {
        const c = { word, d: dist, n };
        if (betterCorrection(c, best)) best = c;
      }
      if (best) return best.word;
    }
    return null;
  }
}

/**
 * One MiniSearch index, over passages: quotations, time expressions and stances are found through
 * the passages that hold them (every answer reranks candidates on their own words).
 */
export class SearchIndex {
  constructor(
    readonly passages: PassageSearch,
    readonly vocabulary: Vocabulary,
  ) {}

  static build(corpus: Corpus): SearchIndex {
    const b = new SearchIndexBuilder();
    b.addCorpus(corpus);
    return b.finish();
  }

  /** The same index, built in chunks that yield to the event loop (the bot keeps answering). */
  static async buildAsync(corpus: Corpus): Promise<SearchIndex> {
    const b = new SearchIndexBuilder();
    const titles = corpus.documents.map((d) => d.title);
    for (let i = 0; i < corpus.passages.length; i += 500) {
      for (const p of corpus.passages.slice(i, i + 500)) b.addPassage(p.id, p.text, titles[p.docId]!);
      await new Promise<void>((r) => setImmediate(r));
    }
    for (const t of titles) b.addTitle(t);
    return b.finish();
  }

  /** What the cache saves (see StoredIndex). */
  toStored(): StoredIndex {
    const words: string[] = [];
    const wordCounts: number[] = [];
    for (const [w, n] of this.vocabulary.words) {
      words.push(w);
      wordCounts.push(n);
    }
    return {
      passages: compactFromMiniSearch(this.passages as MiniSearch<unknown>),
      words,
      wordCounts,
      stems: [...this.vocabulary.df.keys()],
      stemCounts: [...this.vocabulary.df.values()],
    };
  }

  static fromStored(data: StoredIndex): SearchIndex {
    return new SearchIndex(PassageSearch.fromCompact(data.passages), Vocabulary.fromLists(data.words, data.wordCounts, data.stems, data.stemCounts));
  }

  /**
   * Words from the corpus close to the query, for "did you mean", as the documents write them: the
   * index holds stems ("potenti becom deepli"), which no one would type.
   */
  suggest(query: string, max = 3): string[] {
    const out = new Set<string>();
    for (const s of this.passages.suggestions(query)) {
      out.add(s.terms.map((t) => this.vocabulary.surface(t) ?? t).join(" "));
      if (out.size >= max) break;
    }
    return [...out];
  }

  /**
   * Candidate passages for a query, best first. First the passages holding every word of it (found
   * by intersecting posting lists, rarest first: microseconds, where scoring every passage with a
   * common word costs milliseconds); when there are none, or too many to rank that way, MiniSearch
   * on the rarest words; fuzzy and prefix matching only when that finds too little.
   */
  searchPassages(query: string, min = 5, textOf?: (id: number) => string | undefined, limit = Infinity): SearchResult[] {
    const ids = this.withAllWords(query);
    if (ids.length > 0 && ids.length <= MAX_ALL) return ids.slice(0, limit).map((id) => ({ id, score: 1, terms: [], queryTerms: [], match: {} }));
    if (ids.length > MAX_ALL) {
      // Many passages hold every word (a story reprinted many times, or common words): they are the
      // candidates, ranked among themselves (the first ALL_WORDS_BUDGET in corpus order when more), and
      // those with the words as asked, stopwords and order included, first: the quotation asked
      // about is not lost among passages that merely share its content words.
      const phrase = folded(query);
      const checked = textOf && phrase.includes(" ");
      // Of the ranking only its head can be returned: the phrase check's share, then `limit`.
      const ranked = this.passages.scoreOnly(ids.slice(0, ALL_WORDS_BUDGET), [...new Set(indexTerms(query))], (checked ? PHRASE_CHECK : 0) + limit);
      if (!checked) return ranked.slice(0, limit);
      // Reading texts costs: only the best-ranked PHRASE_CHECK are read, with a regular expression
      // rather than by folding each (phraseTest).
      const holds = phraseTest(phrase);
      const holding = ranked.slice(0, PHRASE_CHECK).filter((r) => holds(textOf(r.id as number) ?? ""));
      const first = new Set(holding);
      return (holding.length === 0 ? ranked : [...holding, ...ranked.filter((r) => !first.has(r))]).slice(0, limit);
    }
    const focused = this.vocabulary.withinBudget(this.vocabulary.focus(query), SCAN_BUDGET);
    // How many results there are decides the fuzzy retry; past `limit` they need no result object.
    const exact = this.passages.searchScored(focused, {}, Math.max(min, limit));
    if (exact.length >= min) return exact.slice(0, limit);
    return this.passages.searchScored(focused, { fuzzy, prefix }, limit);
  }

  /** Ascending ids of the passages whose text holds every content word of the query (posting lists intersected, rarest first). */
  withAllWords(query: string): number[] {
    const stems = [...new Set(indexTerms(query))];
    if (stems.length === 0) return [];
    const lists: Int32Array[] = [];
    for (const st of stems) {
      const list = this.postings(st);
      if (!list) return []; // a word no passage has: nothing holds them all
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let ids: ArrayLike<number> = lists[0]!;
    for (let k = 1; k < lists.length && ids.length > 0; k++) ids = intersect(ids, lists[k]!);
    return Array.from(ids);
  }

  /** Posting lists read so far (false: no passage has the stem; lru-cache keeps no null). */
  private readonly postingCache = new LRUCache<string, Int32Array | false>({ max: 20_000 });

  /** The sorted passage ids whose text holds a stem, read from MiniSearch's own index (memoized). */
  postings(stemmed: string): Int32Array | null {
    let list = this.postingCache.get(stemmed);
    if (list === undefined) {
      list = this.passages.textPostings(stemmed) ?? false;
      this.postingCache.set(stemmed, list);
    }
    return list || null;
  }
}

/**
 * Builds a SearchIndex passage by passage (a batch of documents at a time, as they are extracted):
 * the compact index (compact-builder.ts) and the vocabulary, the same as MiniSearch's addAll and
 * Vocabulary.of over the whole corpus would give, without holding the passages.
 */
export class SearchIndexBuilder {
  private readonly compact = new CompactBuilder(PASSAGE_OPTIONS.fields, tokenize);
  private readonly vocabulary = new Vocabulary();
  private readonly titles: string[] = [];

  /** A passage, in id order, with its document's title. */
  addPassage(id: number, text: string, title: string): void {
    this.compact.add(id, [text, title]);
    this.vocabulary.add(text);
  }

  /** A document's title (after all the passages: Vocabulary.of counts titles last). */
  addTitle(title: string): void {
    this.titles.push(title);
  }

  addCorpus(corpus: Corpus): void {
    for (const p of corpus.passages) this.addPassage(p.id, p.text, corpus.documents[p.docId]!.title);
    for (const d of corpus.documents) this.addTitle(d.title);
  }

  finish(): SearchIndex {
    for (const t of this.titles) this.vocabulary.add(t);
    return new SearchIndex(PassageSearch.fromCompact(this.compact.finish()), this.vocabulary);
  }
}
