// Indexing into the cache a batch at a time: however small the batch, the cache and the answers
// are the same as with everything held at once; a cache that cannot be written costs nothing but
// the cache.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { batchBytes, DEFAULT_BATCH_BYTES } from "../src/index/cache-stream.js";
import { cachePath, readCache, writeCache } from "../src/index/cache.js";
import { loadEngine } from "../src/runtime/load-engine.js";
import { tempDir, writeKnowledge } from "./helpers.js";

const people = ["Ada Moreau", "Bram Keller", "Cleo Santos", "Dev Iyer", "Ema Novák", "Finn Walsh", "Gia Rossi"];
const files: Record<string, string> = {};
people.forEach((name, i) => {
  files[`story-${i}.txt`] = [
    `Harbour report ${i}`,
    "",
    `“The ferry timetable number ${i} will change in spring,” said ${name}, the port director, on Tuesday.`,
    "",
    `${name.split(" ")[0]} said the quay repairs would cost more than planned and the council opposed the new toll.`,
    "",
    i % 2 ? "The union welcomed the plan last week." : "Officials criticised the delay in March 2021 🚢 — “unacceptable”, they said.",
  ].join("\n");
});
files["empty.txt"] = "";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function dirs() {
  const kb = writeKnowledge(files);
  const a = tempDir("cache-a-");
  const b = tempDir("cache-b-");
  cleanups.push(kb.cleanup, a.cleanup, b.cleanup);
  return { root: kb.dir, a: a.dir, b: b.dir };
}

const questions = [
  (e: ReturnType<typeof loadEngine>["engine"]) => e.whoSaid("ferry timetable number 3 will change"),
  (e: ReturnType<typeof loadEngine>["engine"]) => e.search("quay repairs toll"),
  (e: ReturnType<typeof loadEngine>["engine"]) => e.stance("council", "toll"),
  (e: ReturnType<typeof loadEngine>["engine"]) => e.when("officials criticised the delay"),
  (e: ReturnType<typeof loadEngine>["engine"]) => e.whoSaid("a quotation nobody ever gave"),
  (e: ReturnType<typeof loadEngine>["engine"]) => e.sources(),
];

describe("indexing into the cache a batch at a time", () => {
  it("writes the same cache and gives the same answers with a one-byte batch as with one batch for all", async () => {
    const { root, a, b } = dirs();
    const small = loadEngine(root, { cacheDir: a, batchBytes: 1 });
    const large = loadEngine(root, { cacheDir: b, batchBytes: 1 << 30 });
    const none = loadEngine(root, { cacheDir: null });
    expect(small.stats).toMatchObject({ files: 7, extracted: 8, cacheWritten: true, indexFromCache: false });
    expect(readFileSync(cachePath(a, root)).equals(readFileSync(cachePath(b, root)))).toBe(true);
    expect(small.engine.corpus).toEqual(none.engine.corpus);
    for (const ask of questions) {
      const [x, y, z] = await Promise.all([ask(small.engine), ask(large.engine), ask(none.engine)]);
      expect(x).toEqual(z);
      expect(y).toEqual(z);
    }
    expect((await small.engine.whoSaid("ferry timetable number 3 will change")).results[0]?.speaker).toBe("Dev Iyer");
    expect((await small.engine.whoSaid("a quotation nobody ever gave")).results).toEqual([]);
    // and the next start reuses every entry of that cache (the empty file, never cached, is looked at again), answering the same
    const again = loadEngine(root, { cacheDir: a });
    expect(again.stats).toMatchObject({ reused: 7, extracted: 1 });
    for (const ask of questions) expect(await ask(again.engine)).toEqual(await ask(none.engine));
  });

  it("still answers, and says so once, when the cache folder cannot be written", async () => {
    const { root, a } = dirs();
    writeFileSync(join(a, "blocker"), "");
    const logs: string[] = [];
    const loaded = loadEngine(root, { cacheDir: join(a, "blocker", "sub"), onLog: (m) => logs.push(m) });
    expect(loaded.stats).toMatchObject({ files: 7, cacheWritten: false });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^could not write the index cache: E/);
    expect((await loaded.engine.whoSaid("ferry timetable number 3 will change")).results[0]?.speaker).toBe("Dev Iyer");
  });

  it("reads back what it wrote, whatever the chunk size and the characters", () => {
    const { root, a } = dirs();
    const loaded = loadEngine(root, { cacheDir: null });
    const stored = loaded.engine.index.toStored();
    for (const chunk of [1, 200, 1 << 20]) {
      const path = join(a, `c${chunk}.cache`);
      writeCache(path, root, loaded.entries, stored, chunk);
      const read = readCache(path, root);
      if (!read.ok) throw new Error(String(read.reason));
      expect(read.data.entries, String(chunk)).toEqual(loaded.entries);
      expect(read.data.entries.some((e) => e.passages.some((p) => p.text.includes("🚢 — “unacceptable”")))).toBe(true);
      const { wordCounts, stemCounts, ...rest } = read.data.index;
      expect({ ...rest, wordCounts: Array.from(wordCounts), stemCounts: Array.from(stemCounts) }).toEqual(stored);
    }
  });

  it("reads its setting, refusing what is not a whole number of megabytes", () => {
    const logs: string[] = [];
    expect(batchBytes("4")).toBe(4 * 1048576);
    expect(batchBytes(undefined)).toBe(DEFAULT_BATCH_BYTES);
    for (const bad of ["0", "-1", "1.5", "lots"])
      expect(
        batchBytes(bad, (m) => logs.push(m)),
        bad,
      ).toBe(DEFAULT_BATCH_BYTES);
    expect(logs).toHaveLength(4);
  });
});
