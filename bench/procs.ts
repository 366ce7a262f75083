// Child processes of the bench: fresh Node processes running bench/child.ts, for start-up and
// memory figures no warm process can give. They inherit the bench's CPU pinning.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
/** The project root: tsx finds tsconfig.json there. */
const ROOT = dirname(dirname(CHILD));

export const RESULT_MARK = "BENCH_RESULT ";

/** A figure from /proc/self/status in MB (Linux), NaN elsewhere. */
export function procStatusMB(field: "VmHWM" | "VmRSS"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** The process' memory when a progress message came, ms after `t0`. */
export interface MemoryPhase {
  at: string;
  ms: number;
  rssMB: number;
  /** VmHWM: the most held resident up to then. */
  peakRssMB: number;
  heapUsedMB: number;
}

/** An onProgress that notes the process' memory at each message, and the notes. */
export function memoryPhases(t0: number): { phases: MemoryPhase[]; onProgress: (message: string) => void } {
  const phases: MemoryPhase[] = [];
  const onProgress = (at: string): void => {
    const heapUsedMB = Math.round(process.memoryUsage().heapUsed / 104857.6) / 10;
    phases.push({ at, ms: Math.round(performance.now() - t0), rssMB: procStatusMB("VmRSS"), peakRssMB: procStatusMB("VmHWM"), heapUsedMB });
  };
  return { phases, onProgress };
}

export interface LoadResult {
  /** ms from process start until this module ran (Node and the TypeScript loader). */
  bootMs: number;
  /** ms to import the engine's modules. */
  importMs: number;
  /** ms inside loadEngine. */
  loadMs: number;
  /** ms from process start until the engine could answer. */
  readyMs: number;
  /** ms for the first answer (cold code paths), after ready. */
  firstAnswerMs: number;
  files: number;
  passages: number;
  extracted: number;
  reused: number;
  indexFromCache: boolean;
  cacheWritten: boolean;
  memory: HeapFigures;
  /** Heap after gc before loading anything but the modules: what every process pays. */
  baseline: HeapFigures;
  /** The process' peak resident memory (MB) up to the report (rusage maxRSS). */
  peakRssMB?: number;
}

export interface MiniSearchResult {
  buildMs: number;
  /** The index alone, the passage texts dropped. */
  memory: HeapFigures;
  /** The index and the passage texts (which an app must keep to show results). */
  withTexts: HeapFigures;
  baseline: HeapFigures;
  peakRssMB?: number;
}

export interface HeapFigures {
  heapUsedMB: number;
  rssMB: number;
  externalMB: number;
}

export interface ChildRun<T> {
  result: T;
  /** ms from spawn to exit, as the parent saw it. */
  wallMs: number;
}

export interface ChildOptions {
  /** The script to run (default bench/child.ts). */
  script?: string;
  /** Killed after this long (default one hour). */
  timeoutMs?: number;
  env?: Record<string, string>;
  /** `script` is compiled JavaScript (bench/compiled.ts): run by node alone, without tsx's loader. */
  compiled?: boolean;
}

/** Runs bench/child.ts (or `opts.script`) in a fresh process and returns what it reported. */
export function runChild<T>(args: string[], nodeFlags: string[] = [], opts: ChildOptions = {}): ChildRun<T> {
  const t0 = performance.now();
  const loader = opts.compiled ? [] : ["--import", "tsx"];
  const run = spawnSync(process.execPath, ["--expose-gc", ...nodeFlags, ...loader, opts.script ?? CHILD, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 60 * 60 * 1000,
    env: { ...process.env, NODE_OPTIONS: "", ...opts.env },
  });
  const wallMs = performance.now() - t0;
  const line = run.stdout?.split("\n").find((l) => l.startsWith(RESULT_MARK));
  if (run.status !== 0 || !line) {
    throw new Error(
      `bench child ${args.join(" ")} failed (status ${run.status}${run.signal ? `, ${run.signal}` : ""}${run.error ? `, ${run.error.message}` : ""}):\n${(run.stderr ?? "").slice(-3000)}`,
    );
  }
  return { result: JSON.parse(line.slice(RESULT_MARK.length)) as T, wallMs };
}

/** Reports the process' peak RSS on stderr as it exits (rusage maxRSS, kB), given to `node --import`. */
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.stderr.write(`PEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));')}`;

export interface AskRun {
  /** ms from spawn to exit, as the parent saw it. */
  wallMs: number;
  peakRssMB: number;
  /** The answer printed (JSON). */
  answer: unknown;
}

/**
 * `npm run ask -- --json who-said QUESTION` as a user runs it (scripts/run.mjs: the compiled
 * sources), without npm's own start-up: the whole process, spawn to exit.
 */
export function runAsk(knowledge: string, cacheDir: string, question: string): AskRun {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", PEAK_RSS_HOOK, "scripts/run.mjs", "src/cli.ts", "--knowledge", knowledge, "--json", "who-said", question],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      timeout: 30 * 60 * 1000,
      env: { ...process.env, NODE_OPTIONS: "", CACHE_DIR: cacheDir, LOG_LEVEL: "warn" },
    },
  );
  const wallMs = performance.now() - t0;
  const rss = /PEAK_RSS_KB (\d+)/.exec(run.stderr ?? "");
  if (run.status !== 0 || !rss) throw new Error(`ask failed (status ${run.status}): ${(run.stderr ?? "").slice(-2000)}`);
  return { wallMs, peakRssMB: Math.round(Number(rss[1]) / 1024), answer: JSON.parse(run.stdout) as unknown };
}
