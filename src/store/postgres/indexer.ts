// Writes a corpus into PostgreSQL as a new generation, in batches of one transaction each, then
// flips the served generation and NOTIFYs every process. A crash before the flip leaves the
// previous generation serving (its half-written successor is removed by the next run).
import { EVALUATION } from "../../extract/stance.js";
import { Vocabulary } from "../../index/search-index.js";
import { indexTerms, stem } from "../../text/tokenize.js";
import type { Corpus } from "../../types.js";
import { factSpan, mayHoldCutWords } from "../topic-words.js";
import { type Db, insertRows, type Queryable } from "./db.js";
import { insertPostings } from "./postings.js";
import { CHANNEL, ensureSchema } from "./schema.js";

export interface IndexOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** What the generation was built from (a root and a fingerprint of its files), to skip re-indexing the same. */
  root?: string;
  fingerprint?: string;
  /** The folder listing (names, sizes, times) it was built from: the bot's cheap "anything changed?" check. */
  listing?: string;
  onProgress?: (message: string) => void;
}

const TABLES = ["eb_documents", "eb_passages", "eb_postings", "eb_quotes", "eb_stances", "eb_actors", "eb_actor_words", "eb_words", "eb_stems"];

/** Writes `corpus` as a new generation and serves it; returns the generation number. */
export async function writeCorpus(db: Db, corpus: Corpus, opts: IndexOptions = {}): Promise<number> {
  // PostgreSQL allows 65535 parameters per statement: the widest row has 10 columns.
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 1000, 6500));
  // Every batch (one multi-row INSERT) in a transaction of its own.
  const batches: Queryable = { query: (sql, params) => db.transaction((tx) => tx.query(sql, params)) };
  await ensureSchema(db);
  const generation = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ next: string }>("UPDATE eb_state SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS next");
    const g = Number(rows[0]!.next);
    // Leftovers of a crashed run that claimed this number are never served: clear them.
    for (const t of TABLES) await tx.query(`DELETE FROM ${t} WHERE generation = $1`, [g]);
    return g;
  });
  const log = opts.onProgress ?? (() => undefined);
  const j = (v: unknown): string => JSON.stringify(v);

  const quotesPerDoc = new Map<number, number>();
  for (const q of corpus.quotes)
    if (q.speaker && q.direct) {
      const d = corpus.passages[q.passageId]!.docId;
      quotesPerDoc.set(d, (quotesPerDoc.get(d) ?? 0) + 1);
    }
  await insertRows(
    batches,
    "eb_documents",
    ["generation", "id", "record", "quotes"],
    corpus.documents.map((d) => [generation, d.id, j(d), quotesPerDoc.get(d.id) ?? 0]),
    batchSize,
  );

  const quotesBy = group(corpus.quotes, (q) => q.passageId);
  const timesBy = group(corpus.times, (t) => t.passageId);
  const titleTerms = corpus.documents.map((d) => indexTerms(d.title).join(" "));
  const passages = [...corpus.passages].sort((a, b) => a.id - b.id);
  const terms = passages.map((p) => indexTerms(p.text).join(" "));
  await insertRows(
    batches,
    "eb_passages",
    ["generation", "id", "doc_id", "passage", "quotes", "times", "terms", "title_terms"],
    lazily(passages, (p, i) => [
      generation,
      p.id,
      p.docId,
      j(p),
      j(quotesBy.get(p.id) ?? []),
      j(timesBy.get(p.id) ?? []),
      terms[i]!,
      titleTerms[p.docId] ?? "",
    ]),
    batchSize,
  );
  await insertPostings(
    batches,
    generation,
    lazily(passages, (p, i) => ({ id: p.id, terms: terms[i]!, titleTerms: titleTerms[p.docId] ?? "" })),
    batchSize,
  );
  log(`generation ${generation}: ${corpus.passages.length} passages written`);
  await insertRows(
    batches,
    "eb_quotes",
    ["generation", "id", "speaker", "role", "quote"],
    lazily(corpus.quotes, (q) => [generation, q.id, q.speaker, q.role, j(q)]),
    batchSize,
  );
  await insertRows(
    batches,
    "eb_stances",
    ["generation", "ord", "actor", "passage_id", "fact", "evaluation", "keep", "doc_id", "span_at", "span"],
    // Written actor by actor (each in extraction order, which `ord` keeps): an actor's facts then
    // share the table's pages, and a stance on a frequent actor reads a few pages, not one per fact.
    lazily(
      corpus.stances
        .map((s, i) => ({ actor: s.actor, i }))
        .sort((a, b) => (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : a.i - b.i))
        .map(({ i }) => i),
      (i) => {
        const s = corpus.stances[i]!;
        const p = corpus.passages[s.passageId]!;
        const span = factSpan(s, p.text);
        return [generation, i, s.actor, s.passageId, j(s), s.cueClass === EVALUATION, mayHoldCutWords(s), p.docId, span.at, span.text];
      },
    ),
    batchSize,
  );
  await insertRows(
    batches,
    "eb_actors",
    ["generation", "key", "name", "kind", "mentions"],
    [...corpus.actors].map(([k, a]) => [generation, k, a.name, a.kind, a.mentions]),
    batchSize,
  );

  // Actor keys by word, in the order the embedded store builds its map: stance actors first, then known actors.
  const keys = [...new Set([...corpus.stances.map((s) => s.actor), ...corpus.actors.keys()])];
  const byWord = new Map<string, string[]>();
  for (const key of keys) for (const w of new Set(key.split(/\s+/).filter(Boolean))) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(key);
  const wordRows: unknown[][] = [];
  for (const [w, ks] of byWord) ks.forEach((k, i) => wordRows.push([generation, w, i, k]));
  await insertRows(batches, "eb_actor_words", ["generation", "word", "ord", "key"], wordRows, batchSize);

  const vocabulary = Vocabulary.of(corpus);
  await insertRows(
    batches,
    "eb_words",
    ["generation", "word", "n", "stem"],
    lazily(vocabulary.words, ([w, n]) => [generation, w, n, stem(w)]),
    batchSize,
  );
  await insertRows(
    batches,
    "eb_stems",
    ["generation", "stem", "df"],
    lazily(vocabulary.df, ([s, n]) => [generation, s, n]),
    batchSize,
  );

  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ generation: string }>("SELECT generation FROM eb_state WHERE id = 1 FOR UPDATE");
    const previous = Number(rows[0]!.generation);
    await tx.query("UPDATE eb_state SET generation = $1, root = $2, fingerprint = $3, listing = $4, passages = $5 WHERE id = 1", [
      generation,
      opts.root ?? null,
      opts.fingerprint ?? null,
      opts.listing ?? null,
      corpus.passages.length,
    ]);
    // The previous generation stays one more round for answers that started on it; older ones go.
    for (const t of TABLES) await tx.query(`DELETE FROM ${t} WHERE generation < $1 AND generation <> $2`, [generation, previous]);
    await tx.query(`SELECT pg_notify($1, $2)`, [CHANNEL, String(generation)]);
  });
  log(`generation ${generation} is served`);
  return generation;
}

/** The root and fingerprint of the served generation (null when nothing is indexed). */
export async function servedFrom(
  db: Queryable,
): Promise<{ generation: number; root: string | null; fingerprint: string | null; listing: string | null } | null> {
  await ensureSchema(db);
  const { rows } = await db.query<{ generation: string; root: string | null; fingerprint: string | null; listing: string | null }>(
    "SELECT generation, root, fingerprint, listing FROM eb_state WHERE id = 1",
  );
  const r = rows[0];
  return r && Number(r.generation) > 0 ? { generation: Number(r.generation), root: r.root, fingerprint: r.fingerprint, listing: r.listing } : null;
}

/**
 * `items` mapped as they are read: a table's rows are made a batch at a time, not all at once (at
 * 1M passages the passages' rows alone, each with its JSON, were gigabytes held together).
 */
function* lazily<T, R>(items: Iterable<T>, row: (item: T, i: number) => R): Generator<R> {
  let i = 0;
  for (const item of items) yield row(item, i++);
}

function group<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const list = m.get(key(it));
    if (list) list.push(it);
    else m.set(key(it), [it]);
  }
  return m;
}
