// When a word counts as another with a typo: one edit for words of 4–7 letters, two from 8, never
// for shorter ones. The answers credit evidence by this rule (answer/match.ts) and the stores
// pre-select a topic's stances by it, so the two cannot drift apart.

/** Words shorter than this are matched exactly only (one edit makes another word). */
export const MIN_TYPO_LENGTH = 4;

/** How many edits a typo of `term` may have and still count for it (0: exact only). */
export function typoEdits(term: string): number {
  return term.length < MIN_TYPO_LENGTH ? 0 : term.length >= 8 ? 2 : 1;
}
