// Extraction in worker threads gives exactly what extraction in this thread gives: the same
// entries in the same order (so the same passages, line numbers and cache), the same warnings.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extractWorkerBundle } from "../src/index/extract-bundle.js";
import { idleCores, poolSize, threadLoader } from "../src/index/extract-pool.js";
import { type Loaded, loadEngine, loadEngineAsync } from "../src/runtime/load-engine.js";
import { writeKnowledge } from "./helpers.js";

const article = (i: number) =>
  [
    `Harbour levy vote ${i}`,
    "",
    `Published: 2024-03-${String(10 + (i % 18)).padStart(2, "0")}`,
    "",
    `“The levy on ferry berth ${i} will ruin small operators,” said Mara Quill${i}, who chairs the boatmen's guild.`,
    "",
    `The Port Council of Vell${i} rejected the proposal on Tuesday, and the guild opposes any new levy until next spring.`,
    "",
    `Officials said a second vote would follow in ${2025 + (i % 3)}. “We welcome a fair compromise,” the mayor said.`,
  ].join("\n");

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function folder(): string {
  const files: Record<string, string | Buffer> = { "empty.txt": "", "binary.txt": Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]) };
  for (let i = 0; i < 14; i++) files[`news/story-${String(i).padStart(2, "0")}.txt`] = article(i);
  const kb = writeKnowledge(files);
  cleanups.push(kb.cleanup);
  return kb.dir;
}

/** What a load produced, without its timing. */
const outcome = (l: Loaded, warnings: string[]) => ({ entries: l.entries, stats: { ...l.stats, ms: 0 }, warnings });

describe("extraction threads", () => {
  it("give the entries, order and warnings of in-thread extraction (blocking load)", async () => {
    const dir = folder();
    const inThread: string[] = [];
    const pooled: string[] = [];
    const logs: string[] = [];
    const a = loadEngine(dir, { cacheDir: null, workers: 0, onWarning: (w) => inThread.push(w) });
    const b = loadEngine(dir, { cacheDir: null, workers: 1, poolMinBytes: 0, onWarning: (w) => pooled.push(w), onLog: (m) => logs.push(m) });
    expect(a.entries.length).toBe(14);
    expect(inThread.length).toBeGreaterThanOrEqual(2);
    expect(outcome(b, pooled)).toEqual(outcome(a, inThread));
    // The threads did start: a failure to start is logged (and would fall back to this thread).
    expect(logs.filter((m) => /threads could not start/.test(m))).toEqual([]);
    expect((await b.engine.whoSaid("levy on ferry berth 7 will ruin")).results[0]?.speaker).toBe("Mara Quill7");
  }, 120_000); // threads start slowly on a busy machine

  it("give the same entries when the load does not block (the bot)", async () => {
    const dir = folder();
    const a = loadEngine(dir, { cacheDir: null, workers: 0, onWarning: () => {} });
    const b = await loadEngineAsync(dir, { cacheDir: null, workers: 2, poolMinBytes: 0, onWarning: () => {} });
    expect(b.entries).toEqual(a.entries);
    expect(b.stats.extracted).toBe(a.stats.extracted);
  }, 120_000);

  it("stay in this thread for a small batch", () => {
    const dir = folder();
    const logs: string[] = [];
    const l = loadEngine(dir, { cacheDir: null, workers: 2, onWarning: () => {}, onLog: (m) => logs.push(m) });
    expect(l.entries.length).toBe(14);
    expect(logs).toEqual([]);
  });
});

describe("the extraction thread's bundle", () => {
  it("is what threads load when run from the sources", () => {
    expect(threadLoader()).toEqual({ kind: "bundle" });
  });

  it("is built once, reused while its inputs are unchanged, and rebuilt when one changed or it is gone", () => {
    // Inside the project: the bundle imports synckit from its node_modules.
    const dir = join(process.cwd(), ".cache", `test-bundle-${process.pid}`);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = extractWorkerBundle(dir);
    if (!("path" in first)) throw new Error(first.error);
    const manifestPath = join(dir, "extract-worker.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bundle: string; inputs: Record<string, [number, number]> };
    expect(Object.keys(manifest.inputs)).toContain("src/extract/quotes.ts");
    expect(readFileSync(first.path, "utf8")).toContain("extractEntry");
    const builtAt = statSync(manifestPath).mtimeMs;

    expect(extractWorkerBundle(dir)).toEqual(first);
    expect(statSync(manifestPath).mtimeMs).toBe(builtAt);

    // An input whose size no longer matches: built again.
    const [size, mtime] = manifest.inputs["src/extract/quotes.ts"]!;
    manifest.inputs["src/extract/quotes.ts"] = [size + 1, mtime];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(extractWorkerBundle(dir)).toEqual(first);
    const rebuilt = JSON.parse(readFileSync(manifestPath, "utf8")) as typeof manifest;
    expect(rebuilt.inputs["src/extract/quotes.ts"]).toEqual([size, mtime]);

    // The bundle gone: built again; a damaged manifest too.
    rmSync(first.path);
    expect(extractWorkerBundle(dir)).toEqual(first);
    expect(statSync(first.path).size).toBeGreaterThan(0);
    writeFileSync(manifestPath, "{");
    expect(extractWorkerBundle(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(manifestPath, "utf8"))).toEqual(rebuilt);
  }, 60_000);
});

describe("idleCores", () => {
  const cases: Array<[cores: number, load: number, idle: number]> = [
    [1, 0, 0],
    [2, 0, 1],
    [2, 0.4, 1],
    [2, 0.6, 0],
    [2, 1, 0],
    [2, 14, 0],
    [4, 1.4, 2],
    [4, 0.2, 3],
    [8, 9, 0],
  ];
  it.each(cases)("%i cores at load %s → %i threads", (cores, load, idle) => {
    expect(idleCores(cores, load)).toBe(idle);
  });
});

describe("poolSize", () => {
  const cases: Array<[setting: string | number | undefined, expected: number | "auto" | "idle", logged: boolean]> = [
    [undefined, "idle", false],
    ["", "idle", false],
    ["auto", "auto", false],
    ["0", 0, false],
    ["1", 1, false],
    [0, 0, false],
    ["3", 3, false],
    [" 2 ", 2, false],
    ["many", "auto", true],
    ["-2", "auto", true],
    ["65", "auto", true],
    [2.5, "auto", true],
  ];
  it.each(cases)("%j → %s", (setting, expected, logged) => {
    const logs: string[] = [];
    const auto = poolSize("auto");
    // Unset, it follows the load average, which may move between two reads: one of them.
    const before = idleCores();
    const got = poolSize(setting, (m) => logs.push(m));
    if (expected === "idle") expect([before, idleCores()]).toContain(got);
    else expect(got).toBe(expected === "auto" ? auto : expected);
    expect(logs.length).toBe(logged ? 1 : 0);
    if (logged) expect(logs[0]).toMatch(/EXTRACT_WORKERS must be auto or a number from 0 to 64/);
  });
});
