// What both stores' stancesAbout share: what each passage holds of a topic's terms (exactly or a
// typo away, from posting lists), the stances kept whatever their passage's words, because their
// target or clause may hold words the passage does not, cut from one of its own, and the span of
// passage text a stance's weighing reads.
import { EVALUATION, MAX_SAID } from "../extract/stance.js";
import { FOUND_EXACT, FOUND_TYPO, foundIn } from "../text/typos.js";
import type { StanceFact } from "../types.js";
import type { TopicStance } from "./types.js";

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

/** A term's posting lists: its own (ids ascending), and its typo spellings' (text/typos.ts). */
export interface Spelled {
  exact: Int32Array | null;
  typo: readonly Int32Array[];
}

/**
 * For each term and each passage of `ids` (ascending): FOUND_EXACT when the term's own list holds
 * the passage, FOUND_TYPO when only a spelling's does, else NOT_FOUND.
 */
export function foundInLists(ids: readonly number[], terms: readonly Spelled[]): Uint8Array[] {
  const hit = new Uint8Array(ids.length);
  return terms.map(({ exact, typo }) => {
    const found = new Uint8Array(ids.length);
    for (const list of typo) markHeld(ids, list, found);
    if (exact) {
      hit.fill(0);
      markHeld(ids, exact, hit);
      for (let i = 0; i < ids.length; i++) found[i] = hit[i] ? FOUND_EXACT : found[i] ? FOUND_TYPO : 0;
    }
    return found;
  });
}

/** What a text's stems hold of each term (text/typos.ts foundIn): from the text itself, where no posting lists are at hand. */
export function foundInStems(terms: readonly string[], stems: ReadonlySet<string>): Uint8Array {
  return Uint8Array.from(terms, (qt) => foundIn(qt, stems));
}

/** For each passage, how many of the terms it holds (exactly or a typo away), from foundInLists. */
export function termsHeld(found: readonly Uint8Array[], n: number): Uint16Array {
  const counts = new Uint16Array(n);
  for (const f of found) for (let i = 0; i < n; i++) if (f[i]) counts[i]!++;
  return counts;
}

/** The fact's passage text its weighing reads, from the start of its sentence or clause to the end of the later. */
export function factSpan(f: StanceFact, text: string): TopicStance["span"] {
  const at = Math.min(f.sentence.start, f.clause?.start ?? Infinity);
  const end = Math.max(f.sentence.end, f.clause?.end ?? -Infinity);
  return { at, text: text.slice(at, end) };
}

/** The text of a topic stance's passage between two offsets within its span. */
export function spanText(s: TopicStance, start: number, end: number): string {
  return s.span.text.slice(start - s.span.at, end - s.span.at);
}

/** Sets hit[i] to 1 for each of the ascending `ids` that the ascending `list` holds: by binary search when `ids` are far fewer, else in one merge. */
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
