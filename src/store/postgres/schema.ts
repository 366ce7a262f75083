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
  // terms / title_terms: the stems our own tokenizer makes, so PostgreSQL matches exactly the words
  // the embedded index matches; the tsvector weights the text above the title.
  `CREATE TABLE IF NOT EXISTS eb_passages (generation bigint NOT NULL, id int NOT NULL, doc_id int NOT NULL, passage jsonb NOT NULL, quotes jsonb NOT NULL, times jsonb NOT NULL,
     terms text NOT NULL, title_terms text NOT NULL,
     tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', terms), 'A') || setweight(to_tsvector('simple', title_terms), 'D')) STORED,
     PRIMARY KEY (generation, id))`,
  `CREATE INDEX IF NOT EXISTS eb_passages_tsv ON eb_passages USING gin (tsv)`,
  `CREATE TABLE IF NOT EXISTS eb_quotes (generation bigint NOT NULL, id int NOT NULL, speaker text, role text, quote jsonb NOT NULL, PRIMARY KEY (generation, id))`,
  `CREATE INDEX IF NOT EXISTS eb_quotes_speaker ON eb_quotes (generation, speaker)`,
  `CREATE TABLE IF NOT EXISTS eb_stances (generation bigint NOT NULL, ord int NOT NULL, actor text NOT NULL, fact jsonb NOT NULL, PRIMARY KEY (generation, ord))`,
  `CREATE INDEX IF NOT EXISTS eb_stances_actor ON eb_stances (generation, actor)`,
  // Added after the first schema: a database made before it gains the column (filled on the next index).
  `ALTER TABLE eb_stances ADD COLUMN IF NOT EXISTS passage_id int`,
  `CREATE INDEX IF NOT EXISTS eb_stances_passage ON eb_stances (generation, passage_id)`,
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

/** Trigram indexes for typos and autocomplete, where the server has pg_trgm (PGlite ships it as a module). */
const TRIGRAM = [
  `CREATE INDEX IF NOT EXISTS eb_words_trgm ON eb_words USING gin (word gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS eb_stems_trgm ON eb_stems USING gin (stem gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS eb_actors_trgm ON eb_actors USING gin (name gin_trgm_ops)`,
];

export interface SchemaInfo {
  trigrams: boolean;
}

export async function ensureSchema(db: Queryable): Promise<SchemaInfo> {
  for (const sql of TABLES) await db.query(sql);
  let trigrams = true;
  try {
    await db.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    for (const sql of TRIGRAM) await db.query(sql);
  } catch {
    trigrams = false; // spelling falls back to comparing words of about the same length
  }
  return { trigrams };
}
