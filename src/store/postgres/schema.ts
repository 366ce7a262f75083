// The schema, created if missing. Every row belongs to a generation; the indexer writes a new
// generation beside the one being served and flips `eb_state.generation` in one statement, so a
// crash half-way leaves the previous generation serving.
import type { Queryable } from "./db.js";

/** The channel the indexer NOTIFYs with the new generation when it commits. */
export const CHANNEL = "eb_generation";

const TABLES = [
  `CREATE TABLE IF NOT EXISTS eb_state (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), generation bigint NOT NULL, next bigint NOT NULL, root text, fingerprint text)`,
  `INSERT INTO eb_state (id, generation, next) VALUES (1, 0, 1) ON CONFLICT (id) DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS eb_documents (generation bigint NOT NULL, id int NOT NULL, record jsonb NOT NULL, quotes int NOT NULL, PRIMARY KEY (generation, id))`,
  // terms / title_terms: the stems our own tokenizer makes, space-separated (their postings are in eb_postings).
  `CREATE TABLE IF NOT EXISTS eb_passages (generation bigint NOT NULL, id int NOT NULL, doc_id int NOT NULL, passage jsonb NOT NULL, quotes jsonb NOT NULL, times jsonb NOT NULL,
     terms text NOT NULL, title_terms text NOT NULL, PRIMARY KEY (generation, id))`,
  // Which document each passage is in, without reading the passage's row: what stance without a topic reads for the
  // facts of a database indexed before eb_stances had doc_id (thousands for a frequent actor).
  `CREATE INDEX IF NOT EXISTS eb_passages_doc ON eb_passages (generation, id) INCLUDE (doc_id)`,
  // Each stem's passages by spans of ids, as compact byte strings (postings.ts): ranking reads a
  // question's few stems here. Stored out of line and uncompressed: they do not compress, and are read whole.
  `CREATE TABLE IF NOT EXISTS eb_postings (generation bigint NOT NULL, stem text NOT NULL, first int NOT NULL, text bytea NOT NULL, title bytea NOT NULL, PRIMARY KEY (generation, stem, first))`,
  `ALTER TABLE eb_postings ALTER COLUMN text SET STORAGE EXTERNAL`,
  `ALTER TABLE eb_postings ALTER COLUMN title SET STORAGE EXTERNAL`,
  `CREATE TABLE IF NOT EXISTS eb_quotes (generation bigint NOT NULL, id int NOT NULL, speaker text, role text, quote jsonb NOT NULL, PRIMARY KEY (generation, id))`,
  `CREATE INDEX IF NOT EXISTS eb_quotes_speaker ON eb_quotes (generation, speaker)`,
  `CREATE TABLE IF NOT EXISTS eb_stances (generation bigint NOT NULL, ord int NOT NULL, actor text NOT NULL, fact jsonb NOT NULL, PRIMARY KEY (generation, ord))`,
  // Added after the first schema: a database made before it gains the column (filled on the next index).
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS passage_id int`,
  `CREATE INDEX IF NOT EXISTS eb_stances_passage ON eb_stances (generation, passage_id)`,
  // What stancesAbout reads of each of an actor's facts before choosing which to fetch, held by
  // the actor index itself so that read needs no row (an index-only scan once the table is vacuumed).
  // A database indexed before has them empty until its next index: stancesAbout works them out of the facts then.
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS evaluation boolean`,
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS keep boolean`,
  // What weighing a fact against a topic reads besides the fact (store/types.ts TopicStance): its
  // passage's document, and the passage's text over its sentence and clause. A database indexed
  // before has them empty until its next index: stancesAbout reads them off the passages then.
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS doc_id int`,
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS span_at int`,
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS span text`,
  `CREATE INDEX IF NOT EXISTS eb_stances_actor_heads ON eb_stances (generation, actor, ord) INCLUDE (passage_id, evaluation, keep)`,
  `DROP INDEX IF EXISTS eb_stances_actor`,
  // The folder listing the served generation was built from (a bot compares it at start-up).
  `ALTER TABLE eb_state ADD COLUMN IF NOT EXISTS listing text`,
  // The served generation's passage count, for idf without counting the passages on every query.
  `ALTER TABLE eb_state ADD COLUMN IF NOT EXISTS passages bigint`,
  `CREATE TABLE IF NOT EXISTS eb_actors (generation bigint NOT NULL, key text NOT NULL, name text NOT NULL, kind text NOT NULL, mentions int NOT NULL, PRIMARY KEY (generation, key))`,
  // Actor keys by each of their words, in the order the embedded store meets them (stance order decides ties).
  `CREATE TABLE IF NOT EXISTS eb_actor_words (generation bigint NOT NULL, word text NOT NULL, ord int NOT NULL, key text NOT NULL, PRIMARY KEY (generation, word, ord))`,
  // The corpus' words as written (for spelling and suggestions) and each stem's passage count.
  `CREATE TABLE IF NOT EXISTS eb_words (generation bigint NOT NULL, word text NOT NULL, n int NOT NULL, stem text NOT NULL, PRIMARY KEY (generation, word))`,
  `CREATE TABLE IF NOT EXISTS eb_stems (generation bigint NOT NULL, stem text NOT NULL, df int NOT NULL, PRIMARY KEY (generation, stem))`,
];

/**
 * A question's typo lookups in one round trip: each of `sqls` (a statement giving (i, v, n) from
 * $1 its number, $2 a word, $3 a count of edits, $4 a LIKE pattern) run in turn, with pg_trgm's
 * similarity threshold (what `%` means) set for it first when one is given. Each ran as a
 * transaction of its own (BEGIN, set_config, SELECT, COMMIT) before: four round trips per word,
 * most of a typo question's time on a loaded machine. The statements are the store's own.
 */
const NEAR_ROWS_BODY = `
BEGIN
  FOR k IN 1 .. coalesce(array_length(sqls, 1), 0) LOOP
    IF thresholds[k] IS NOT NULL THEN
      PERFORM set_config('pg_trgm.similarity_threshold', thresholds[k], true);
    END IF;
    RETURN QUERY EXECUTE sqls[k] USING k, words[k], edits[k], patterns[k];
  END LOOP;
END `;

/**
 * Defines eb_near_rows when it is missing or other than this version's. Every process opening the
 * store runs this: replacing a function two processes at once can fail ("tuple concurrently
 * updated"), and one that is already right needs no replacing.
 */
async function defineNearRows(db: Queryable): Promise<void> {
  const current = async (): Promise<boolean> =>
    (await db.query<{ body: string }>("SELECT prosrc AS body FROM pg_proc WHERE proname = 'eb_near_rows'")).rows.some((r) => r.body === NEAR_ROWS_BODY);
  if (await current()) return;
  try {
    await db.query(`CREATE OR REPLACE FUNCTION eb_near_rows(sqls text[], thresholds text[], words text[], edits int[], patterns text[])
  RETURNS TABLE (i int, v text, n int) LANGUAGE plpgsql AS $eb$${NEAR_ROWS_BODY}$eb$`);
  } catch (e) {
    if (!(await current())) throw e; // another process defined it meanwhile: that is all that was needed
  }
}

/**
 * What searched a database made before eb_postings: a tsvector per passage (in eb_search, or a
 * generated column of eb_passages before that) with its GIN index. Dropped once the served
 * generation has its postings (postings.ts buildMissingPostings).
 */
export const LEGACY_SEARCH = [`DROP TABLE IF EXISTS eb_search`, `DROP INDEX IF EXISTS eb_passages_tsv`, `ALTER TABLE eb_passages DROP COLUMN IF EXISTS tsv`];

/**
 * The word lengths with a trigram index of their own, on eb_words and eb_stems: each from `first`
 * to `last` − 1, and one for `last` and longer. A word two edits from a typed one is looked for
 * among the words of each length it can have (typo-lookups.ts): one index over every length would
 * hand back, for a common ending, thousands of words of other lengths to compare on the heap.
 */
export const TRIGRAM_LENGTHS = { first: 6, last: 20 };

/** The partial trigram index of each length of TRIGRAM_LENGTHS, on `column` of `table`. */
function trigramsByLength(table: string, column: string): string[] {
  const out: string[] = [];
  for (let m = TRIGRAM_LENGTHS.first; m < TRIGRAM_LENGTHS.last; m++)
    out.push(`CREATE INDEX IF NOT EXISTS ${table}_trgm_len${m} ON ${table} USING gin (${column} gin_trgm_ops) WHERE length(${column}) = ${m}`);
  const last = TRIGRAM_LENGTHS.last;
  out.push(`CREATE INDEX IF NOT EXISTS ${table}_trgm_len${last}up ON ${table} USING gin (${column} gin_trgm_ops) WHERE length(${column}) >= ${last}`);
  return out;
}

/** Trigram indexes for typos and autocomplete, where the server has pg_trgm (PGlite ships it as a module). */
const TRIGRAM = [
  `CREATE INDEX IF NOT EXISTS eb_words_trgm ON eb_words USING gin (word gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS eb_stems_trgm ON eb_stems USING gin (stem gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS eb_actors_trgm ON eb_actors USING gin (name gin_trgm_ops)`,
  ...trigramsByLength("eb_words", "word"),
  ...trigramsByLength("eb_stems", "stem"),
];

/** Accented letters and their plain forms, folded by `translate` where the server has no `unaccent`. */
const ACCENTED = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöōőŕřśšşťùúûüūůűųýÿžźż";
const PLAIN = [...ACCENTED].map((c) => c.normalize("NFKD").replace(/\p{M}/gu, "")).join("");

/**
 * A name in the form autocomplete compares (lower case, no accents), as SQL over `col`: through
 * `unaccent` (wrapped in an IMMUTABLE function, so an index can hold it) or by `translate`.
 * Names are matched with LIKE '%…%' on exactly these expressions, which the trigram indexes of
 * `NAME_INDEXES` hold.
 */
export function foldSql(col: string, unaccent: boolean): string {
  return unaccent ? `eb_fold(${col})` : `translate(lower(${col}), '${ACCENTED}', '${PLAIN}')`;
}

/** Trigram indexes on the folded names of actors and speakers, for the fold the server can do. */
const NAME_INDEXES = (unaccent: boolean): string[] => {
  const suffix = unaccent ? "unaccent" : "translate";
  return [
    `CREATE INDEX IF NOT EXISTS eb_actors_fold_${suffix} ON eb_actors USING gin ((${foldSql("name", unaccent)}) gin_trgm_ops)`,
    `CREATE INDEX IF NOT EXISTS eb_quotes_fold_${suffix} ON eb_quotes USING gin ((${foldSql("speaker", unaccent)}) gin_trgm_ops) WHERE speaker IS NOT NULL`,
  ];
};

export interface SchemaInfo {
  trigrams: boolean;
  /** `unaccent` is there and `eb_fold` uses it. */
  unaccent: boolean;
}

export async function ensureSchema(db: Queryable): Promise<SchemaInfo> {
  const indexes = await indexesThere(db);
  await runMissing(db, TABLES, indexes);
  await defineNearRows(db);
  const unaccent = await defineFold(db);
  let trigrams = true;
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await runMissing(db, TRIGRAM, indexes);
  } catch {
    trigrams = false; // spelling falls back to comparing words of about the same length
  }
  if (trigrams) await runMissing(db, NAME_INDEXES(unaccent), indexes);
  return { trigrams, unaccent };
}

/** The names of the indexes there are in the current schema. */
async function indexesThere(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()");
  return new Set(rows.map((r) => r.name));
}

/**
 * Runs each schema statement but a CREATE INDEX whose index is already there: every process opening
 * the store runs this, and the trigram indexes alone are over thirty statements (a round trip each).
 */
async function runMissing(db: Queryable, statements: readonly string[], indexes: ReadonlySet<string>): Promise<void> {
  for (const sql of statements) {
    const index = /^CREATE INDEX IF NOT EXISTS (\w+)/.exec(sql)?.[1];
    if (index === undefined || !indexes.has(index)) await db.query(sql);
  }
}

/**
 * Defines `eb_fold(text)` over `unaccent` when the server has it (created when it ships it and we
 * may). `unaccent` is only STABLE (its dictionary could change), so an index cannot hold it
 * directly; the wrapper names the dictionary by schema and is declared IMMUTABLE, as PostgreSQL's
 * documentation suggests for exactly this use.
 */
async function defineFold(db: Queryable): Promise<boolean> {
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS unaccent");
    const { rows } = await db.query<{ schema: string }>("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'");
    const schema = rows[0]?.schema;
    if (!schema) return false;
    await db.query(
      `CREATE OR REPLACE FUNCTION eb_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower(${schema}.unaccent('${schema}.unaccent'::regdictionary, $1)) $$`,
    );
    await db.query("SELECT eb_fold('é')");
    return true;
  } catch {
    return false;
  }
}
