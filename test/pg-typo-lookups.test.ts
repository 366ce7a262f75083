// How the PostgreSQL store finds a word's typos (src/store/postgres/typo-lookups.ts): pg_trgm's
// trigrams as the bound counts them, the bound itself against words edited at random, and the
// statements against every word of a vocabulary compared one by one: nothing within the edits is
// missed, whichever way it is looked up. Then both stores on words with other characters.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectPg, type Db } from "../src/store/postgres/db.js";
import { writeCorpus } from "../src/store/postgres/indexer.js";
import { ensureSchema, TRIGRAM_LENGTHS } from "../src/store/postgres/schema.js";
import { PostgresStore } from "../src/store/postgres/store.js";
import { type Near, trigramBound, trigramsOf, type TypoTable, typoLookup } from "../src/store/postgres/typo-lookups.js";
import { editDistance } from "../src/text/typos.js";
import { engineFor, watched } from "./helpers.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

// On PGlite, or on the server TEST_DATABASE_URL names (.ci/run), where the rows below go under a
// generation of their own that no indexer uses.
const GENERATION = -7;
let db: Db;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  db = url ? await connectPg(url) : (new PGlite({ extensions: { pg_trgm } }) as unknown as Db);
  await ensureSchema(db);
});

afterAll(async () => {
  await db?.query(`DELETE FROM eb_words WHERE generation = ${GENERATION}`);
  await db?.close?.();
});

/** A word of `alphabet` with `edits` random deletions, changes and insertions. */
const edited = (alphabet: string) =>
  fc.tuple(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 3 })).map(([edits]) => edits);

function applyEdits(word: string, edits: ReadonlyArray<[number, number, string]>): string {
  let w = word;
  for (const [kind, at, c] of edits) {
    const i = at % (w.length + 1);
    if (kind === 0 && i < w.length) w = w.slice(0, i) + w.slice(i + 1);
    else if (kind === 1 && i < w.length) w = w.slice(0, i) + c + w.slice(i + 1);
    else w = w.slice(0, i) + c + w.slice(i);
  }
  return w;
}

/** pg_trgm's similarity of two plain words, from their trigrams. */
function similarity(a: string, b: string): number {
  const ta = trigramsOf(a);
  const tb = trigramsOf(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / (ta.size + tb.size - shared);
}

describe("trigramsOf", () => {
  it.each(["harbour", "aaaa", "banana", "x", "b2b"])("gives pg_trgm's trigrams of %s", async (word) => {
    const { rows } = await db.query<{ t: string[] }>("SELECT show_trgm($1) AS t", [word]);
    expect([...trigramsOf(word)].sort()).toEqual([...rows[0]!.t].sort());
  });
});

describe("trigramBound", () => {
  it("is at most the similarity of any word of that length within the edits", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abeinorst"), minLength: 6, maxLength: 16 }), edited("abeinorstz"), (word, edits) => {
        const other = applyEdits(word, edits);
        const d = editDistance(word, other, 3);
        for (let max = Math.max(d, 1); max <= 3; max++) expect(similarity(word, other)).toBeGreaterThanOrEqual(trigramBound(word, max, other.length) - 1e-12);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("is higher for a candidate length near the word's than the bound over every length", () => {
    // "harbourmaster": 14 trigrams; two edits leave 8 shared; a word of 13 letters has at most 14.
    expect(trigramBound("harbourmaster", 2, 13)).toBeCloseTo(8 / 20, 10);
    expect(trigramBound("harbourmaster", 2, 15)).toBeCloseTo(8 / 22, 10);
  });
});

describe("typoLookup", () => {
  // A vocabulary with many near neighbours: short words of few letters, and each query word
  // edited once, twice and three times.
  const ALPHABET = "aeinrst";
  const QUERIES = ["stair", "tiara", "retains", "strainer", "tanners", "entertains", "resistant", "interstates", "sinister", "entertainers", "restrainments"];
  const table: TypoTable = { table: "eb_words", column: "word", count: "n", generation: String(GENERATION) };
  let vocabulary: string[];

  beforeAll(async () => {
    const words = new Set<string>();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 3, maxLength: 22 }), (w) => void words.add(w)),
      { numRuns: 4000, seed: 5 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...QUERIES), edited(`${ALPHABET}z`), (q, edits) => void words.add(applyEdits(q, edits))),
      { numRuns: 1500, seed: 6 },
    );
    vocabulary = [...words].filter((w) => w.length > 0);
    await db.query(`DELETE FROM eb_words WHERE generation = ${GENERATION}`);
    for (let i = 0; i < vocabulary.length; i += 500) {
      const part = vocabulary.slice(i, i + 500);
      await db.query(`INSERT INTO eb_words (generation, word, n, stem) SELECT ${GENERATION}, w, 1, w FROM unnest($1::text[]) AS w`, [part]);
    }
  });

  /** The words the statements give within `max` edits of `word`. */
  async function found(lookups: Near[], word: string, max: number): Promise<string[]> {
    const { rows } = await db.query<{ v: string }>("SELECT v FROM eb_near_rows($1::text[], $2::text[], $3::text[], $4::int[], $5::text[])", [
      lookups.map((l) => l.sql),
      lookups.map((l) => (l.threshold === null ? null : String(l.threshold))),
      lookups.map((l) => l.word),
      lookups.map((l) => l.edits),
      lookups.map((l) => l.pattern ?? null),
    ]);
    return [...new Set(rows.map((r) => r.v).filter((v) => editDistance(word, v, max) <= max))].sort();
  }

  const within = (word: string, max: number): string[] => vocabulary.filter((v) => editDistance(word, v, max) <= max).sort();

  // One edit for every word, and as many as the store's callers allow a word of its length: two from
  // eight letters, three from thirteen (suggestions and search).
  it.each(QUERIES.flatMap((q) => [...new Set([1, q.length >= 13 ? 3 : q.length >= 8 ? 2 : 1])].map((max) => [q, max] as const)))(
    "find every word within the edits of %s (%i)",
    async (word, max) => {
      const want = within(word, max);
      expect(want.length).toBeGreaterThan(1);
      expect(await found([typoLookup(table, word, max, true)], word, max)).toEqual(want);
    },
  );

  it("look one edit up by key, more by trigrams once per length the word can have", () => {
    expect(typoLookup(table, "stair", 1, true)).toMatchObject({ threshold: null, pattern: expect.stringContaining("stir") });
    const two = typoLookup(table, "strainer", 2, true);
    expect([...two.sql.matchAll(/length\(word\) = (\d+)/g)].map((m) => m[1])).toEqual(["6", "7", "8", "9", "10"]);
    expect(two.threshold).toBeGreaterThan(0.1);
  });

  it("fall back to one statement where the bound would let most words through, for a word of few trigrams", () => {
    // "tatatata" has 5 distinct trigrams: two edits can leave none shared.
    expect(typoLookup(table, "tatatata", 2, true).sql).toContain("abs(length(word) - length($2)) <= $3");
  });

  it("find one edit by key without pg_trgm too", async () => {
    expect(await found([typoLookup(table, "retains", 1, false)], "retains", 1)).toEqual(within("retains", 1));
  });

  it("find nothing for a word no word is near", async () => {
    expect(await found([typoLookup(table, "qqqqqqqqq", 2, true)], "qqqqqqqqq", 2)).toEqual([]);
  });

  it("have a trigram index for each length they name", async () => {
    const { rows } = await db.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'eb_words' AND schemaname = current_schema()");
    for (let m = TRIGRAM_LENGTHS.first; m < TRIGRAM_LENGTHS.last; m++) expect(rows.some((r) => r.def.includes(`WHERE (length(word) = ${m})`))).toBe(true);
    expect(rows.some((r) => r.def.includes(`WHERE (length(word) >= ${TRIGRAM_LENGTHS.last})`))).toBe(true);
    const long = typoLookup(table, "interstatesmanship", 3, true).sql;
    expect(long).toContain(`length(word) = ${TRIGRAM_LENGTHS.last + 1} AND length(word) >= ${TRIGRAM_LENGTHS.last}`);
  });
});

describe("ensureSchema", () => {
  it("creates the indexes once: opened again, it runs no CREATE INDEX", async () => {
    const own = new PGlite({ extensions: { pg_trgm } }) as unknown as Db;
    try {
      let created = 0;
      const counted = watched(own, (sql) => {
        if (sql.startsWith("CREATE INDEX")) created++;
      });
      await ensureSchema(counted);
      expect(created).toBeGreaterThan(2 * (TRIGRAM_LENGTHS.last - TRIGRAM_LENGTHS.first));
      created = 0;
      await ensureSchema(counted);
      expect(created).toBe(0);
    } finally {
      await own.close?.();
    }
  });
});

describe("both stores, on words with other characters than a–z and digits", () => {
  // An apostrophe makes pg_trgm read two words: neither the keys nor the bound reach "o'brien" from
  // "obrien"; the radix tree of such words does.
  const DOCS = { "cafe.txt": ["Harbour café reopens", "", '"The café on the quay serves breakfast again," said Liam O\'Brien, its owner.'].join("\n") };

  it("correct a typo of one alike, and suggest it", async () => {
    const engine = engineFor(DOCS);
    const own = new PGlite({ extensions: { pg_trgm } }) as unknown as Db;
    try {
      await writeCorpus(own, engine.corpus, { batchSize: 20 });
      const postgres = await PostgresStore.open(own);
      for (const text of ["obrien", "liam obrian", "the kafe"]) expect(await postgres.correct(text), text).toBe(await engine.store.correct(text));
      expect(await postgres.correct("obrien")).toBe("o'brien");
      expect(await postgres.suggest("obrien")).toContain("o'brien");
    } finally {
      await own.close?.();
    }
  });
});
