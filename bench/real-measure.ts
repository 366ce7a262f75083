// Everything the real-text bench measures for one size, in the order that keeps the figures
// honest: the first run (fresh process, nothing cached: extraction, index, cache write), cold
// starts from that cache (fresh processes, median of three), a bare MiniSearch over the same
// passages (fresh process), then latency here, three passes, the fastest of each percentile kept.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadEngine } from "../src/runtime/load-engine.js";
import { type Latency, measureLatency } from "./latency.js";
import { type AskRun, type ChildRun, type LoadResult, type MiniSearchResult, runAsk, runChild } from "./procs.js";
import { ensureRealCorpus, type RealManifest } from "./real-corpus.js";
import { buildRealWorkload } from "./real-workload.js";
import { round, type Summary } from "./stats.js";

export interface RealOptions {
  passages: number;
  seed: string;
  queries: number;
  root: string;
  shared: string;
  /** Latency passes; each percentile keeps its fastest pass. */
  passes?: number;
  /** Cold starts from the cache; the median is reported. */
  starts?: number;
  log: (message: string) => void;
}

export interface RealResult {
  passagesTarget: number;
  corpus: {
    dir: string;
    reused: boolean;
    manifest: RealManifest;
    documents: number;
    passages: number;
    bytes: number;
    quotes: number;
    times: number;
    stances: number;
  };
  firstRun: ChildRun<LoadResult>;
  coldStarts: Array<ChildRun<LoadResult>>;
  /** Median of the cold starts: whole process wall time, ready time, peak RSS, heap after load. */
  coldStart: { wallMs: number; readyMs: number; peakRssMB: number; heapUsedMB: number; indexFromCache: boolean; extracted: number };
  /** `npm run ask` from the cache as a user runs it (the compiled sources), one question: each run, and the medians. */
  askRuns: AskRun[];
  ask: { wallMs: number; peakRssMB: number };
  indexing: { ms: number; mbPerSec: number; bareMiniSearchMs: number; bareMiniSearchMbPerSec: number };
  minisearch: ChildRun<MiniSearchResult>;
  /** The fastest of the passes, percentile by percentile. */
  latency: Latency;
  passes: Latency[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Percentile by percentile, the fastest pass: one busy moment on a shared machine is not the engine's tail. */
function fastest(passes: Latency[]): Latency {
  const minOf = (get: (l: Latency) => Summary): Summary => {
    const all = passes.map(get);
    const pick = (k: keyof Summary): number => Math.min(...all.map((s) => s[k]));
    return { n: all[0]!.n, mean: pick("mean"), p50: pick("p50"), p95: pick("p95"), p99: pick("p99"), max: pick("max") };
  };
  const first = passes[0]!;
  const map = <K extends string>(rec: Record<K, Summary>, get: (l: Latency) => Record<K, Summary>): Record<K, Summary> =>
    Object.fromEntries(Object.keys(rec).map((k) => [k, minOf((l) => get(l)[k as K])])) as Record<K, Summary>;
  return {
    answer: map(first.answer, (l) => l.answer),
    byVariant: map(first.byVariant, (l) => l.byVariant),
    bareDefault: map(first.bareDefault, (l) => l.bareDefault),
    bareFuzzy: map(first.bareFuzzy, (l) => l.bareFuzzy),
  };
}

export async function measureReal(o: RealOptions): Promise<RealResult> {
  const log = (m: string): void => o.log(`[real ${o.passages}] ${m}`);
  log("corpus…");
  const g = ensureRealCorpus({ passages: o.passages, seed: o.seed, root: o.root, shared: o.shared, log });
  const mb = g.manifest.bytes / 1048576;
  log(`${g.reused ? "reused" : "built"} ${g.manifest.documents} documents (${g.manifest.copies} copies), ${mb.toFixed(1)} MB`);
  const cacheDir = join(g.dir, "engine-cache");
  rmSync(cacheDir, { recursive: true, force: true });

  log("first run: indexing from nothing and writing the cache (fresh process)…");
  const firstRun = runChild<LoadResult>(["load", "--root", g.knowledge, "--cache", cacheDir]);
  if (!firstRun.result.cacheWritten) throw new Error("the first run wrote no cache");

  const coldStarts: Array<ChildRun<LoadResult>> = [];
  for (let i = 0; i < (o.starts ?? 3); i++) {
    log(`cold start from the cache ${i + 1}/${o.starts ?? 3} (fresh process)…`);
    coldStarts.push(runChild<LoadResult>(["load", "--root", g.knowledge, "--cache", cacheDir]));
  }
  const med = (f: (r: ChildRun<LoadResult>) => number): number => median(coldStarts.map(f));
  log("ask from the cache: one start to compile the sources if they changed, then the measured ones…");
  runAsk(g.knowledge, cacheDir, "the first question after start");
  const askRuns: AskRun[] = [];
  for (let i = 0; i < (o.starts ?? 3); i++) askRuns.push(runAsk(g.knowledge, cacheDir, "the first question after start"));

  log("loading here from the cache…");
  const engine = loadEngine(g.knowledge, { cacheDir, onWarning: () => {}, onLog: () => {} }).engine;
  const c = engine.corpus;

  log("MiniSearch alone over the same passages (fresh process)…");
  const docsPath = join(g.dir, "passage-docs.json");
  writeFileSync(docsPath, JSON.stringify(c.passages.map((p) => ({ id: p.id, text: p.text, title: c.documents[p.docId]!.title }))));
  const minisearch = runChild<MiniSearchResult>(["minisearch", "--docs", docsPath]);
  rmSync(docsPath, { force: true });

  const workload = buildRealWorkload(c, (st) => engine.index.vocabulary.df.has(st), o.queries, o.seed);
  const passes: Latency[] = [];
  for (let i = 0; i < (o.passes ?? 3); i++) {
    log(`latency pass ${i + 1}/${o.passes ?? 3} over ${workload.length} queries…`);
    passes.push(await measureLatency(engine, workload));
  }

  return {
    passagesTarget: o.passages,
    corpus: {
      dir: g.dir,
      reused: g.reused,
      manifest: g.manifest,
      documents: c.documents.length,
      passages: c.passages.length,
      bytes: g.manifest.bytes,
      quotes: c.quotes.length,
      times: c.times.length,
      stances: c.stances.length,
    },
    firstRun,
    coldStarts,
    askRuns,
    ask: { wallMs: round(median(askRuns.map((r) => r.wallMs))), peakRssMB: median(askRuns.map((r) => r.peakRssMB)) },
    coldStart: {
      wallMs: round(med((r) => r.wallMs)),
      readyMs: round(med((r) => r.result.readyMs)),
      peakRssMB: med((r) => r.result.peakRssMB ?? NaN),
      heapUsedMB: med((r) => r.result.memory.heapUsedMB),
      indexFromCache: coldStarts.every((r) => r.result.indexFromCache),
      extracted: Math.max(...coldStarts.map((r) => r.result.extracted)),
    },
    indexing: {
      ms: round(firstRun.result.loadMs),
      mbPerSec: round(mb / (firstRun.result.loadMs / 1000)),
      bareMiniSearchMs: round(minisearch.result.buildMs),
      bareMiniSearchMbPerSec: round(mb / (minisearch.result.buildMs / 1000)),
    },
    minisearch,
    latency: fastest(passes),
    passes,
  };
}
