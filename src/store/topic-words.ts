// What both stores' stancesAbout share: the stances kept whatever their passage's words, because
// their target or clause may hold words the passage does not, cut from one of its own.
import { EVALUATION, MAX_SAID } from "../extract/stance.js";
import type { StanceFact } from "../types.js";

/**
 * A target ending in a digit, a non-ASCII character or a dot and one more ("800" from "800,000",
 * "the U.S" from "the U.S.": targets end at a comma and lose a final dot), or evaluative words cut
 * at the length extraction reads ("the sam" of "the same"). `stanceSql` is the same test in SQL,
 * over a jsonb fact.
 */
export function mayHoldCutWords(f: StanceFact): boolean {
  return cutTarget(f.target) || (f.cueClass === EVALUATION && !!f.clause && f.clause.end - f.clause.start >= MAX_SAID);
}

/** The last character a digit or not ASCII, or a dot and one more character; by hand, because a regex anchored at the end tries every position. */
function cutTarget(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  if (Number.isNaN(c)) return false;
  if ((c >= 48 && c <= 57) || c > 0x7f) return true;
  return c !== 32 && t.charCodeAt(t.length - 2) === 46;
}

export function mayHoldCutWordsSql(fact: string): string {
  return `(${fact}->>'target' ~ '([0-9]|[^\\x01-\\x7f]|\\.[^ ])$' OR (${fact}->>'cueClass' = '${EVALUATION}' AND (${fact}->'clause'->>'end')::int - (${fact}->'clause'->>'start')::int >= ${MAX_SAID}))`;
}
