// What runs in a fresh process, so start-up and memory are measured as a user's process sees them:
//   load        load the engine (from a cache dir, or from nothing), report times and heap after gc
//   minisearch  build only MiniSearch (PASSAGE_OPTIONS) over given passage docs, report heap after gc
//   queries     load from cache and answer the workload (with --profile FILE: a CPU profile of the answering)
// Prints one line `BENCH_RESULT {json}` on stdout. Run with --expose-gc for the heap figures.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type HeapFigures, type LoadResult, type MiniSearchResult, RESULT_MARK } from "./procs.js";

const bootMs = performance.now();

function heap(): HeapFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  const mb = (x: number): number => Math.round((x / 1048576) * 10) / 10;
  return { heapUsedMB: mb(m.heapUsed), rssMB: mb(m.rss), externalMB: mb(m.external + m.arrayBuffers) };
}

/** Peak resident memory so far, MB (maxRSS is in kilobytes). */
const peakRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 102.4) / 10;

function emit(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

async function load(root: string, cacheDir: string | null): Promise<void> {
  const t0 = performance.now();
  // As `npm run ask` loads: the extraction code is imported only if some file must be extracted.
  const { openEngine } = await import("../src/runtime/engine-loader.js");
  const { answer } = await import("../src/answer/dispatch.js");
  const importMs = performance.now() - t0;
  const baseline = heap();
  const t1 = performance.now();
  const loaded = await openEngine(root, { cacheDir, onWarning: () => {}, onLog: () => {} });
  const t2 = performance.now();
  await answer(loaded.engine, { command: "who-said", query: "the first question after start" });
  const firstAnswerMs = performance.now() - t2;
  const s = loaded.stats;
  const result: LoadResult = {
    bootMs,
    importMs,
    loadMs: t2 - t1,
    readyMs: t2,
    firstAnswerMs,
    files: s.files,
    passages: loaded.engine.corpus.passages.length,
    extracted: s.extracted,
    reused: s.reused,
    indexFromCache: s.indexFromCache,
    cacheWritten: s.cacheWritten,
    memory: heap(),
    baseline,
    peakRssMB: peakRssMB(),
  };
  emit(result);
}

async function minisearch(docsPath: string): Promise<void> {
  const { default: MiniSearch } = await import("minisearch");
  const { PASSAGE_OPTIONS } = await import("../src/index/search-index.js");
  const baseline = heap();
  let docs = JSON.parse(readFileSync(docsPath, "utf8")) as Array<{ id: number; text: string; title: string }>;
  const t0 = performance.now();
  const index = new MiniSearch(PASSAGE_OPTIONS);
  index.addAll(docs);
  const buildMs = performance.now() - t0;
  const withTexts = heap();
  docs = [];
  const memory = heap();
  if (index.documentCount < 0) emit(null); // keeps the index alive past the last measurement
  const result: MiniSearchResult = { buildMs, memory, withTexts, baseline, peakRssMB: peakRssMB() };
  emit(result);
}

/** Answers the workload; with `profilePath`, a CPU profile of the answers alone (no load, no bare searches). */
async function queries(root: string, cacheDir: string, keyPath: string, total: number, profilePath: string | undefined): Promise<void> {
  const { loadEngine } = await import("../src/runtime/load-engine.js");
  const { measureLatency } = await import("./latency.js");
  const { buildWorkload } = await import("./workload.js");
  const engine = loadEngine(root, { cacheDir, onWarning: () => {}, onLog: () => {} }).engine;
  const key = JSON.parse(readFileSync(keyPath, "utf8"));
  const workload = buildWorkload(key, total, key.seed);
  if (!profilePath) {
    emit(await measureLatency(engine, workload));
    return;
  }
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  const { answer } = await import("../src/answer/dispatch.js");
  for (const q of workload.slice(0, 200)) await answer(engine, q.input); // warm, as measureLatency does
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (const q of workload) await answer(engine, q.input);
  const ms = performance.now() - t0;
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(profilePath, JSON.stringify(profile));
  session.disconnect();
  emit({ queries: workload.length, meanMs: ms / workload.length });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      root: { type: "string" },
      cache: { type: "string" },
      docs: { type: "string" },
      key: { type: "string" },
      queries: { type: "string" },
      profile: { type: "string" },
    },
  });
  const mode = positionals[0];
  if (mode === "load") await load(values.root!, values.cache && values.cache !== "none" ? values.cache : null);
  else if (mode === "minisearch") await minisearch(values.docs!);
  else if (mode === "queries") await queries(values.root!, values.cache!, values.key!, Number(values.queries ?? 3000), values.profile);
  else throw new Error(`unknown mode ${mode}`);
}

await main();
