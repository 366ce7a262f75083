// For a PostgreSQL figure at a size the indexer cannot reach in the time at hand: the served
// generation's rows (written by the real indexer) copied N-1 more times in SQL, each copy with its
// own ids and file names ("copy-2/…"), facts remapped to them, word and stem counts scaled. The
// text stays real-looking; each fragment of the answer key then occurs N times, so accuracy is not
// judged on copies (the key wants one right file).
import type { Queryable } from "../src/store/postgres/db.js";

const GEN = "(SELECT generation FROM eb_state WHERE id = 1)";

/** `jsonb` of a quote with its ids moved by the offsets (its attribution's passage too). */
const movedQuote = (q: string): string =>
  `(${q} || jsonb_build_object('id', (${q}->>'id')::int + $2, 'passageId', (${q}->>'passageId')::int + $1)
     || CASE WHEN ${q} ? 'attribution' THEN jsonb_build_object('attribution', (${q}->'attribution') || jsonb_build_object('passageId', (${q}->'attribution'->>'passageId')::int + $1)) ELSE '{}'::jsonb END)`;

/** Copies the served generation so it holds `copies` times its passages; returns the passages now served. */
export async function copyServedRows(db: Queryable, copies: number, log: (m: string) => void = () => {}): Promise<number> {
  const { rows } = await db.query<{ p: number; d: number; q: number; s: number }>(
    `SELECT (SELECT coalesce(max(id), -1) + 1 FROM eb_passages WHERE generation = ${GEN}) AS p, (SELECT coalesce(max(id), -1) + 1 FROM eb_documents WHERE generation = ${GEN}) AS d,
            (SELECT coalesce(max(id), -1) + 1 FROM eb_quotes WHERE generation = ${GEN}) AS q, (SELECT coalesce(max(ord), -1) + 1 FROM eb_stances WHERE generation = ${GEN}) AS s`,
  );
  const { p: P, d: D, q: Q, s: S } = rows[0]!;
  for (let k = 1; k < copies; k++) {
    const prefix = `copy-${k + 1}/`;
    // $1 passage offset, $2 quote offset, $3 document offset, $4 file prefix
    const params = [k * P, k * Q, k * D, prefix];
    await db.query(
      `INSERT INTO eb_documents (generation, id, record, quotes)
       SELECT generation, id + $3, record || jsonb_build_object('id', id + $3, 'file', $4 || (record->>'file'),
              'passageIds', (SELECT coalesce(jsonb_agg(x::int + $1 ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements_text(record->'passageIds') WITH ORDINALITY AS e(x, n))), quotes
       FROM eb_documents WHERE generation = ${GEN} AND id < ${D} AND $2::int IS NOT NULL`,
      params,
    );
    await db.query(
      `INSERT INTO eb_passages (generation, id, doc_id, passage, quotes, times, terms, title_terms)
       SELECT generation, id + $1, doc_id + $3, passage || jsonb_build_object('id', id + $1, 'docId', doc_id + $3, 'file', $4 || (passage->>'file')),
              (SELECT coalesce(jsonb_agg(${movedQuote("q")} ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(quotes) WITH ORDINALITY AS e(q, n)),
              (SELECT coalesce(jsonb_agg(t || jsonb_build_object('passageId', (t->>'passageId')::int + $1) ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(times) WITH ORDINALITY AS e(t, n)),
              terms, title_terms
       FROM eb_passages WHERE generation = ${GEN} AND id < ${P}`,
      params,
    );
    // A postings row holds ids as gaps from its first id: moving the first id moves them all.
    await db.query(
      `INSERT INTO eb_postings (generation, stem, first, text, title) SELECT generation, stem, first + $1, text, title FROM eb_postings WHERE generation = ${GEN} AND first < ${P}`,
      [k * P],
    );
    await db.query(
      `INSERT INTO eb_quotes (generation, id, speaker, role, quote)
       SELECT generation, id + $2, speaker, role, ${movedQuote("quote")} FROM eb_quotes WHERE generation = ${GEN} AND id < ${Q} AND $3::int IS NOT NULL AND $4::text IS NOT NULL`,
      params,
    );
    await db.query(
      `INSERT INTO eb_stances (generation, ord, actor, passage_id, fact, evaluation, keep, doc_id, span_at, span)
       SELECT generation, ord + $2, actor, passage_id + $1, fact || jsonb_build_object('passageId', passage_id + $1), evaluation, keep, doc_id + $3, span_at, span
       FROM eb_stances WHERE generation = ${GEN} AND ord < ${S}`,
      [k * P, k * S, k * D],
    );
    log(`copy ${k + 1}/${copies} written`);
  }
  await db.query("UPDATE eb_state SET passages = $1 WHERE id = 1", [P * copies]);
  await db.query(`UPDATE eb_words SET n = n * $1 WHERE generation = ${GEN}`, [copies]);
  await db.query(`UPDATE eb_stems SET df = df * $1 WHERE generation = ${GEN}`, [copies]);
  await db.query(`UPDATE eb_actors SET mentions = mentions * $1 WHERE generation = ${GEN}`, [copies]);
  await db.query("VACUUM ANALYZE");
  return P * copies;
}
