// Each stem's passages, stored as compact byte strings in eb_postings and read back by the few
// stems a question needs. PostgreSQL's own full-text index cannot give the best `limit` passages
// by our idf-weighted score without scoring every passage holding a common word (hundreds of
// milliseconds at 1M passages), and it cannot be read as a list; these can: a common word's list at
// 1M passages is a few hundred kilobytes, decoded and merged in the answering process in a few
// milliseconds (src/store/postgres/ranking.ts).
//
// A row holds one stem's passage ids within one span of ids, as gaps from the span's first id
// (LEB128 varints): the passages holding it in their text, and those whose document title holds it.
// Every stem's rows for a generation cover the same spans, in increasing order of `first`.
import { type Db, insertRows, type Queryable } from "./db.js";
import { LEGACY_SEARCH } from "./schema.js";

/** Passage ids per row: a common stem at 1M passages is about 16 rows. */
export const SPAN = 65536;

/** Sorted, distinct passage ids as LEB128 gaps from `first` (which is ≤ the smallest). */
export function encodeIds(ids: ArrayLike<number>, first: number): Uint8Array {
  const out = new Uint8Array(ids.length * 5);
  let at = 0;
  let prev = first;
  for (let i = 0; i < ids.length; i++) {
    let gap = ids[i]! - prev;
    prev = ids[i]!;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  return out.subarray(0, at);
}

/** Appends the ids encoded by `encodeIds(…, first)` to `out` from `at`; returns the new length. */
export function decodeIds(bytes: Uint8Array, first: number, out: Int32Array, at: number): number {
  let id = first;
  for (let i = 0; i < bytes.length;) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    id += gap;
    out[at++] = id;
  }
  return at;
}

/** How many ids `bytes` holds (its bytes without the continuation bit). */
function countIds(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0x80) === 0) n++;
  return n;
}

/** A stem's passages, ascending: holding it in their text, and in their document's title. */
export interface Postings {
  text: Int32Array;
  title: Int32Array;
}

export const NO_POSTINGS: Postings = { text: new Int32Array(0), title: new Int32Array(0) };

/** A passage's stems (as the indexer writes them: space-separated, repeats allowed) and its document title's. */
export interface PassageTerms {
  id: number;
  terms: string;
  titleTerms: string;
}

/** The rows of eb_postings for passages given in increasing id order: [stem, first, text, title]. */
export function* postingRows(passages: Iterable<PassageTerms>): Generator<[string, number, Uint8Array, Uint8Array]> {
  let span = -1;
  let lists = new Map<string, { text: number[]; title: number[] }>();
  const flush = function* (): Generator<[string, number, Uint8Array, Uint8Array]> {
    const first = span * SPAN;
    for (const [stem, l] of lists) yield [stem, first, encodeIds(l.text, first), encodeIds(l.title, first)];
    lists = new Map();
  };
  let last = -1;
  for (const p of passages) {
    if (p.id <= last) throw new Error(`passages must come in increasing id order (${p.id} after ${last})`);
    last = p.id;
    const s = Math.floor(p.id / SPAN);
    if (s !== span) {
      yield* flush();
      span = s;
    }
    const add = (words: string, key: "text" | "title"): void => {
      for (const stem of words.split(" ")) {
        if (!stem) continue;
        let l = lists.get(stem);
        if (!l) lists.set(stem, (l = { text: [], title: [] }));
        const list = l[key];
        if (list[list.length - 1] !== p.id) list.push(p.id);
      }
    };
    add(p.terms, "text");
    add(p.titleTerms, "title");
  }
  yield* flush();
}

/**
 * The postings of `stems` in the generation `generation` (an SQL expression or parameter):
 * every row of each stem, decoded in span order. A stem with no rows is absent from the map.
 */
export async function readPostings(db: Queryable, generation: string, stems: readonly string[]): Promise<Map<string, Postings>> {
  const out = new Map<string, Postings>();
  if (stems.length === 0) return out;
  const { rows } = await db.query<{ stem: string; first: number; text: Uint8Array; title: Uint8Array }>(
    `SELECT stem, first, text, title FROM eb_postings WHERE generation = ${generation} AND stem = ANY($1::text[]) ORDER BY stem, first`,
    [[...new Set(stems)]],
  );
  for (let i = 0; i < rows.length;) {
    const stem = rows[i]!.stem;
    let j = i;
    let nText = 0;
    let nTitle = 0;
    for (; j < rows.length && rows[j]!.stem === stem; j++) {
      nText += countIds(rows[j]!.text);
      nTitle += countIds(rows[j]!.title);
    }
    const text = new Int32Array(nText);
    const title = new Int32Array(nTitle);
    let t = 0;
    let d = 0;
    for (let k = i; k < j; k++) {
      t = decodeIds(rows[k]!.text, rows[k]!.first, text, t);
      d = decodeIds(rows[k]!.title, rows[k]!.first, title, d);
    }
    out.set(stem, { text, title });
    i = j;
  }
  return out;
}

/** Writes the postings of `passages` (in increasing id order) for `generation`. */
export async function insertPostings(db: Queryable, generation: number, passages: Iterable<PassageTerms>, batchSize: number): Promise<void> {
  function* rows(): Generator<unknown[]> {
    for (const [stem, first, text, title] of postingRows(passages)) yield [generation, stem, first, asBytea(text), asBytea(title)];
  }
  await insertRows(db, "eb_postings", ["generation", "stem", "first", "text", "title"], rows(), batchSize);
}

/** A Buffer over the same bytes: the `pg` client sends a Buffer as bytea (PGlite takes either). */
function asBytea(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A database indexed before eb_postings: the served generation's postings, built once from its
 * passages' stems a span at a time (one process does it; others wait on the lock, then find them),
 * then the full-text search structures it had are dropped.
 */
export async function buildMissingPostings(db: Db, batchSize = 1000): Promise<void> {
  const missing = `SELECT s.generation FROM eb_state s WHERE s.id = 1 AND s.generation > 0
     AND NOT EXISTS (SELECT 1 FROM eb_postings p WHERE p.generation = s.generation)
     AND EXISTS (SELECT 1 FROM eb_passages p WHERE p.generation = s.generation)`;
  if ((await db.query(missing)).rows.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query("LOCK TABLE eb_postings IN SHARE ROW EXCLUSIVE MODE");
    const { rows } = await tx.query<{ generation: string }>(missing);
    if (rows.length === 0) return;
    const generation = Number(rows[0]!.generation);
    const { rows: top } = await tx.query<{ max: number | null }>("SELECT max(id) AS max FROM eb_passages WHERE generation = $1", [generation]);
    for (let first = 0; first <= (top[0]?.max ?? -1); first += SPAN) {
      const { rows: page } = await tx.query<{ id: number; terms: string; title_terms: string }>(
        "SELECT id, terms, title_terms FROM eb_passages WHERE generation = $1 AND id >= $2 AND id < $3 ORDER BY id",
        [generation, first, first + SPAN],
      );
      await insertPostings(
        tx,
        generation,
        page.map((r) => ({ id: r.id, terms: r.terms, titleTerms: r.title_terms })),
        batchSize,
      );
    }
  });
  for (const sql of LEGACY_SEARCH) await db.query(sql);
}
