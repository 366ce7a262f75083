// The statement that finds a table's words up to a few edits from a word, for eb_near_rows
// (schema.ts) to run. It is served by indexes, so its cost follows how many words it hands back,
// not the vocabulary's size:
// - one edit from a word of a–z and 0–9: every string it can be (text/typos.ts oneEditAway; for
//   the typo rule, with every swap of neighbouring letters), looked up by key. A short word's
//   trigrams are in most words: the trigram index would hand back tens of thousands, each
//   compared again on the heap.
// - more edits: pg_trgm's `%`, once per length the word can have, on that length's partial trigram
//   index (schema.ts), at the lowest similarity a word of that length within the edits can have.
// - anything else (a word of other characters, no pg_trgm): one statement over the words of about
//   its length, sharing trigrams or first or last letters (or all of them, for an exact answer).
// Words of the table with other characters than a–z and 0–9 are left to the caller: pg_trgm splits
// them into several words, so neither the keys nor the bound are sure to reach them.
import { oneEditAway, typoReach } from "../../text/typos.js";
import { TRIGRAM_LENGTHS } from "./schema.js";

/** One statement of eb_near_rows: SQL over $1 (its number), $2 `word`, $3 `edits`, $4 `pattern`; the trigram threshold to set for it. */
export interface Near {
  sql: string;
  threshold: number | null;
  word: string;
  edits: number;
  pattern?: string | null;
  /** `pattern` is a LIKE prefix of `word`: the words beginning with it are kept too. */
  prefix?: boolean;
  /** What the statement is made from, short: what a lookup is remembered by (the statement itself can be kilobytes). */
  key?: string;
  /** Within `edits` by typoDistance (a swap of neighbouring letters is one edit), not editDistance. */
  swaps?: boolean;
  /** The key of a lookup whose rows hold this one's (the same word with swaps): a remembered one serves, filtered. */
  within?: string;
}

/** Where to look: `column` of `table` in the generation `generation` (SQL), giving `count` (SQL) beside each word. */
export interface TypoTable {
  table: string;
  column: string;
  count: string;
  generation: string;
  /** At most this many rows per statement (none: all). */
  limit?: number;
  /** Where neither keys nor the per-length bound serve (a word of other characters, no pg_trgm), compare every word of about its length, not only those sharing trigrams. */
  exactOtherwise?: boolean;
}

/** A word pg_trgm reads as one word, padded the same way whatever the server's locale. */
export const PLAIN_WORD = /^[a-z0-9]+$/;
/** The letters of plain words: a plain word one edit from a plain word is it with one of them deleted, changed or inserted. */
const PLAIN_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Below this trigram similarity bound the trigram index would return most words: the plain filter is used. */
const MIN_TRIGRAM_BOUND = 0.1;
/** Room under the bound for words whose repeated trigrams count once (the statement over every length). */
const TRIGRAM_MARGIN = 0.85;

/**
 * The statement finding `t`'s words up to `max` edits from `word` (a superset, for the caller to
 * compare), in the table's order: the order the indexer wrote them, the vocabulary's own, which the
 * embedded store's lookups follow too (the first of equally near words wins in both).
 */
export function typoLookup(t: TypoTable, word: string, max: number, trigrams: boolean, swaps = false): Near {
  // Beyond one edit, a swap (two edits) is within reach either way: the same statement and rows.
  const withSwaps = swaps && max === 1;
  const keyOf = (s: boolean): string => [t.table, t.column, t.count, t.generation, t.limit, t.exactOtherwise, trigrams, word, max, s].join("\u0000");
  return {
    ...statement(t, word, max, trigrams, withSwaps),
    swaps: withSwaps,
    key: keyOf(withSwaps),
    // A plain word's one edit is looked up by key, every row and no limit: the lookup with swaps holds this one's rows.
    ...(max === 1 && !swaps && PLAIN_WORD.test(word) ? { within: keyOf(true) } : {}),
  };
}

/**
 * The statement for words within `max` edits, or with `swaps` within `max` by typoDistance: one
 * edit by key, a swap among the keys; more through pg_trgm, which counts a swap as the two edits it
 * is by Levenshtein's count (so a single swap is within any reach of two). Elsewhere the reach is
 * typoReach(max).
 */
function statement(t: TypoTable, word: string, max: number, trigrams: boolean, swaps: boolean): Near {
  const rows = `${t.column} AS v, ${t.count} AS n FROM ${t.table} WHERE generation = ${t.generation}`;
  const limit = t.limit === undefined ? "" : ` LIMIT ${t.limit}`;
  const plain = PLAIN_WORD.test(word);
  if (plain && max === 1) {
    const keys = [word, ...oneEditAway(word, PLAIN_LETTERS, swaps)].join(" ");
    // Each key a probe of the primary key: the table's row for it, if any (a word is there once). Given
    // `= ANY` or a join instead, the planner may pick the trigram index (it serves `=` too) or a scan.
    const byKey = `SELECT $1::int, w.v, w.n FROM unnest(string_to_array($4, ' ')) AS k(key), LATERAL (SELECT ctid AS o, ${rows} AND ${t.column} = k.key LIMIT 1) w ORDER BY w.o`;
    return { sql: byKey, threshold: null, word, edits: max, pattern: keys };
  }
  if (plain && trigrams && max > 1) {
    const byLength = lengthsWithin(word.length, max).map((m) => ({ m, bound: thresholdBelow(trigramBound(word, max, m)) }));
    // One threshold per statement (what `%` means): the lowest; each length's own is checked beside it.
    const lowest = Math.min(...byLength.map((l) => l.bound));
    if (lowest >= MIN_TRIGRAM_BOUND) {
      const branches = byLength.map(({ m, bound }) => {
        const longest = m >= TRIGRAM_LENGTHS.last ? ` AND length(${t.column}) >= ${TRIGRAM_LENGTHS.last}` : "";
        const own = bound > lowest ? ` AND similarity(${t.column}, $2) >= ${bound}` : "";
        return `(SELECT ctid AS o, ${rows} AND length(${t.column}) = ${m}${longest} AND ${t.column} % $2${own}${limit})`;
      });
      return { sql: `SELECT $1::int, v, n FROM (${branches.join(" UNION ALL ")}) r ORDER BY o`, threshold: lowest, word, edits: max };
    }
  }
  const filter = t.exactOtherwise ? { sql: "true", threshold: null } : nearFilter(t.column, word.length, swaps ? typoReach(max) : max, trigrams);
  return {
    sql: `SELECT $1::int, ${rows} AND abs(length(${t.column}) - length($2)) <= $3 AND ${filter.sql}${limit}`,
    threshold: filter.threshold,
    word,
    edits: max,
  };
}

/** The lengths a word of `length` letters has after up to `max` edits. */
function lengthsWithin(length: number, max: number): number[] {
  const out: number[] = [];
  for (let m = Math.max(1, length - max); m <= length + max; m++) out.push(m);
  return out;
}

/**
 * The lowest trigram similarity (pg_trgm's, over distinct padded trigrams) a word of `length`
 * letters within `max` edits of the plain `word` can have. An edit removes at most three of the
 * word's trigrams (the q-gram lemma), so at least n − 3·max of its n are shared, and the other
 * word has at most length + 1: similarity = shared / (n + its − shared) ≥ (n − 3·max) / (length + 1 + 3·max).
 */
export function trigramBound(word: string, max: number, length: number): number {
  const n = trigramsOf(word).size;
  return (n - 3 * max) / (length + 1 + 3 * max);
}

/** pg_trgm's trigrams of a plain word: two spaces before, one after, every three letters in a row. */
export function trigramsOf(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** A threshold under `bound` by more than pg_trgm's single-precision rounding can take off a similarity. */
function thresholdBelow(bound: number): number {
  return Math.max(0, Math.floor(bound * 1000) / 1000 - 0.001);
}

/**
 * A filter for words up to `max` edits from a word of `length` letters, whatever its letters. With
 * pg_trgm, `%` at the lowest similarity such a word can have (the bound above, over every length,
 * with room for repeated trigrams). Without pg_trgm (or for words too short for the bound to mean
 * anything): sharing the first or last two letters.
 */
function nearFilter(column: string, length: number, max: number, trigrams: boolean): { sql: string; threshold: number | null } {
  const bound = (length + 1 - 3 * max) / (length + 1 + 4 * max);
  if (trigrams && bound >= MIN_TRIGRAM_BOUND) return { sql: `${column} % $2`, threshold: Math.floor(bound * TRIGRAM_MARGIN * 1000) / 1000 };
  const trigram = trigrams ? `similarity(${column}, $2) > 0.1 OR ` : "";
  return { sql: `(${trigram}left(${column}, 2) = left($2, 2) OR right(${column}, 2) = right($2, 2))`, threshold: null };
}
