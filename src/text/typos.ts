// When a word counts as another with a typo: one edit for words of 4–7 letters, two from 8, never
// for shorter ones. The answers credit evidence by this rule (answer/match.ts) and the stores
// pre-select a topic's stances by it, so the two cannot drift apart.

/** Words shorter than this are matched exactly only (one edit makes another word). */
export const MIN_TYPO_LENGTH = 4;

/** How many edits a typo of `term` may have and still count for it (0: exact only). */
export function typoEdits(term: string): number {
  return term.length < MIN_TYPO_LENGTH ? 0 : term.length >= 8 ? 2 : 1;
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
  return max > 0 && term.length >= MIN_TYPO_LENGTH && editDistance(qt, term, max) <= max;
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
 * `alphabet`: what a word a typo away can be, looked up by key rather than compared with every word.
 */
export function oneEditAway(word: string, alphabet: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    if (i < word.length) out.add(head + word.slice(i + 1));
    for (const c of alphabet) {
      out.add(head + c + word.slice(i));
      if (i < word.length && c !== word[i]) out.add(head + c + word.slice(i + 1));
    }
  }
  out.delete(word);
  return [...out];
}
