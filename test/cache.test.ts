// The persisted index and live reload: reuse what did not change, never load a bad cache, and
// never let a query see a half-updated engine.
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EngineHolder } from "../src/runtime/holder.js";
import { cachePath } from "../src/index/cache.js";
import { loadEngine } from "../src/runtime/load-engine.js";
import { startLiveReload } from "../src/live-reload.js";
import { tempDir, writeKnowledge } from "./helpers.js";

const doc = (name: string, quote: string) =>
  [
    `A story about ${name}`,
    "",
    `“${quote},” said ${name} Smith, the spokesperson, on Monday.`,
    "",
    `${name} Smith also said the committee would meet again next month to review it.`,
  ].join("\n");

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function setup(files: Record<string, string>) {
  const kb = writeKnowledge(files);
  const cache = tempDir("cache-");
  cleanups.push(kb.cleanup, cache.cleanup);
  return { dir: kb.dir, cacheDir: cache.dir };
}

describe("persisted index", () => {
  it("re-extracts nothing on a restart with no changed file, and loads the saved index", async () => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready"), "b.txt": doc("Boris", "We need more time") });
    const first = loadEngine(dir, { cacheDir });
    expect(first.stats).toMatchObject({ files: 2, extracted: 2, reused: 0, indexFromCache: false, cacheWritten: true });
    const second = loadEngine(dir, { cacheDir });
    expect(second.stats).toMatchObject({ files: 2, extracted: 0, reused: 2, indexFromCache: true, cacheWritten: false });
    expect((await second.engine.whoSaid("we need more time")).results[0]?.speaker).toBe("Boris Smith");
  });

  it("re-extracts only changed and new files, and drops removed ones", async () => {
    const { dir, cacheDir } = setup({
      "a.txt": doc("Anna", "The plan is ready"),
      "b.txt": doc("Boris", "We need more time"),
      "c.txt": doc("Carl", "Nothing to add"),
    });
    loadEngine(dir, { cacheDir });
    writeFileSync(join(dir, "a.txt"), doc("Anna", "The plan has changed completely"));
    rmSync(join(dir, "c.txt"));
    writeFileSync(join(dir, "d.txt"), doc("Dana", "A new voice in the debate"));
    const next = loadEngine(dir, { cacheDir });
    expect(next.stats).toMatchObject({ files: 3, extracted: 2, reused: 1, removed: 1, indexFromCache: false });
    expect((await next.engine.whoSaid("plan has changed completely")).results[0]?.speaker).toBe("Anna Smith");
    expect((await next.engine.whoSaid("Nothing to add")).results).toEqual([]);
  });

  it("reuses a file whose time changed but whose content did not", () => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    loadEngine(dir, { cacheDir });
    utimesSync(join(dir, "a.txt"), new Date(), new Date(Date.now() + 60_000));
    expect(loadEngine(dir, { cacheDir }).stats).toMatchObject({ extracted: 0, reused: 1 });
  });

  const damage: Array<[string, (b: Buffer) => Buffer]> = [
    ["cut in half", (b) => b.subarray(0, b.length >> 1)],
    ["missing its last byte", (b) => b.subarray(0, b.length - 1)],
    ["empty", () => Buffer.alloc(0)],
    ["with its entries overwritten", (b) => Buffer.concat([Buffer.from("\u00ff\u00ff\u00ff", "latin1"), b.subarray(3)])],
    [
      "with a footer length past its start",
      (b) => {
        const c = Buffer.from(b);
        c.writeUInt32LE(c.length + 10, c.length - 12);
        return c;
      },
    ],
    [
      "with its footer overwritten",
      (b) => {
        const c = Buffer.from(b);
        c.fill(0x7b, c.length - 12 - c.readUInt32LE(c.length - 12), c.length - 12);
        return c;
      },
    ],
  ];
  it.each(damage)("discards a cache %s with one message and rebuilds it", async (_, harm) => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    loadEngine(dir, { cacheDir });
    const path = cachePath(cacheDir, dir);
    writeFileSync(path, harm(readFileSync(path)));
    const logs: string[] = [];
    const again = loadEngine(dir, { cacheDir, onLog: (m) => logs.push(m) });
    expect(logs).toEqual(["the index cache is corrupt; rebuilding it"]);
    expect(again.stats).toMatchObject({ extracted: 1, cacheWritten: true });
    expect((await again.engine.whoSaid("the plan is ready")).results[0]?.speaker).toBe("Anna Smith");
    expect(loadEngine(dir, { cacheDir }).stats.indexFromCache).toBe(true);
  });

  it("discards a cache written by other extraction code or another format, never reading its entries", () => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    loadEngine(dir, { cacheDir });
    const path = cachePath(cacheDir, dir);
    const b = readFileSync(path);
    const len = b.readUInt32LE(b.length - 12);
    const footer = b.subarray(b.length - 12 - len, b.length - 12).toString("utf8");
    for (const [field, value] of [
      ["code", "0000000000000000"],
      ["format", 5],
      ["extractor", -1],
    ] as const) {
      const changed = Buffer.from(JSON.stringify({ ...JSON.parse(footer), [field]: value }), "utf8");
      const trailer = Buffer.from(b.subarray(b.length - 12));
      trailer.writeUInt32LE(changed.length, 0);
      writeFileSync(path, Buffer.concat([b.subarray(0, b.length - 12 - len), changed, trailer]));
      const logs: string[] = [];
      expect(loadEngine(dir, { cacheDir, onLog: (m) => logs.push(m) }).stats, field).toMatchObject({ extracted: 1, indexFromCache: false, cacheWritten: true });
      expect(logs, field).toEqual(["the index cache is from another version; rebuilding it"]);
    }
  });

  it("discards a cache from another version", () => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    loadEngine(dir, { cacheDir });
    writeFileSync(cachePath(cacheDir, dir), JSON.stringify({ format: 999, extractor: 1, root: dir, entries: [], index: {} }));
    const logs: string[] = [];
    expect(loadEngine(dir, { cacheDir, onLog: (m) => logs.push(m) }).stats.extracted).toBe(1);
    expect(logs[0]).toMatch(/another version/);
  });

  it("writes atomically: no temp files are left behind", () => {
    const { dir, cacheDir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    loadEngine(dir, { cacheDir });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("live reload", () => {
  it("refresh picks up new, changed and deleted files, extracting only those", async () => {
    const { dir } = setup({ "a.txt": doc("Anna", "The plan is ready"), "b.txt": doc("Boris", "We need more time") });
    const holder = new EngineHolder(dir, { cacheDir: null });
    const before = holder.current;
    writeFileSync(join(dir, "c.txt"), doc("Carl", "Count me in on this"));
    rmSync(join(dir, "a.txt"));
    const r = await holder.refresh();
    expect(r).toMatchObject({ documents: 2, extracted: 1, removed: 1 });
    expect(holder.current).not.toBe(before);
    // The engine a query already holds is never changed under it.
    expect((await before.whoSaid("The plan is ready")).results[0]?.speaker).toBe("Anna Smith");
    expect((await holder.current.whoSaid("The plan is ready")).results).toEqual([]);
    expect((await holder.current.whoSaid("count me in")).results[0]?.speaker).toBe("Carl Smith");
  });

  it("handles a file removed while it is being read and merges concurrent reloads", async () => {
    const { dir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    const holder = new EngineHolder(dir, { cacheDir: null });
    writeFileSync(join(dir, "b.txt"), doc("Boris", "We need more time"));
    const first = holder.refresh();
    rmSync(join(dir, "b.txt"));
    const second = holder.refresh(["b.txt"]);
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1.documents).toBeGreaterThanOrEqual(1);
    expect(r2.documents).toBe(1);
    expect((await holder.current.whoSaid("We need more time")).results).toEqual([]);
  });

  it("watches the folder and reloads after a change", async () => {
    const { dir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    const holder = new EngineHolder(dir, { cacheDir: null });
    const reloaded = new Promise<number>((resolve) => {
      const live = startLiveReload(holder, {
        onReload: (r) => {
          live.stop();
          resolve(r.documents);
        },
        onError: () => {},
        intervalMs: 50,
      });
    });
    writeFileSync(join(dir, "b.txt"), doc("Boris", "We need more time"));
    expect(await reloaded).toBe(2);
    expect((await holder.current.whoSaid("we need more time")).results[0]?.speaker).toBe("Boris Smith");
  }, 15_000);

  it("a reload with nothing changed keeps the search index", async () => {
    const { dir } = setup({ "a.txt": doc("Anna", "The plan is ready") });
    const holder = new EngineHolder(dir, { cacheDir: null });
    const index = holder.current.index;
    expect(await holder.refresh()).toMatchObject({ extracted: 0, removed: 0 });
    expect(holder.current.index).toBe(index);
  });

  it("reindex re-extracts every file", async () => {
    const { dir } = setup({ "a.txt": doc("Anna", "The plan is ready"), "b.txt": doc("Boris", "We need more time") });
    const holder = new EngineHolder(dir, { cacheDir: null });
    expect(await holder.reindex()).toMatchObject({ documents: 2, extracted: 2 });
  });
});
