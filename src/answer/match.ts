// How well a piece of text answers a query: the share of the query's content words it contains
// (a typo counts for most of a word), plus a bonus for the words in the same order.
import { LRUCache } from "lru-cache";
import { contentTerms, tokenize } from "../text/tokenize.js";
import { FOUND_EXACT, FOUND_TYPO, isTypoOf, typoEdits } from "../text/typos.js";

export interface Query {
  raw: string;
  /** Distinct content terms (stemmed). */
  terms: string[];
  /** All word tokens, normalized, stopwords included: for phrase matching. */
  words: string[];
}

export function makeQuery(raw: string): Query {
  const terms = [...new Set(contentTerms(raw).map((c) => c.term))];
  return { raw, terms, words: tokenize(raw).map((t) => t.norm) };
}

export interface Match {
  /** 0..1: share of query terms found. */
  coverage: number;
  /** 0..1: longest run of query words found in order, over the query length. */
  phrase: number;
  score: number;
  /** Offsets (in the text) of the matched content terms. */
  hits: number[];
}

/** Term → offset of its first occurrence in the text. */
function readPositions(text: string): Map<string, number> {
  const byTerm = new Map<string, number>();
  for (const t of contentTerms(text)) if (!byTerm.has(t.term)) byTerm.set(t.term, t.token.start);
  return byTerm;
}

/**
 * Texts already read, by their string: an answer compares one query with many facts of the same
 * passages and titles (a frequent actor has thousands of stance facts), and tokenizing them again
 * for each was most of a slow answer's time. Bounded; the maps are never changed once made.
 */
const positionsCache = new LRUCache<string, Map<string, number>>({ max: 4096 });

function termPositions(text: string): Map<string, number> {
  let byTerm = positionsCache.get(text);
  if (byTerm === undefined) {
    byTerm = readPositions(text);
    positionsCache.set(text, byTerm);
  }
  return byTerm;
}

/**
 * Typo scans already made, by the text's terms (a cached map) and query term: the facts of one
 * passage share its sentences, and each fact's weighing scanned them again for every query term.
 */
const typoScans = new WeakMap<Map<string, number>, Map<string, number>>();

/** Where a term is found with a typo (by the rule of text/typos.ts isTypoOf), or -1. */
function typoAt(qt: string, byTerm: Map<string, number>): number {
  if (typoEdits(qt) === 0) return -1;
  let scans = typoScans.get(byTerm);
  if (scans === undefined) typoScans.set(byTerm, (scans = new Map()));
  let at = scans.get(qt);
  if (at === undefined) {
    at = -1;
    for (const [term, pos] of byTerm)
      if (isTypoOf(qt, term)) {
        at = pos;
        break;
      }
    scans.set(qt, at);
  }
  return at;
}

/** Credit of a term found with a typo (an exact hit counts 1). */
const TYPO_CREDIT = 0.8;

/** How well one query term is found: 1 exactly, TYPO_CREDIT with a typo, 0 not at all; and where. */
function findTerm(qt: string, byTerm: Map<string, number>): { credit: number; at: number } {
  const at = byTerm.get(qt);
  if (at !== undefined) return { credit: 1, at };
  const typo = typoAt(qt, byTerm);
  return typo >= 0 ? { credit: TYPO_CREDIT, at: typo } : { credit: 0, at: -1 };
}

/**
 * Coverage of the query over layers of context, each with a weight (the sentence counts fully,
 * the rest of the paragraph or the headline less): each term takes its best layer. Layers are read
 * heaviest first and only as far as a lighter one could still raise a term's credit. A layer may
 * also come as what it holds of each term already known (`found`: FOUND_EXACT, FOUND_TYPO or not,
 * per q.terms), as a store tells it of a passage and a title without their text.
 */
export function layeredCoverage(
  q: Query,
  layers: Array<[text: string, weight: number]>,
  found: ReadonlyArray<[held: ArrayLike<number>, weight: number]> = [],
): number {
  if (q.terms.length === 0) return 0;
  const order = layers.map(([text, w]) => ({ text, w, map: null as Map<string, number> | null })).sort((a, b) => b.w - a.w);
  const mapOf = (l: (typeof order)[number]): Map<string, number> => (l.map ??= termPositions(l.text));
  let total = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const qt = q.terms[i]!;
    let best = 0;
    for (const [held, w] of found) {
      const credit = held[i] === FOUND_EXACT ? w : held[i] === FOUND_TYPO ? w * TYPO_CREDIT : 0;
      if (credit > best) best = credit;
    }
    // Exact hits first: a dictionary lookup per layer, no typo scan.
    for (const l of order) {
      if (l.w <= best) break;
      if (mapOf(l).has(qt)) best = l.w;
    }
    for (const l of order) {
      if (l.w * TYPO_CREDIT <= best) break;
      if (typoAt(qt, mapOf(l)) >= 0) best = l.w * TYPO_CREDIT;
    }
    total += Math.max(0, best);
  }
  return total / q.terms.length;
}

/** Offsets (in the text) of the query's content terms it holds, exactly or with a typo: match's hits, without weighing the phrase. */
export function hitsOf(q: Query, text: string): number[] {
  return termHits(q, termPositions(text)).hits;
}

function termHits(q: Query, byTerm: Map<string, number>): { found: number; hits: number[] } {
  let found = 0;
  const hits: number[] = [];
  for (const qt of q.terms) {
    const f = findTerm(qt, byTerm);
    if (f.credit > 0) {
      found += f.credit;
      hits.push(f.at);
    }
  }
  return { found, hits };
}

export function match(q: Query, text: string): Match {
  const { found, hits } = termHits(q, termPositions(text));
  const coverage = q.terms.length ? found / q.terms.length : 0;
  const textWords = tokenize(text).map((t) => t.norm);
  const phrase = q.words.length ? longestRun(q.words, textWords) / q.words.length : 0;
  // The same inflections ("approved" rather than "approve") break ties between equal matches.
  const exact = q.words.length ? q.words.filter((w) => textWords.includes(w)).length / q.words.length : 0;
  return { coverage, phrase, score: 0.75 * coverage + 0.25 * phrase + 0.02 * exact, hits };
}

/** Longest run of consecutive query words that appears consecutively in the text. */
function longestRun(query: string[], text: string[]): number {
  let best = 0;
  const positions = new Map<string, number[]>();
  text.forEach((w, i) => positions.set(w, [...(positions.get(w) ?? []), i]));
  for (let i = 0; i < query.length; i++) {
    for (const start of positions.get(query[i]!) ?? []) {
      let k = 0;
      while (i + k < query.length && start + k < text.length && query[i + k] === text[start + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}
