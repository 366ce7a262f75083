// What keeps the PostgreSQL store fast on a large corpus: a database made before the narrow search
// table gains it from its passages (and loses the old column); the trigram indexes on folded names
// hold the very expression the autocomplete query compares, so the server can use them; ranking
// that starts from the rarest words and widens gives the same candidates as scoring everything.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../src/store/postgres/db.js";
import { writeCorpus } from "../src/store/postgres/indexer.js";
import { ensureSchema } from "../src/store/postgres/schema.js";
import { PostgresStore } from "../src/store/postgres/store.js";
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

describe("a database made before the search table", () => {
  it("moves the passages' vectors to eb_search, drops the old column, and searches as before", async () => {
    const engine = engineFor(DOCS);
    await writeCorpus(db, engine.corpus, { batchSize: 3 });
    // Turn it back into the old layout: the tsvector a generated column of the passages, no eb_search.
    await db.query("DROP TABLE eb_search");
    await db.query(
      `ALTER TABLE eb_passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', terms), 'A') || setweight(to_tsvector('simple', title_terms), 'D')) STORED`,
    );
    await db.query("CREATE INDEX eb_passages_tsv ON eb_passages USING gin (tsv)");

    const store = await PostgresStore.open(db);
    const { rows: moved } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM eb_search");
    expect(moved[0]!.n).toBe(engine.corpus.passages.length);
    const { rows: column } = await db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'eb_passages' AND column_name = 'tsv'");
    expect(column).toEqual([]);

    const footbridge = engine.corpus.passages.filter((p) => /footbridge is safe/i.test(p.text)).map((p) => p.id);
    expect(footbridge).toHaveLength(1);
    expect(await store.candidates("footbridge safe again", 10)).toEqual(footbridge);
    expect(await store.candidates("submarine orchestra", 10)).toEqual([]);
    // A second opening finds nothing left to move.
    await PostgresStore.open(db);
    const { rows: again } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM eb_search");
    expect(again[0]!.n).toBe(engine.corpus.passages.length);
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

describe("ranking from the rarest words", () => {
  it("gives the same candidates however many of the rarest words it starts from or passages it walks, and none for unknown words", async () => {
    const own = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      await writeCorpus(own, engineFor(townDocs()).corpus, { batchSize: 50 });
      let partial = 0;
      const counted: Db = {
        query: (sql, params) => {
          if (sql.includes("($4::text[])")) partial++;
          return own.query(sql, params);
        },
        transaction: (fn) => own.transaction(fn),
      };
      const narrow = await PostgresStore.open(counted, { rarePassages: 0 });
      const everything = await PostgresStore.open(own, { rarePassages: Number.MAX_SAFE_INTEGER, walkRows: 0 });
      // Walks too few passages to find them all: must fall back to the full-text index.
      const shortWalk = await PostgresStore.open(own, { walkRows: 56 });
      const queries = [
        "lantern orchid zeppelin",
        "bridge ferry zeppelin",
        "river orchid zeppelin",
        "town bridge lantern zeppelin",
        "ferry lantern",
        "orchid bridge",
        "council river ferry zeppelin",
        "orchid bridge ferry market mill",
        // Held together by many passages: the first by id, found by walking or through the index.
        "town river",
        "council market",
        "river bridge",
        "town harbour",
      ];
      for (const limit of [1, 3, 10])
        for (const q of queries) {
          const expected = await everything.candidates(q, limit);
          expect(expected.length).toBeGreaterThan(0);
          expect(await narrow.candidates(q, limit)).toEqual(expected);
          expect(await shortWalk.candidates(q, limit)).toEqual(expected);
        }
      expect(partial).toBeGreaterThan(0);
      expect(await narrow.candidates("zeppelin quasar", 10)).toEqual([]);
    } finally {
      await own.close?.();
    }
  });
});
