// What both stores' stancesAbout share: how many of a topic's terms each passage holds, and the
// stances kept whatever their passage's words, because their target or clause may hold words the
// passage does not, cut from one of its own.
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

/**
 * For each passage of `ids` (ascending), how many of the groups hold it: a group is a topic term's
 * posting lists (the term and its spellings, ids ascending), and holds a passage when one of them does.
 */
export function groupsHolding(ids: readonly number[], groups: Iterable<Iterable<Int32Array>>): Uint16Array {
  const counts = new Uint16Array(ids.length);
  const hit = new Uint8Array(ids.length);
  for (const lists of groups) {
    hit.fill(0);
    for (const list of lists) markHeld(ids, list, hit);
    for (let i = 0; i < ids.length; i++) counts[i] = counts[i]! + hit[i]!;
  }
  return counts;
}

/** Sets hit[i] for each of the ascending `ids` that the ascending `list` holds: by binary search when `ids` are far fewer, else in one merge. */
function markHeld(ids: readonly number[], list: Int32Array, hit: Uint8Array): void {
  if (ids.length * Math.log2(list.length + 1) < list.length) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]! < id) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length && list[lo] === id) hit[i] = 1;
    }
    return;
  }
  let j = 0;
  for (let i = 0; i < ids.length && j < list.length; i++) {
    const id = ids[i]!;
    while (j < list.length && list[j]! < id) j++;
    if (list[j] === id) hit[i] = 1;
  }
}
