// When a word counts as another with a typo: one slip (a letter deleted, added or changed, or two
// neighbouring letters swapped) for words of 4–9 letters, up to two edits from 10, never for
// shorter ones. A swap is the commonest slip in typing but two edits by Levenshtein's count; two
// edits in a word of eight or nine letters reach other words ("private" for "privatis") more often
// than they reach a typo. The answers credit evidence by this rule (answer/match.ts) and the
// stores pre-select a topic's stances and correct a question's words by it, so they cannot drift
// apart.

/** Words shorter than this are matched exactly only (one edit makes another word). */
export const MIN_TYPO_LENGTH = 4;

/** From this many letters a typo may have two edits. */
export const TWO_EDITS_FROM = 10;

/** How many edits a typo of `term` may have and still count for it (0: exact only; a swap is one). */
export function typoEdits(term: string): number {
  return term.length < MIN_TYPO_LENGTH ? 0 : term.length >= TWO_EDITS_FROM ? 2 : 1;
}

/** Whether `b` is `a` with two neighbouring, different letters swapped. */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Edit distance with a swap of neighbouring letters as one edit when it is the only slip; bounded (max+1 when over). */
export function typoDistance(a: string, b: string, max: number): number {
  return max >= 1 && swapped(a, b) ? 1 : editDistance(a, b, max);
}

/** How far by plain edit distance a typo within `max` (typoDistance) can be: a swap is two edits. */
export function typoReach(max: number): number {
  return max === 1 ? 2 : max;
}

/** `word` with two neighbouring, different letters swapped, each way once: the typos a one-edit search misses. */
export function swapsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return [...out];
}

/** What typosIn reads a word's neighbours from: a radix tree (MiniSearch's SearchableMap). */
export interface FuzzyTree<T> {
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [T, number]>;
  get(key: string): T | undefined;
}

/**
 * The entries of `tree` within `max` of `word` by the typo rule, each with its distance (a swap
 * one): fuzzyGet at `max`, and for one slip the swaps by key — a swap is two edits to fuzzyGet,
 * and searching that far costs several times over on a short word. Without `swaps`, fuzzyGet's
 * own (edit distance).
 */
export function typosIn<T>(tree: FuzzyTree<T>, word: string, max: number, swaps = true): Array<[key: string, value: T, distance: number]> {
  const out: Array<[string, T, number]> = [...tree.fuzzyGet(word, max)].map(([k, [v, d]]) => [k, v, d]);
  if (swaps && max === 1)
    for (const s of swapsOf(word)) {
      const v = tree.get(s);
      if (v !== undefined) out.push([s, v, 1]);
    }
  return out;
}

/**
 * Which of two equally near corrections wins: the more frequent, then the first in alphabetical
 * order (a tie both stores break alike, whatever order each lists its words in).
 */
export function betterCorrection(a: { word: string; d: number; n: number }, b: { word: string; d: number; n: number } | null): boolean {
  return !b || a.d < b.d || (a.d === b.d && (a.n > b.n || (a.n === b.n && a.word < b.word)));
}

/** Scratch rows for editDistance: reused, so a typo scan over a text allocates nothing. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, bounded (returns max+1 when over). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** Whether `term` counts for the query term `qt` with a typo (the rule above; the same word too). */
export function isTypoOf(qt: string, term: string): boolean {
  const max = typoEdits(qt);
  return max > 0 && term.length >= MIN_TYPO_LENGTH && typoDistance(qt, term, max) <= max;
}

/** How a text holds a query term: exactly, only a typo away, or not at all. */
export const FOUND_EXACT = 2;
export const FOUND_TYPO = 1;
export const NOT_FOUND = 0;

/** How the terms of a text (a set of stems, as the tokenizer makes them) hold the query term `qt`. */
export function foundIn(qt: string, terms: ReadonlySet<string>): number {
  if (terms.has(qt)) return FOUND_EXACT;
  if (typoEdits(qt) > 0) for (const t of terms) if (isTypoOf(qt, t)) return FOUND_TYPO;
  return NOT_FOUND;
}

/**
 * Every string one edit (a letter deleted, changed or inserted) from `word`, with the letters of
 * `alphabet`, and with `swaps` every swap of two neighbouring letters too: what a word a typo away
 * can be, looked up by key rather than compared with every word.
 */
export function oneEditAway(word: string, alphabet: string, swaps = false): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    if (i < word.length) out.add(head + word.slice(i + 1));
    for (const c of alphabet) {
      out.add(head + c + word.slice(i));
      if (i < word.length && c !== word[i]) out.add(head + c + word.slice(i + 1));
    }
  }
  if (swaps) for (const s of swapsOf(word)) out.add(s);
  out.delete(word);
  return [...out];
}
