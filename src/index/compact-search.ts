// MiniSearch's OR search (each term with its prefix and fuzzy variants, BM25+ over text and title)
// computed over the compact index's arrays: the same passages, scores and order as
// `search(query, options)`, with the scores summed in typed arrays instead of a Map of result
// objects per term, and result objects made only for the passages asked for.
import type { SearchResult } from "minisearch";
import type SearchableMap from "minisearch/SearchableMap";
import type { CompactParts } from "./compact-index.js";

// MiniSearch's defaults (its defaultSearchOptions), which PASSAGE_OPTIONS leaves as they are.
const MAX_FUZZY = 6;
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
export const BM25_K = 1.2;
export const BM25_B = 0.7;
export const BM25_D = 0.5;

/** A variant of a query term: its index in the compact term list and its weight. */
export interface Variant {
  t: number;
  weight: number;
}

export type FuzzyOption = number | boolean | ((term: string, i: number, terms: string[]) => number | boolean);
export type PrefixOption = boolean | ((term: string, i: number, terms: string[]) => boolean);

/** The variants MiniSearch's executeQuerySpec scores for a term, in its order: exact, prefix, fuzzy. */
export function variants(term: string, i: number, terms: string[], parts: CompactParts, fuzzyOpt: FuzzyOption, prefixOpt: PrefixOption): Variant[] {
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
  const { offsets, postings, freqs, ids, fieldLengths } = c;
  // Per short id: the running total, this term's partial sum, which term last reached it, how many terms did.
  const total = new Float64Array(c.nextId);
  const partial = new Float64Array(c.nextId);
  const lastTerm = new Int32Array(c.nextId).fill(-1);
  const quality = new Int32Array(c.nextId);
  const reached: number[] = []; // short ids, in the order first reached
  // Quality is the number of distinct terms reaching a passage (a repeated term counts once):
  // one bit per distinct term and passage.
  const distinct = [...new Set(terms)];
  const W = Math.ceil(distinct.length / 32);
  const counted = new Uint32Array(c.nextId * W);
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const bit = distinct.indexOf(term);
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    const touched: number[] = [];
    for (const v of variants(term, k, terms, parts, fuzzy, prefix)) {
      for (const field of fields) {
        const from = offsets[v.t * F + field.id]!;
        const to = offsets[v.t * F + field.id + 1]!;
        let df = to - from;
        let idf = Math.log(1 + (c.documentCount - df + 0.5) / (df + 0.5));
        const avg = c.averageFieldLength[field.id]!;
        const weight = v.weight * 1 * field.boost * 1;
        for (let i = from; i < to; i++) {
          const doc = postings[i]!;
          if (ids[doc]! < 0) {
            // MiniSearch drops a removed document's posting and counts one fewer from there on
            df -= 1;
            idf = Math.log(1 + (c.documentCount - df + 0.5) / (df + 0.5));
            continue;
          }
          const tf = freqs[i]!;
          const raw = idf * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * fieldLengths[doc * F + field.id]!) / avg)));
          if (lastTerm[doc] !== k) {
            if (lastTerm[doc] === -1) reached.push(doc);
            lastTerm[doc] = k;
            touched.push(doc);
            partial[doc] = 0;
          }
          partial[doc]! += weight * raw;
        }
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
  const order = reached.map((doc, at) => ({ doc, at, score: total[doc]! * (quality[doc]! || 1) }));
  order.sort((a, b) => b.score - a.score || a.at - b.at);
  const out: SearchResult[] = [];
  for (const r of order) {
    if (out.length >= limit) break;
    out.push({ id: ids[r.doc]!, score: r.score, terms: [], queryTerms: [], match: {} });
  }
  return out;
}
