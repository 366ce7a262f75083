// Extraction on every core: files are read and extracted in worker threads (one per core by
// default), while entries come back in the order the files were given — so passages, line
// numbers and the cache are the same as with extraction in this thread. At most a few files per
// thread are in flight, so memory stays bounded whatever the corpus size. The main thread can
// wait for the next entry blocking (the command line, whose loading is synchronous) or not (the
// bot): both wait on one shared counter that every thread bumps after answering.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { type DocEntry, extractEntry } from "../corpus.js";
import type { FileEntry } from "../knowledge/files.js";
import type { LoadOptions } from "../knowledge/load.js";
import { extractWorkerBundle } from "./extract-bundle.js";

export interface ExtractJob {
  id: number;
  file: FileEntry;
  maxBytes?: number;
}

export interface ExtractResult {
  id: number;
  entry: DocEntry | null;
  warnings: string[];
  /** Set when extraction threw: the main thread throws it again, as in-thread extraction would. */
  error?: string;
}

/** Below this much text to extract, starting threads costs more than it saves. */
export const MIN_POOL_BYTES = 2 * 1024 * 1024;
/** Files queued per thread: enough to keep each busy, few enough to bound memory (entries waiting to be taken are bounded too). */
const IN_FLIGHT_PER_THREAD = 4;
/** A thread that answers nothing for this long is given up on; its files are extracted here. */
const STALL_MS = 120_000;
const MAX_THREADS = 64;

/**
 * How many extraction threads to start besides this one (which extracts too while it waits): the
 * EXTRACT_WORKERS setting, 0 (this thread only) to 64 or "auto", one per core but this thread's.
 * Unset: one per core that is idle now (idleCores). A thread costs CPU of its own (loading the
 * extractors, compiling them hot again, copying entries back: about a sixth more CPU in all at
 * 2 MB); it pays only on a core nothing else wants, and on a busy machine it made indexing slower.
 */
export function poolSize(setting: string | number | undefined = process.env.EXTRACT_WORKERS, onLog?: (message: string) => void): number {
  const cores = availableParallelism();
  const auto = Math.min(cores - 1, MAX_THREADS);
  if (setting === undefined || setting === "") return Math.min(idleCores(cores), MAX_THREADS);
  if (setting === "auto") return auto;
  const n = typeof setting === "number" ? setting : /^\d{1,3}$/.test(setting.trim()) ? Number(setting.trim()) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_THREADS) {
    onLog?.(`EXTRACT_WORKERS must be auto or a number from 0 to ${MAX_THREADS}; using auto (${auto})`);
    return auto;
  }
  return n;
}

/**
 * Threads for the cores nothing else is using now, by the 1-minute load average (rounded), but
 * the one this thread takes: on two cores, 1 while the load is under 0.5 and 0 above.
 */
export function idleCores(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  return Math.max(0, Math.min(cores - 1, Math.round(cores - 1 - load)));
}

// The thread's first code: it loads the extraction thread's module — run from the TypeScript
// sources, the esbuild bundle of it (extract-bundle.ts), or failing that through tsx's loader,
// which the thread registers itself (Node 20 does not apply an --import given to a thread). A
// failure to start is answered like a job (id -1), so a main thread blocked waiting hears of it
// and extracts here instead.
const FROM_SOURCES = import.meta.url.endsWith(".ts");
/** tsx's ESM API (register), as its package exports it to `import`. */
function tsxApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports["./esm/api"]!.import.default)).href;
}
/** How the threads load their module, decided once per process: "bundle", "tsx" or "compiled". */
let loader: { kind: "bundle" | "tsx" | "compiled"; boot: string; note?: string } | null = null;
function boot(): { kind: "bundle" | "tsx" | "compiled"; boot: string; note?: string } {
  if (loader) return loader;
  let kind: "bundle" | "tsx" | "compiled" = "compiled";
  let url = new URL("./extract-worker.js", import.meta.url).href;
  let note: string | undefined;
  if (FROM_SOURCES) {
    const bundle = process.env.EXTRACT_BUNDLE === "0" ? { error: "EXTRACT_BUNDLE=0" } : extractWorkerBundle();
    if ("path" in bundle) {
      kind = "bundle";
      url = pathToFileURL(bundle.path).href;
    } else {
      kind = "tsx";
      url = new URL("./extract-worker.ts", import.meta.url).href;
      note = bundle.error;
    }
  }
  const code = [
    `const { workerData } = require("node:worker_threads");`,
    "const start = async () => {",
    kind === "tsx" ? `  (await import(${JSON.stringify(tsxApi())})).register();` : "",
    `  await import(${JSON.stringify(url)});`,
    "};",
    "start().catch((e) => {",
    "  workerData.port.postMessage({ id: -1, entry: null, warnings: [], error: String((e && e.stack) || e) });",
    "  const c = new Int32Array(workerData.signal);",
    "  Atomics.add(c, 0, 1);",
    "  Atomics.notify(c, 0);",
    "});",
  ].join("\n");
  loader = { kind, boot: code, ...(note !== undefined ? { note } : {}) };
  return loader;
}

/** How this process's extraction threads load their code (see boot()), for the tests and the logs. */
export function threadLoader(): { kind: "bundle" | "tsx" | "compiled"; note?: string } {
  const { kind, note } = boot();
  return { kind, ...(note !== undefined ? { note } : {}) };
}

// In Node since 16; TypeScript's lib has it from es2024 only.
const waitAsync = (
  Atomics as unknown as { waitAsync: (a: Int32Array, i: number, v: number, ms: number) => { async: boolean; value: Promise<string> | string } }
).waitAsync;

interface Thread {
  worker: Worker;
  port: MessagePort;
  /** Ids sent to it and not answered yet. */
  pending: Set<number>;
  lastHeard: number;
  dead: boolean;
}

/** Extracts `files` in `size` threads; take entries back with next()/nextAsync(), in order. */
export class ExtractPool {
  private readonly signal = new SharedArrayBuffer(4);
  private readonly counter = new Int32Array(this.signal);
  private readonly threads: Thread[] = [];
  private readonly done = new Map<number, ExtractResult>();
  private sent = 0;
  private taken = 0;

  constructor(
    private readonly files: FileEntry[],
    size: number,
    private readonly opts: LoadOptions & { onLog?: (message: string) => void } = {},
  ) {
    const threads = Math.min(size, files.length);
    const start = threads > 0 ? boot() : null;
    if (start?.note !== undefined) opts.onLog?.(`extraction threads start through tsx (no bundle: ${start.note})`);
    for (let i = 0; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(start!.boot, {
        eval: true,
        workerData: { port: port2, signal: this.signal },
        transferList: [port2],
        execArgv: [],
        stdout: false,
        stderr: false,
      });
      const t: Thread = { worker, port: port1, pending: new Set(), lastHeard: Date.now(), dead: false };
      // Seen when the event loop runs (the bot); the blocking wait notices a stall by time instead.
      worker.on("error", () => this.abandon(t));
      worker.on("exit", () => this.abandon(t));
      this.threads.push(t);
    }
    this.fill();
  }

  /** Whether every entry has been taken. */
  get finished(): boolean {
    return this.taken >= this.files.length;
  }

  /** The next file's entry (null when it could not be read), waiting for it blocking this thread. */
  next(): DocEntry | null {
    for (;;) {
      const step = this.poll();
      if (step.kind === "entry") return step.entry;
      if (step.kind === "wait") {
        Atomics.wait(this.counter, 0, step.seen, 1000);
        this.checkStalls();
      }
    }
  }

  /** The next file's entry, waiting without blocking the event loop. */
  async nextAsync(): Promise<DocEntry | null> {
    for (;;) {
      const step = this.poll();
      if (step.kind === "entry") return step.entry;
      if (step.kind === "extracted") {
        await new Promise<void>((r) => setImmediate(r)); // one file at a time, as without threads
      } else if (step.kind === "wait") {
        const w = waitAsync(this.counter, 0, step.seen, 1000);
        if (w.async) await w.value;
        this.checkStalls();
      }
    }
  }

  /**
   * One try for the next entry, shared by both ways of waiting: the entry; or "received" (threads
   * sent entries: try again at once); or "extracted" (this thread took a file itself); or the
   * counter value to wait on for the threads' next news.
   */
  private poll(): { kind: "entry"; entry: DocEntry | null } | { kind: "received" | "extracted" } | { kind: "wait"; seen: number } {
    const r = this.ready();
    if (r) return { kind: "entry", entry: r.value };
    const seen = Atomics.load(this.counter, 0);
    if (this.receive()) {
      this.fill();
      return { kind: "received" };
    }
    if (this.steal()) return { kind: "extracted" };
    return { kind: "wait", seen };
  }

  /** Stops the threads (they hold nothing that needs saving). */
  close(): void {
    for (const t of this.threads) {
      t.dead = true;
      t.port.close();
      void t.worker.terminate();
    }
  }

  /** The entry due next when it has arrived (or was extracted here after its thread failed). */
  private ready(): { value: DocEntry | null } | null {
    if (this.finished) throw new Error("ExtractPool: every entry was already taken");
    const r = this.done.get(this.taken);
    if (!r) return null;
    this.done.delete(this.taken);
    this.taken++;
    this.fill();
    for (const w of r.warnings) this.opts.onWarning?.(w);
    if (r.error !== undefined) throw new Error(`extraction failed for ${this.files[r.id]!.file}: ${r.error}`);
    return { value: r.entry };
  }

  /** Takes every answer waiting on the threads' ports; whether there was any. */
  private receive(): boolean {
    let got = false;
    for (const t of this.threads) {
      if (t.dead) continue;
      for (let m = receiveMessageOnPort(t.port); m; m = t.dead ? undefined : receiveMessageOnPort(t.port)) {
        const r = m.message as ExtractResult;
        got = true;
        if (r.id === -1) {
          if (!this.told) this.opts.onLog?.(`extraction threads could not start (${(r.error ?? "").split("\n")[0]}); extracting in this thread`);
          this.told = true;
          this.abandon(t, false);
          continue;
        }
        t.pending.delete(r.id);
        t.lastHeard = Date.now();
        if (r.id >= this.taken && !this.done.has(r.id)) this.done.set(r.id, r);
        got = true;
      }
    }
    return got;
  }

  /** How far ahead of the entries taken files may be sent out. */
  private bound(): number {
    return this.taken + (this.threads.filter((t) => !t.dead).length + 1) * IN_FLIGHT_PER_THREAD * 2;
  }

  /** While waiting, this thread extracts the next file not sent out yet; whether it did. */
  private steal(): boolean {
    if (this.sent >= this.files.length || this.sent >= this.bound()) return false;
    this.local(this.sent++);
    return true;
  }

  /** Sends files to the threads, a few each, within the bound. */
  private fill(): void {
    const live = this.threads.filter((t) => !t.dead);
    const bound = this.bound();
    while (this.sent < this.files.length && this.sent < bound) {
      const t = live.length ? live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : null;
      if (t && t.pending.size >= IN_FLIGHT_PER_THREAD) break;
      const id = this.sent++;
      if (!t) {
        this.local(id);
        continue;
      }
      if (t.pending.size === 0) t.lastHeard = Date.now();
      t.pending.add(id);
      const job: ExtractJob = { id, file: this.files[id]!, ...(this.opts.maxBytes !== undefined ? { maxBytes: this.opts.maxBytes } : {}) };
      t.worker.postMessage(job);
    }
  }

  private checkStalls(): void {
    const now = Date.now();
    for (const t of this.threads) if (!t.dead && t.pending.size > 0 && now - t.lastHeard > STALL_MS) this.abandon(t);
  }

  /** A thread that failed or stalled: its files are extracted in this thread instead. */
  private abandon(t: Thread, drain = true): void {
    if (t.dead) return;
    if (drain) this.receive();
    t.dead = true;
    t.port.close();
    void t.worker.terminate();
    for (const id of [...t.pending].sort((a, b) => a - b)) if (!this.done.has(id)) this.local(id);
    t.pending.clear();
  }

  private told = false;

  private local(id: number): void {
    const warnings: string[] = [];
    const entry = extractEntry(this.files[id]!, {
      ...(this.opts.maxBytes !== undefined ? { maxBytes: this.opts.maxBytes } : {}),
      onWarning: (w) => warnings.push(w),
    });
    this.done.set(id, { id, entry, warnings });
  }
}
