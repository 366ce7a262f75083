// What keeps the PostgreSQL store fast on a large corpus: a database made before the postings
// gains them from its passages (and loses its full-text search structures); the trigram indexes on
// folded names hold the very expression the autocomplete query compares, so the server can use
// them; candidates from the postings are what the ranking's rules give, worked out by hand.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../src/store/postgres/db.js";
import { writeCorpus } from "../src/store/postgres/indexer.js";
import { ensureSchema } from "../src/store/postgres/schema.js";
import { PostgresStore } from "../src/store/postgres/store.js";
import { Vocabulary } from "../src/index/search-index.js";
import { indexTerms } from "../src/text/tokenize.js";
import { engineFor } from "./helpers.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

const DOCS = {
  "bridge.txt": [
    "Footbridge reopens",
    "",
    "June 9, 2020",
    "",
    '"The footbridge is safe again," said Zoë Brandt, the town engineer.',
    "",
    "The cyclists' club welcomed the footbridge on Monday.",
  ].join("\n"),
  "market.md": ["# Market hall", "", "The traders' guild opposes the new market hall rents."].join("\n"),
};

let db: Db;

beforeAll(() => {
  db = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
});

afterAll(async () => {
  await db?.close?.();
});

describe("a database made before the postings", () => {
  it("gets the served generation's postings from its passages, loses its full-text search structures, and searches as before", async () => {
    const engine = engineFor(DOCS);
    await writeCorpus(db, engine.corpus, { batchSize: 3 });
    const footbridge = engine.corpus.passages.filter((p) => /footbridge is safe/i.test(p.text)).map((p) => p.id);
    expect(footbridge).toHaveLength(1);
    const { rows: written } = await db.query<{ stem: string; first: number; text: Uint8Array; title: Uint8Array }>(
      "SELECT stem, first, text, title FROM eb_postings ORDER BY stem, first",
    );
    // Turn it back into an old layout: no postings, a tsvector table and a tsvector column with their indexes.
    await db.query("DELETE FROM eb_postings");
    await db.query("CREATE TABLE eb_search (generation bigint NOT NULL, id int NOT NULL, tsv tsvector NOT NULL, PRIMARY KEY (generation, id))");
    await db.query("CREATE INDEX eb_search_tsv ON eb_search USING gin (tsv)");
    await db.query("ALTER TABLE eb_passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED");
    await db.query("CREATE INDEX eb_passages_tsv ON eb_passages USING gin (tsv)");

    const store = await PostgresStore.open(db);
    const { rows: built } = await db.query<{ stem: string; first: number; text: Uint8Array; title: Uint8Array }>(
      "SELECT stem, first, text, title FROM eb_postings ORDER BY stem, first",
    );
    expect(built.length).toBeGreaterThan(0);
    expect(built.map((r) => [r.stem, r.first, [...r.text], [...r.title]])).toEqual(written.map((r) => [r.stem, r.first, [...r.text], [...r.title]]));
    const { rows: left } = await db.query(
      "SELECT 1 FROM information_schema.columns WHERE (table_name = 'eb_passages' AND column_name = 'tsv') OR table_name = 'eb_search'",
    );
    expect(left).toEqual([]);
    expect(await store.candidates("footbridge safe again", 10)).toEqual(footbridge);
    expect(await store.candidates("submarine orchestra", 10)).toEqual([]);
    // A second opening finds nothing to build.
    await PostgresStore.open(db);
    const { rows: again } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM eb_postings");
    expect(again[0]!.n).toBe(built.length);
  });
});

describe("names autocomplete", () => {
  it("is served by the trigram indexes on the folded names", async () => {
    const info = await ensureSchema(db);
    expect(info).toEqual({ trigrams: true, unaccent: true });
    const store = await PostgresStore.open(db);
    expect((await store.namesLike("zoe")).map((n) => n.name)).toContain("Zoë Brandt");
    expect(await store.namesLike("qxzv")).toEqual([]);
    // The planner picks the index when a scan of the table is ruled out: only if it holds the query's expression.
    const plan = async (sql: string): Promise<string> => {
      const out = await (db as unknown as PGlite).transaction(async (tx) => {
        await tx.query("SET LOCAL enable_seqscan = off");
        return (await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      return out;
    };
    expect(await plan("SELECT name FROM eb_actors WHERE eb_fold(name) LIKE '%brandt%'")).toContain("eb_actors_fold_unaccent");
    expect(await plan("SELECT speaker FROM eb_quotes WHERE speaker IS NOT NULL AND eb_fold(speaker) LIKE '%brandt%'")).toContain("eb_quotes_fold_unaccent");
    expect(await plan("SELECT name FROM eb_actors WHERE lower(name) LIKE '%brandt%'")).not.toContain("eb_actors_fold_unaccent");
  });
});

/**
 * Passages whose words have every frequency: two in all, five in some (one only late), two in one or two. A passage
 * holding the four middling words outscores the one holding the rarest word: a ranking that stopped
 * at the rarest word's passages would miss it.
 */
function townDocs(): Record<string, string> {
  const docs: Record<string, string> = {};
  for (let d = 0; d < 24; d++) {
    const paragraphs: string[] = [];
    for (let k = 0; k < 4; k++) {
      const i = d * 4 + k;
      const parts = [`The town council met by the river in week ${i + 1}.`];
      if (i % 3 === 0) parts.push("They talked about the bridge.");
      if (i % 4 === 2) parts.push("The ferry was late again.");
      if (i % 2 === 0) parts.push("Stalls filled the market.");
      if (i % 5 === 0) parts.push("The old mill was quiet.");
      if (i >= 48) parts.push("Boats crowded the harbour.");
      if (i === 5 || i === 22) parts.push("A lantern hung over the gate.");
      if (i === 17) parts.push("An orchid grew on the bank.");
      paragraphs.push(parts.join(" "));
    }
    docs[`week-${d}.txt`] = [`Council notes ${d}`, "", ...paragraphs].join("\n\n");
  }
  return docs;
}

describe("candidates from the postings", () => {
  it("are the passages holding every word when few do, else the first by id holding all in their text, else the best by rarity", async () => {
    const own = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      const corpus = engineFor(townDocs()).corpus;
      await writeCorpus(own, corpus, { batchSize: 50 });
      const store = await PostgresStore.open(own);
      const df = Vocabulary.of(corpus).df;
      const text = corpus.passages.map((p) => new Set(indexTerms(p.text)));
      const title = corpus.passages.map((p) => new Set(indexTerms(corpus.documents[p.docId]!.title)));
      const ids = corpus.passages.map((p) => p.id);
      /** What the store should give, worked out over the corpus by hand. */
      const expected = (q: string, limit: number): number[] => {
        const stems = [...new Set(indexTerms(q))];
        const holdAll = ids.filter((id) => stems.every((s) => text[id]!.has(s) || title[id]!.has(s)));
        if (holdAll.length > 0 && holdAll.length <= 30) return holdAll.slice(0, limit);
        const inText = ids.filter((id) => stems.every((s) => text[id]!.has(s)));
        if (inText.length >= limit) return inText.slice(0, limit);
        const idf = (s: string): number => Math.log(1 + ids.length / Math.max(df.get(s) ?? 1, 1));
        const score = (id: number): number => stems.reduce((sum, s) => sum + (text[id]!.has(s) ? idf(s) : title[id]!.has(s) ? idf(s) * 0.25 : 0), 0);
        return ids
          .map((id) => [id, score(id)] as const)
          .filter(([, sc]) => sc > 0)
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .slice(0, limit)
          .map(([id]) => id);
      };
      const queries = [
        // Few passages hold them all.
        "lantern orchid bridge",
        "river orchid",
        // None holds them all: the best by rarity (the four middling words beat the rarest alone).
        "lantern orchid zeppelin",
        "bridge ferry market mill orchid",
        "council river ferry zeppelin",
        // Many hold them all in their text: the first by id.
        "town river",
        "council market",
        "river bridge",
        "town harbour",
        // Title words count too: held by the titles alone, they rank passages after the one holding a text word.
        "council notes ferry",
        "notes orchid zeppelin",
      ];
      for (const limit of [5, 10])
        for (const q of queries) {
          const want = expected(q, limit);
          expect(want.length).toBeGreaterThan(0);
          expect(await store.candidates(q, limit), `${q} / ${limit}`).toEqual(want);
        }
      expect(await store.candidates("zeppelin quasar", 10)).toEqual([]);
    } finally {
      await own.close?.();
    }
  });
});
