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
  return CUT_TARGET.test(f.target) || (f.cueClass === EVALUATION && !!f.clause && f.clause.end - f.clause.start >= MAX_SAID);
}

const CUT_TARGET = /(?:[0-9]|[^\x00-\x7f]|\.[^ ])$/u;

export function mayHoldCutWordsSql(fact: string): string {
  return `(${fact}->>'target' ~ '([0-9]|[^\\x01-\\x7f]|\\.[^ ])$' OR (${fact}->>'cueClass' = '${EVALUATION}' AND (${fact}->'clause'->>'end')::int - (${fact}->'clause'->>'start')::int >= ${MAX_SAID}))`;
}
