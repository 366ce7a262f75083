// MiniSearch's autoSuggest (AND of the query's terms, each with its prefix and fuzzy variants),
// computed over the compact index's arrays: the same suggestions, scores and order, but the
// documents are scored only where every term is found (the AND drops the rest anyway), and no
// posting list is turned into Maps. At 100k passages a common word's variants hold tens of
// thousands of postings; MiniSearch scored each into a Map of results before intersecting.
import type { CompactIndex, CompactParts } from "./compact-index.js";
import { forEachScoredPosting, type Variant, variants, zeroedI32 } from "./compact-search.js";

export interface Suggestion {
  suggestion: string;
  terms: string[];
  score: number;
}

export interface SuggestOptions {
  /** MiniSearch's `fuzzy` as a fraction of the term's length (0: none). */
  fuzzy: number;
  /** Boost per field name. */
  boost: Record<string, number>;
}

/** An array index as a property key ("0", "17"): Object.keys lists those first, ascending. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (s: string): boolean => ARRAY_INDEX.test(s) && Number(s) < 4294967295;

/**
 * `miniSearch.autoSuggest(query, { fuzzy, prefix: true })` for an index in compact form, given the
 * query's terms as the index's tokenizer makes them and the index's term tree.
 */
export function compactAutoSuggest(parts: CompactParts, queryTerms: readonly string[], options: SuggestOptions): Suggestion[] {
  const c = parts.compact;
  const terms = queryTerms.filter((t) => !!t);
  if (terms.length === 0) return [];
  const fieldNames = Object.keys(c.fieldIds);
  const F = fieldNames.length;
  const fields = fieldNames.map((name) => ({ id: c.fieldIds[name]!, boost: options.boost[name] || 1 }));
  const { offsets, postings, ids } = c;
  const byTerm = terms.map((t, i) => variants(t, i, terms, parts, options.fuzzy, true));
  const distinct = [...new Set(terms)];
  const variantsOf = new Map(terms.map((t, i) => [t, byTerm[i]!]));

  // 1. The documents every term reaches (through any variant, in any field): the AND's result set.
  const hits = zeroedI32("suggest.hits", c.nextId);
  const stamp = zeroedI32("suggest.stamp", c.nextId);
  const touched: number[] = [];
  for (const [k, term] of distinct.entries()) {
    for (const v of variantsOf.get(term)!) {
      for (let f = 0; f < F; f++) {
        const to = offsets[v.t * F + fields[f]!.id + 1]!;
        for (let i = offsets[v.t * F + fields[f]!.id]!; i < to; i++) {
          const doc = postings[i]!;
          if (stamp[doc] === k + 1 || ids[doc]! < 0) continue;
          if (stamp[doc] === 0) touched.push(doc);
          stamp[doc] = k + 1;
          hits[doc]!++;
        }
      }
    }
  }
  const slot = zeroedI32("suggest.slot", c.nextId); // the passage's place in docs, +1; 0: not among them
  const docs: number[] = [];
  for (const doc of touched.sort((a, b) => a - b)) {
    if (hits[doc] === distinct.length) {
      docs.push(doc);
      slot[doc] = docs.length;
    }
    hits[doc] = 0;
    stamp[doc] = 0;
  }
  const clear = (): void => {
    for (const doc of docs) slot[doc] = 0;
  };
  if (docs.length === 0) return [];
  try {
    return scoreAndGroup(c, terms, byTerm, fields, docs, slot, distinct.length);
  } finally {
    clear();
  }
}

/** Steps 2 and 3 of compactAutoSuggest over the documents every term reaches (slot: a document's place among them, +1). */
function scoreAndGroup(
  c: CompactIndex,
  terms: string[],
  byTerm: Variant[][],
  fields: Array<{ id: number; boost: number }>,
  docs: number[],
  slot: Int32Array,
  quality: number,
): Suggestion[] {
  const F = fields.length;
  // 2. Those documents scored as executeQuerySpec and the AND combinator score them: each term's
  // partial sum in its walk order, the partials added term by term; the matched variants in the
  // order they were first met (the order of MiniSearch's `match` object), kept as a node of a
  // trie of such lists, so a document costs two numbers, not an array.
  const total = new Float64Array(docs.length);
  const partial = new Float64Array(docs.length);
  const node = new Int32Array(docs.length); // 0: the empty list
  const trie = new Map<number, number>(); // parent node * term count + term → child node
  const parentOf = [-1];
  const termOf = [-1];
  const T = c.terms.length;
  const firstSeen = new Int32Array(docs.length).fill(-1);
  let seen = 0;
  for (let k = 0; k < terms.length; k++) {
    const last = k === terms.length - 1;
    for (const v of byTerm[k]!) {
      for (const field of fields) {
        const weight = v.weight * 1 * field.boost * 1;
        forEachScoredPosting(c, F, v.t, field.id, (doc, score) => {
          const s = slot[doc]! - 1;
          if (s < 0) return;
          partial[s]! += weight * score;
          let n = node[s]!;
          let has = false;
          for (let x = n; x > 0 && !has; x = parentOf[x]!) has = termOf[x] === v.t;
          if (!has) {
            const key = n * T + v.t;
            let child = trie.get(key);
            if (child === undefined) {
              child = parentOf.length;
              parentOf.push(n);
              termOf.push(v.t);
              trie.set(key, child);
            }
            n = child;
            node[s] = n;
          }
          if (last && firstSeen[s] === -1) firstSeen[s] = seen++;
        });
      }
    }
    for (let s = 0; s < docs.length; s++) {
      total[s]! += partial[s]!;
      partial[s] = 0;
    }
  }

  // 3. autoSuggest: the documents grouped by their matched terms, taken in search()'s order (score,
  // then the AND's order); a group's score is the mean of its documents', summed in that order,
  // and groups are listed by first appearance (stable sort). Within a group that order is by score
  // alone: equal scores add up the same in any order.
  const phraseOf = new Map<number, string[]>();
  const keysOf = (n: number): string[] => {
    let keys = phraseOf.get(n);
    if (!keys) {
      const words: string[] = [];
      for (let x = n; x > 0; x = parentOf[x]!) words.unshift(c.terms[termOf[x]!]!);
      keys = [...words.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)), ...words.filter((w) => !isArrayIndex(w))];
      phraseOf.set(n, keys);
    }
    return keys;
  };
  const groups = new Map<string, { terms: string[]; first: number; scores: number[] }>();
  for (let s = 0; s < docs.length; s++) {
    const score = total[s]! * quality;
    const keys = keysOf(node[s]!);
    const phrase = keys.join(" ");
    const g = groups.get(phrase);
    if (!g) groups.set(phrase, { terms: keys, first: s, scores: [score] });
    else {
      g.scores.push(score);
      const best = total[g.first]! * quality;
      if (score > best || (score === best && firstSeen[s]! < firstSeen[g.first]!)) g.first = s;
    }
  }
  const listed = [...groups.entries()].sort(
    ([, a], [, b]) => total[b.first]! * quality - total[a.first]! * quality || firstSeen[a.first]! - firstSeen[b.first]!,
  );
  const out: Suggestion[] = [];
  for (const [suggestion, g] of listed) {
    let sum = 0;
    for (const x of g.scores.sort((a, b) => b - a)) sum += x;
    out.push({ suggestion, terms: g.terms, score: sum / g.scores.length });
  }
  return out.sort((a, b) => b.score - a.score);
}
