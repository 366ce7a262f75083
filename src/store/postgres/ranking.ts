// The PostgreSQL store's ranking, over the postings of a question's few stems (postings.ts): which
// passages hold every word, and the best `limit` by an idf-weighted count of the words they hold.
// Pure functions of sorted id lists, so they are tested against scoring every passage by hand.
import type { Postings } from "./postings.js";

/** The first `max` ids (ascending) found in every list; none when there are no lists. */
export function intersect(lists: readonly Int32Array[], max: number): number[] {
  if (lists.length === 0 || max <= 0) return [];
  // From the shortest list, each id looked up in the others by galloping from where the last ended.
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [shortest, ...others] = sorted as [Int32Array, ...Int32Array[]];
  const at = new Array<number>(others.length).fill(0);
  const out: number[] = [];
  outer: for (const id of shortest) {
    for (let k = 0; k < others.length; k++) {
      const list = others[k]!;
      const i = seek(list, at[k]!, id);
      at[k] = i;
      if (i >= list.length) break outer;
      if (list[i] !== id) continue outer;
    }
    out.push(id);
    if (out.length >= max) break;
  }
  return out;
}

/** The first index from `from` whose id is ≥ `id` (list.length when none): doubling steps, then halving. */
function seek(list: Int32Array, from: number, id: number): number {
  if (from >= list.length || list[from]! >= id) return from;
  let step = 1;
  let lo = from;
  while (lo + step < list.length && list[lo + step]! < id) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, list.length);
  // list[lo] < id, and list[hi] ≥ id or hi = length
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < id) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The ids in either list, ascending, once each. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** A term of the ranking: its passages and what holding it in the text adds to a passage's score. */
export interface ScoredTerm {
  postings: Postings;
  value: number;
}

/** Passages are scored a window of ids at a time, so the memory is the same whatever the corpus size. */
const WINDOW = 65536;

/**
 * The `limit` best passages, best first: each term adds its value when the passage holds it in
 * its text, `titleShare` of it when only its document's title does. Equal scores go by id.
 * The additions for a passage happen in the terms' order, so equal sets of words score exactly
 * equal.
 */
export function topScored(all: readonly ScoredTerm[], limit: number, titleShare: number): number[] {
  if (limit <= 0) return [];
  // A term adding nothing (no passages counted, or a zero weight) is left out.
  const terms = all.filter((t) => t.value > 0);
  const scores = new Float64Array(WINDOW);
  const touched = new Int32Array(WINDOW);
  const textAt = new Array<number>(terms.length).fill(0);
  const titleAt = new Array<number>(terms.length).fill(0);
  const bestScore: number[] = [];
  const bestId: number[] = [];
  const consider = (score: number, id: number): void => {
    const n = bestScore.length;
    if (n >= limit && !better(score, id, bestScore[n - 1]!, bestId[n - 1]!)) return;
    // The slot to fill, moving worse ones down (the worst falls off when the list is full).
    let i = n >= limit ? n - 1 : n;
    while (i > 0 && better(score, id, bestScore[i - 1]!, bestId[i - 1]!)) {
      bestScore[i] = bestScore[i - 1]!;
      bestId[i] = bestId[i - 1]!;
      i--;
    }
    bestScore[i] = score;
    bestId[i] = id;
  };
  for (;;) {
    // The window starts at the smallest id not yet scored.
    let start = Infinity;
    for (let k = 0; k < terms.length; k++) {
      const { text, title } = terms[k]!.postings;
      if (textAt[k]! < text.length) start = Math.min(start, text[textAt[k]!]!);
      if (titleAt[k]! < title.length) start = Math.min(start, title[titleAt[k]!]!);
    }
    if (start === Infinity) break;
    const end = start + WINDOW;
    let nTouched = 0;
    for (let k = 0; k < terms.length; k++) {
      const { postings, value } = terms[k]!;
      const { text, title } = postings;
      const share = value * titleShare;
      let i = textAt[k]!;
      let j = titleAt[k]!;
      for (;;) {
        const x = i < text.length && text[i]! < end ? text[i]! : end;
        const y = j < title.length && title[j]! < end ? title[j]! : end;
        if (x === end && y === end) break;
        let id: number;
        let add: number;
        if (x <= y) {
          id = x;
          add = value;
          i++;
          if (x === y) j++;
        } else {
          id = y;
          add = share;
          j++;
        }
        // A title worth nothing (titleShare 0) touches nothing: every touched passage has a score.
        if (add > 0) {
          const off = id - start;
          if (scores[off] === 0) touched[nTouched++] = off;
          scores[off] = scores[off]! + add;
        }
      }
      textAt[k] = i;
      titleAt[k] = j;
    }
    for (let t = 0; t < nTouched; t++) {
      const off = touched[t]!;
      consider(scores[off]!, start + off);
      scores[off] = 0;
    }
  }
  return bestId;
}

/** Score first, then the smaller id. */
function better(score: number, id: number, otherScore: number, otherId: number): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}
