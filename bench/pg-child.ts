// What runs in a fresh process for the PostgreSQL bench, so memory is the process's own (the
// answering one compiled, as `npm start` runs the bot; by hand:
// `node --expose-gc --max-semi-space-size=8 $(npx tsx bench/compiled.ts bench/pg-child.ts) answer --url … --key …`,
// the flags of scripts/node-flags.mjs):
//   index   the real indexer (src/runtime/postgres.ts indexFolder, what `npm run index` runs),
//           from nothing (an empty cache dir), timed, with the process's peak RSS
//   answer  a bot-like process: opens the store as the bot does (openPostgres, no index in memory),
//           answers the workload (latency) and the answer key (accuracy), then its peak RSS
// Prints one line `BENCH_RESULT {json}` on stdout.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Accuracy } from "./accuracy.js";
import type { AnswerLatency } from "./latency.js";
import { type MemoryPhase, memoryPhases, procStatusMB, RESULT_MARK } from "./procs.js";

export interface PgIndexResult {
  ms: number;
  documents: number;
  passages: number;
  generation: number;
  peakRssMB: number;
  /**
   * Memory at the indexer's progress messages (the first comes once the corpus is extracted and its
   * passages and postings are written): where the peak is, for a corpus too big for the default heap.
   */
  phases: MemoryPhase[];
}

export interface PgAnswerResult {
  latency: AnswerLatency;
  accuracy: Accuracy | null;
  /** RSS once connected, before the first answer (MB). */
  readyRssMB: number;
  rssMB: number;
  /** VmHWM: the most the process ever held resident (MB), the answer key's judging included. */
  peakRssMB: number;
  /** VmHWM after the workload, before the answer key is judged (which keeps every answer for the report). */
  workloadPeakRssMB: number;
  heapUsedMB: number;
}

function emit(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

async function index(url: string, root: string, cacheDir: string, batchSize: number | undefined): Promise<void> {
  const { connectPg } = await import("../src/store/postgres/db.js");
  const { indexFolder } = await import("../src/runtime/postgres.js");
  const db = await connectPg(url);
  try {
    const t0 = performance.now();
    const { phases, onProgress } = memoryPhases(t0);
    const r = await indexFolder(db, root, { cacheDir, force: true, batchSize, onWarning: () => {}, onLog: () => {}, onProgress });
    const result: PgIndexResult = {
      ms: performance.now() - t0,
      documents: r.documents,
      passages: r.passages,
      generation: r.generation,
      peakRssMB: procStatusMB("VmHWM"),
      phases,
    };
    emit(result);
  } finally {
    await db.close?.();
  }
}

async function answerAll(url: string, keyPath: string, total: number, accuracy: boolean): Promise<void> {
  const { openPostgres } = await import("../src/runtime/postgres.js");
  const { measureAnswers } = await import("./latency.js");
  const { measureAccuracy } = await import("./accuracy.js");
  const { buildWorkload } = await import("./workload.js");
  const ctx = await openPostgres(url);
  try {
    const readyRssMB = procStatusMB("VmRSS");
    const key = JSON.parse(readFileSync(keyPath, "utf8"));
    const latency = await measureAnswers(ctx, buildWorkload(key, total, key.seed));
    const workloadPeakRssMB = procStatusMB("VmHWM");
    const acc = accuracy ? await measureAccuracy(ctx, key) : null;
    const result: PgAnswerResult = {
      latency,
      accuracy: acc,
      readyRssMB,
      rssMB: procStatusMB("VmRSS"),
      peakRssMB: procStatusMB("VmHWM"),
      workloadPeakRssMB,
      heapUsedMB: Math.round(process.memoryUsage().heapUsed / 104857.6) / 10,
    };
    emit(result);
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: "string" },
      root: { type: "string" },
      cache: { type: "string" },
      "batch-size": { type: "string" },
      key: { type: "string" },
      queries: { type: "string" },
      "no-accuracy": { type: "boolean", default: false },
    },
  });
  const mode = positionals[0];
  if (!values.url) throw new Error("--url is required");
  if (mode === "index") await index(values.url, values.root!, values.cache!, values["batch-size"] ? Number(values["batch-size"]) : undefined);
  else if (mode === "answer") await answerAll(values.url, values.key!, Number(values.queries ?? 3000), !values["no-accuracy"]);
  else throw new Error(`unknown mode ${mode}`);
}

await main();
