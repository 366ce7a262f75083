// MiniSearch's OR search (each term with its prefix and fuzzy variants, BM25+ over text and title)
// computed over the compact index's arrays: the same passages, scores and order as
// `search(query, options)`, with the scores summed in typed arrays instead of a Map of result
// objects per term, and result objects made only for the passages asked for.
import type { SearchResult } from "minisearch";
import type SearchableMap from "minisearch/SearchableMap";
import type { CompactIndex, CompactParts } from "./compact-index.js";

// MiniSearch's defaults (its defaultSearchOptions), which PASSAGE_OPTIONS leaves as they are.
const MAX_FUZZY = 6;
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

/** MiniSearch's BM25+ inverse document frequency of a term that `df` of `n` passages hold. */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** MiniSearch's BM25+ score of a term `tf` times in a field `length` long (the field's average `avg`). */
export function bm25Score(idf: number, tf: number, length: number, avg: number): number {
  return idf * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * length) / avg)));
}

/**
 * Each live passage of term `t`'s postings in a field (of `F`), in posting order, with its BM25+
 * score there: a removed passage's posting is skipped and counted out of the term's df from there
 * on, as MiniSearch drops it. The walk both the OR search and the suggestions score with.
 */
export function forEachScoredPosting(c: CompactIndex, F: number, t: number, field: number, visit: (doc: number, score: number) => void): void {
  const { offsets, postings, freqs, ids, fieldLengths } = c;
  const from = offsets[t * F + field]!;
  const to = offsets[t * F + field + 1]!;
  let df = to - from;
  let idf = bm25Idf(c.documentCount, df);
  const avg = c.averageFieldLength[field]!;
  for (let i = from; i < to; i++) {
    const doc = postings[i]!;
    if (ids[doc]! < 0) {
      df -= 1;
      idf = bm25Idf(c.documentCount, df);
      continue;
    }
    visit(doc, bm25Score(idf, freqs[i]!, fieldLengths[doc * F + field]!, avg));
  }
}

/**
 * Arrays of one number per passage, kept between questions: allocating and zeroing a few arrays the
 * size of the corpus cost more than a small question's whole work. Every user hands its array back
 * all zeros (it clears the entries it set), so only the touched entries are ever written twice.
 */
const pool = new Map<string, Float64Array | Int32Array>();

export function zeroedF64(name: string, n: number): Float64Array {
  let a = pool.get(name);
  if (!(a instanceof Float64Array) || a.length < n) pool.set(name, (a = new Float64Array(n)));
  return a;
}

export function zeroedI32(name: string, n: number): Int32Array {
  let a = pool.get(name);
  if (!(a instanceof Int32Array) || a.length < n) pool.set(name, (a = new Int32Array(n)));
  return a;
}

/** A variant of a query term: its index in the compact term list and its weight. */
export interface Variant {
  t: number;
  weight: number;
}

export type FuzzyOption = number | boolean | ((term: string, i: number, terms: string[]) => number | boolean);
export type PrefixOption = boolean | ((term: string, i: number, terms: string[]) => boolean);

/**
 * At most this many postings are read through one query term's prefix and fuzzy variants ("pro"
 * begins thousands of words; at 100k passages their postings are a good part of the index). The
 * variants nearest the term (highest weight, then rarest) are kept; the term itself always is.
 */
export const VARIANT_BUDGET = 20_000;

/**
 * The variants MiniSearch's executeQuerySpec scores for a term, in its order: exact, prefix, fuzzy;
 * past `budget` postings, only the nearest variants (see VARIANT_BUDGET).
 */
export function variants(
  term: string,
  i: number,
  terms: string[],
  parts: CompactParts,
  fuzzyOpt: FuzzyOption,
  prefixOpt: PrefixOption,
  budget = VARIANT_BUDGET,
): Variant[] {
  const all = allVariants(term, i, terms, parts, fuzzyOpt, prefixOpt);
  const c = parts.compact;
  const F = Object.keys(c.fieldIds).length;
  const size = (v: Variant): number => c.offsets[(v.t + 1) * F]! - c.offsets[v.t * F]!;
  const exact = parts.termIndex(term);
  const start = all[0] !== undefined && all[0].t === exact && all[0].weight === 1 ? 1 : 0;
  let total = 0;
  for (let k = start; k < all.length; k++) total += size(all[k]!);
  if (total <= budget) return all;
  const order = all.map((_, k) => k).slice(start);
  order.sort((a, b) => all[b]!.weight - all[a]!.weight || size(all[a]!) - size(all[b]!) || a - b);
  const kept = new Uint8Array(all.length);
  if (start) kept[0] = 1;
  let used = 0;
  for (const k of order) {
    const n = size(all[k]!);
    if (used + n > budget) continue;
    kept[k] = 1;
    used += n;
  }
  return all.filter((_, k) => kept[k] === 1);
}

function allVariants(term: string, i: number, terms: string[], parts: CompactParts, fuzzyOpt: FuzzyOption, prefixOpt: PrefixOption): Variant[] {
  const out: Variant[] = [];
  const exact = parts.termIndex(term);
  if (exact !== undefined) out.push({ t: exact, weight: 1 });
  const fuzzy = typeof fuzzyOpt === "function" ? fuzzyOpt(term, i, terms) : fuzzyOpt || false;
  const prefix = typeof prefixOpt === "function" ? prefixOpt(term, i, terms) : prefixOpt === true;
  if (!fuzzy && !prefix) return out;
  const tree: SearchableMap<number> = parts.tree();
  let fuzzyMatches: Map<string, [number, number]> | null = null;
  if (fuzzy) {
    const f = fuzzy === true ? 0.2 : fuzzy;
    const maxDistance = f < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * f)) : f;
    if (maxDistance) fuzzyMatches = tree.fuzzyGet(term, maxDistance);
  }
  if (prefix) {
    for (const [w, t] of tree.atPrefix(term)) {
      const distance = w.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(w);
      out.push({ t, weight: (PREFIX_WEIGHT * w.length) / (w.length + 0.3 * distance) });
    }
  }
  if (fuzzyMatches) {
    for (const [w, [t, distance]] of fuzzyMatches) {
      if (!distance) continue;
      out.push({ t, weight: (FUZZY_WEIGHT * w.length) / (w.length + distance) });
    }
  }
  return out;
}

/**
 * `search(query, { fuzzy, prefix })` with MiniSearch's OR, given the query's terms as the index's
 * tokenizer makes them: results best first, ties in MiniSearch's order (the order passages were
 * first reached, term by term). At most `limit` results (all when absent).
 */
export function compactOrSearch(
  parts: CompactParts,
  queryTerms: string[],
  boost: Record<string, number>,
  fuzzy: FuzzyOption,
  prefix: PrefixOption,
  limit = Infinity,
): SearchResult[] {
  const c = parts.compact;
  const terms = queryTerms.filter((t) => !!t);
  if (terms.length === 0) return [];
  const F = Object.keys(c.fieldIds).length;
  const fields = Object.keys(c.fieldIds).map((name) => ({ id: c.fieldIds[name]!, boost: boost[name] || 1 }));
  // Per short id: the running total, this term's partial sum, which term last reached it, how many terms did.
  const total = zeroedF64("or.total", c.nextId);
  const partial = zeroedF64("or.partial", c.nextId);
  const lastTerm = zeroedI32("or.lastTerm", c.nextId); // the last term (+1) that reached the passage, 0: none yet
  const quality = zeroedI32("or.quality", c.nextId);
  const reached: number[] = []; // short ids, in the order first reached
  // Quality is the number of distinct terms reaching a passage (a repeated term counts once):
  // one bit per distinct term and passage.
  const distinct = [...new Set(terms)];
  const W = Math.ceil(distinct.length / 32);
  const counted = zeroedI32("or.counted", c.nextId * W);
  let scored = new Float64Array(0);
  try {
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!;
      const bit = distinct.indexOf(term);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      const touched: number[] = [];
      for (const v of variants(term, k, terms, parts, fuzzy, prefix)) {
        for (const field of fields) {
          const weight = v.weight * 1 * field.boost * 1;
          forEachScoredPosting(c, F, v.t, field.id, (doc, raw) => {
            if (lastTerm[doc] !== k + 1) {
              if (lastTerm[doc] === 0) reached.push(doc);
              lastTerm[doc] = k + 1;
              touched.push(doc);
              partial[doc] = 0;
            }
            partial[doc]! += weight * raw;
          });
        }
      }
      for (const doc of touched) {
        total[doc]! += partial[doc]!;
        if ((counted[doc * W + word]! & mask) === 0) {
          counted[doc * W + word]! |= mask;
          quality[doc]!++;
        }
      }
    }
    scored = new Float64Array(reached.length);
    reached.forEach((doc, at) => (scored[at] = total[doc]! * (quality[doc]! || 1)));
  } finally {
    // The arrays go back all zeros, whatever happened.
    for (const doc of reached) {
      total[doc] = 0;
      partial[doc] = 0;
      lastTerm[doc] = 0;
      quality[doc] = 0;
      counted.fill(0, doc * W, doc * W + W);
    }
  }
  const out: SearchResult[] = [];
  for (const at of best(scored, limit)) out.push({ id: c.ids[reached[at]!]!, score: scored[at]!, terms: [], queryTerms: [], match: {} });
  return out;
}

/**
 * The positions of the `k` highest scores, best first, ties in position order (a stable sort's
 * head). A few of many are picked in one pass instead of sorting them all.
 */
export function best(scores: Float64Array, k: number): number[] {
  const n = scores.length;
  if (k * 8 >= n) {
    const all = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    return all.slice(0, k);
  }
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = scores[i]!;
    // Later positions lose ties: only a strictly higher score enters a full list.
    if (top.length === k && x <= scores[top[k - 1]!]!) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (scores[top[mid]!]! >= x) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
