// bench/pg-copies.ts: the rows the indexer wrote, copied in SQL up to a size for the PostgreSQL
// bench. Every copy must be a consistent corpus of its own: new ids and file names, facts pointing
// at the copy's passages, counts scaled; nothing found for words no copy has.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { copyServedRows } from "../bench/pg-copies.js";
import type { Db } from "../src/store/postgres/db.js";
import { writeCorpus } from "../src/store/postgres/indexer.js";
import { PostgresStore } from "../src/store/postgres/store.js";
import type { Engine } from "../src/runtime/engine.js";
import { engineFor } from "./helpers.js";

const DOCS = {
  "quarry.txt": [
    "Quarry expansion put to a vote",
    "",
    "May 4, 2022",
    "",
    '"The gravel trucks wake the whole valley at dawn," said Mira Holt, who lives by the road.',
    "",
    "The parish council opposes the quarry expansion, its clerk said on Friday.",
  ].join("\n"),
  "orchard.md": ["# Orchard grant", "", "The growers' cooperative welcomed the orchard grant last spring."].join("\n"),
};

vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

let engine: Engine;
let db: Db;
let store: PostgresStore;
let served: number;

beforeAll(async () => {
  engine = engineFor(DOCS);
  db = new PGlite({ extensions: { pg_trgm } }) as unknown as Db;
  await writeCorpus(db, engine.corpus, { batchSize: 5 });
  store = await PostgresStore.open(db);
  served = await copyServedRows(db, 3);
});

afterAll(async () => {
  await db?.close?.();
});

describe("copying the served rows (bench/pg-copies.ts)", () => {
  it("serves every passage, document, quotation and stance three times", async () => {
    const c = engine.corpus;
    expect(c.stances.length).toBeGreaterThan(0);
    expect(served).toBe(3 * c.passages.length);
    const s = await store.stats();
    expect(s).toMatchObject({ passages: 3 * c.passages.length, documents: 3 * c.documents.length, stances: 3 * c.stances.length });
    expect(s.quotes).toBeGreaterThan(0);
    expect((await store.documents()).map((d) => d.file).sort()).toEqual(["", "copy-2/", "copy-3/"].flatMap((p) => c.documents.map((d) => p + d.file)).sort());
  });

  it("gives each copy its own ids and files, with its facts pointing at its own passages", async () => {
    const n = engine.corpus.passages.length;
    const quoted = engine.corpus.quotes.find((q) => q.speaker)!;
    const [original, copy] = await store.passages([quoted.passageId, quoted.passageId + 2 * n]);
    expect(copy!.passage).toMatchObject({ id: quoted.passageId + 2 * n, text: original!.passage.text, file: `copy-3/${original!.passage.file}` });
    expect(copy!.document.file).toBe(`copy-3/${original!.document.file}`);
    expect(copy!.document.passageIds).toContain(quoted.passageId + 2 * n);
    expect(copy!.quotes.map((q) => q.passageId)).toEqual(original!.quotes.map(() => quoted.passageId + 2 * n));
    expect(new Set([...original!.quotes, ...copy!.quotes].map((q) => q.id)).size).toBe(2 * original!.quotes.length);
    const stances = await store.stancesInPassages([...new Set(engine.corpus.stances.map((s) => s.passageId + n))]);
    expect(stances).toHaveLength(engine.corpus.stances.length);
    expect(stances.every((s) => s.passageId >= n && s.passageId < 2 * n)).toBe(true);
  });

  it("gives each copy's stances its own documents, and the text around them", async () => {
    const c = engine.corpus;
    const n = c.passages.length;
    const about = await store.stancesAbout([...new Set(c.stances.map((s) => s.actor))], { terms: [], min: 0, minEvaluation: 0 });
    expect(about).toHaveLength(3 * c.stances.length);
    const docs = new Map((await store.passageTexts(about.map((a) => a.fact.passageId))).map((x) => [x.passage.id, x.passage.docId]));
    for (const a of about) {
      expect(a.docId).toBe(docs.get(a.fact.passageId));
      expect(a.span.text).toBe(c.passages[a.fact.passageId % n]!.text.slice(a.span.at, a.span.at + a.span.text.length));
    }
    expect(new Set(about.map((a) => a.docId)).size).toBe(3 * new Set(c.stances.map((s) => c.passages[s.passageId]!.docId)).size);
  });

  it("finds a sentence's words in every copy, and nothing for words no copy has", async () => {
    const n = engine.corpus.passages.length;
    const ids = await store.candidates("gravel trucks wake the valley", 10);
    expect(ids).toHaveLength(3);
    expect(ids.map((id) => id % n)).toEqual([ids[0]! % n, ids[0]! % n, ids[0]! % n]);
    expect(await store.candidates("zeppelin marmalade", 10)).toEqual([]);
  });
});
