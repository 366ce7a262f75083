// Starting (or reloading) the engine with as little work as possible: files whose size and time
// (or, failing that, content hash) match the cache or the previous load keep their extracted
// facts; only changed or new files are read and extracted; with nothing changed, the saved
// search index is loaded as is. The extraction code (readers, extractors, chrono-node) is imported
// only once some file must be extracted: a start from a valid cache never loads it.
import { EmbeddedEngine as Engine, type EngineOptions } from "./embedded-engine.js";
import { assembleCorpus, type DocEntry } from "../corpus-assemble.js";
import { contentHash, type FileEntry, listKnowledgeFolder, readFileBytes } from "../knowledge/files.js";
import type { LoadOptions } from "../knowledge/load.js";
import type { Corpus } from "../types.js";
import type { ExtractPool } from "../index/extract-pool.js";
import type * as ExtractionModule from "./extraction.js";
import { type CacheData, cachePath, readCache, writeCache } from "../index/cache.js";
import { SearchIndex } from "../index/search-index.js";
import { batchBytes, CacheStream } from "../index/cache-stream.js";

export interface LoadEngineOptions extends EngineOptions, LoadOptions {
  /** Where the persisted index lives; null for none. */
  cacheDir?: string | null;
  /** Entries from the previous load, reused like the cache (live reload). */
  previous?: DocEntry[];
  /** The search index of `previous`, kept as is when nothing changed. */
  previousIndex?: SearchIndex;
  /** Files to check by content even if their size and time look unchanged. */
  suspects?: Set<string>;
  /** Re-extract everything (/reindex). */
  force?: boolean;
  /** Extraction threads besides this one: a number (0: this thread only) or "auto" (one per core but this one); default EXTRACT_WORKERS, else one per idle core (idleCores). */
  workers?: number | "auto";
  /** Less text than this to extract stays in this thread (default MIN_POOL_BYTES). */
  poolMinBytes?: number;
  /**
   * With a cache folder, extracted entries go to the cache this many bytes of source files at a
   * time and are let go (the engine then loads what was written): memory bounded by this, not by
   * the folder. Default: INDEX_BATCH_MB, else 8 MB.
   */
  batchBytes?: number;
  /** Operational messages (cache discarded, cache written). */
  onLog?: (message: string) => void;
}

export interface LoadStats {
  files: number;
  reused: number;
  extracted: number;
  removed: number;
  /** The search index came from the cache (nothing changed). */
  indexFromCache: boolean;
  cacheWritten: boolean;
  ms: number;
  warnings: string[];
}

/** What a load saw in the folder: every file listed (indexed or skipped), and when it looked. */
export interface FolderState {
  files: Array<FileEntry & { hash?: string }>;
  /** Date.now() just before the listing. */
  listedAt: number;
}

export interface Loaded {
  engine: Engine;
  entries: DocEntry[];
  stats: LoadStats;
  folder: FolderState;
}

interface Plan {
  entries: DocEntry[];
  /** The search index, when the entries were streamed into the cache (and read back from it). */
  index: SearchIndex | null;
  /** The cache was written while extracting (or could not be: nothing more to try). */
  written: boolean;
  writeFailed: boolean;
  reused: number;
  extracted: number;
  removed: number;
  cache: CacheData | null;
  warnings: string[];
  folder: FolderState;
}

/** Streaming into the cache failed part way: the load starts again, holding every entry. */
class StreamFailed extends Error {}

/** The extraction code (extraction.ts), loaded when first needed. */
export type Extraction = typeof ExtractionModule;

let extractionLoaded: Extraction | null = null;

/** Imports the extraction code (once); a driver of plan() calls it when plan() yields NEED_EXTRACTION. */
export async function loadExtraction(): Promise<Extraction> {
  return (extractionLoaded ??= await import("./extraction.js"));
}

/** What plan() yields when files must be extracted and the extraction code is not loaded yet. */
const NEED_EXTRACTION = Symbol("need extraction");

type Step = ExtractPool | null | typeof NEED_EXTRACTION;
type Planner = Generator<Step, Plan, DocEntry | null | undefined>;

/**
 * Decides, file by file, what to reuse and what to extract, then extracts: in this thread
 * (yielding null after each file, so the bot can let its event loop run) or, for a big enough
 * batch, in a pool of threads (yielding the pool whenever the next entry is awaited: the driver
 * waits for it, blocking or not, and sends it back in).
 */
function* plan(root: string, opts: LoadEngineOptions, extraction: () => Extraction | null, stream = true): Planner {
  const warnings: string[] = [];
  const onWarning = (w: string): void => {
    warnings.push(w);
    opts.onWarning?.(w);
  };
  const listedAt = Date.now();
  const files = listKnowledgeFolder(root, { onWarning }).files;
  // The cache is read only when needed: at start-up, or when a file's previous entry is stale
  // (another process on the same folder — `npm run ask`, the HTTP endpoint — may have extracted the new version already). A live
  // reload in one process never re-parses the whole cache for one changed file.
  let cache: CacheData | null | undefined = opts.force || !opts.cacheDir ? null : undefined;
  const cached = (): Map<string, DocEntry> => {
    if (cache === undefined) {
      const read = readCache(cachePath(opts.cacheDir!, root), root);
      cache = read.ok ? read.data : null;
      if (!read.ok && read.reason) opts.onLog?.(read.reason);
    }
    return new Map((cache?.entries ?? []).map((e) => [e.file, e]));
  };
  let cacheByFile: Map<string, DocEntry> | null = null;
  const previous = new Map((opts.force ? [] : (opts.previous ?? [])).map((e) => [e.file, e]));
  if (!opts.previous && !opts.force) cacheByFile = cached();
  // undefined: still to extract; null: unreadable (left out).
  const slots: Array<DocEntry | null | undefined> = [];
  const todo: number[] = [];
  let reused = 0;
  for (const f of files) {
    const suspect = opts.suspects?.has(f.file) ?? false;
    let reuse = reusable(previous.get(f.file), f, suspect);
    if (!reuse && cache !== null && !opts.force) {
      cacheByFile ??= cached();
      reuse = reusable(cacheByFile.get(f.file), f, suspect);
    }
    if (reuse) reused++;
    else todo.push(slots.length);
    slots.push(reuse ?? undefined);
  }
  while (todo.length > 0 && !extraction()) yield NEED_EXTRACTION;
  // Loaded whenever there is something to extract (the loops below run only then).
  const ex = extraction();
  let writeFailed = false;
  let sink: CacheStream | null = null;
  if (stream && opts.cacheDir && todo.length > 0) {
    try {
      sink = new CacheStream(cachePath(opts.cacheDir, root), root, opts.batchBytes ?? batchBytes(undefined, opts.onLog));
    } catch (e) {
      opts.onLog?.(`could not write the index cache: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      writeFailed = true;
    }
  }
  // Entries go to the cache in folder order, as soon as all before them are done.
  let next = 0;
  const drain = (): void => {
    if (!sink) return;
    try {
      for (; next < slots.length && slots[next] !== undefined; next++) {
        const e = slots[next];
        if (e) sink.add(e);
        slots[next] = null;
      }
    } catch (e) {
      sink.abort();
      throw new StreamFailed((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    }
  };
  // However extraction ends (an error here or in the driver, which then returns this generator), an uncommitted cache file is removed.
  let committed = false;
  try {
    const load = { ...opts, onWarning };
    const bytes = todo.reduce((n, i) => n + files[i]!.bytes, 0);
    const threads = ex && todo.length > 1 && bytes >= (opts.poolMinBytes ?? ex.MIN_POOL_BYTES) ? ex.poolSize(opts.workers, opts.onLog) : 0;
    if (ex && threads > 0) {
      const pool = new ex.ExtractPool(
        todo.map((i) => files[i]!),
        threads,
        load,
      );
      try {
        drain();
        for (const i of todo) {
          slots[i] = (yield pool) ?? null;
          drain();
        }
      } finally {
        pool.close();
      }
    } else {
      drain();
      for (const i of todo) {
        slots[i] = ex!.extractEntry(files[i]!, load);
        drain();
        yield null;
      }
    }
    let entries = slots.filter((e): e is DocEntry => !!e);
    let index: SearchIndex | null = null;
    if (sink) {
      let read;
      try {
        read = sink.commit();
      } catch (e) {
        throw new StreamFailed((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      }
      const back = read.ok ? read.data.entries : [];
      if (!read.ok || back.length !== sink.written.length || back.some((e, i) => e.file !== sink.written[i]!.file || e.hash !== sink.written[i]!.hash)) {
        throw new StreamFailed(read.ok ? "the cache read back differs" : (read.reason ?? "the cache is gone"));
      }
      entries = back;
      cache = read.data;
      index = SearchIndex.fromStored(read.data.index);
    }
    committed = true;
    const extracted = todo.length;
    const present = new Set(files.map((f) => f.file));
    const before = opts.previous ? [...previous.keys()] : [...(cacheByFile?.keys() ?? [])];
    const removed = before.filter((k) => !present.has(k)).length;
    const hashes = new Map(entries.map((e) => [e.file, e.hash]));
    const folder: FolderState = { files: files.map((f) => ({ ...f, hash: hashes.get(f.file) })), listedAt };
    return { entries, index, written: sink !== null, writeFailed, reused, extracted, removed, cache: cache ?? null, warnings, folder };
  } finally {
    if (!committed) sink?.abort();
  }
}

/**
 * Runs plan() to the end, again without streaming into the cache if that failed part way.
 * `yielding`: let the event loop run between files (the bot); else block on the pool (the command line).
 */
async function planned(root: string, opts: LoadEngineOptions, yielding: boolean): Promise<Plan> {
  const extraction = (): Extraction | null => extractionLoaded;
  try {
    return await drive(plan(root, opts, extraction), yielding);
  } catch (e) {
    if (!(e instanceof StreamFailed)) throw e;
    opts.onLog?.(`could not write the index cache (${e.message}); indexing again without it`);
    return await drive(plan(root, opts, extraction, false), yielding);
  }
}

async function drive(gen: Planner, yielding: boolean): Promise<Plan> {
  try {
    let step = gen.next();
    while (!step.done) {
      const v = step.value;
      if (v === NEED_EXTRACTION) {
        await loadExtraction();
        step = gen.next();
      } else if (v) step = gen.next(yielding ? await v.nextAsync() : v.next());
      else {
        if (yielding) await new Promise<void>((r) => setImmediate(r));
        step = gen.next();
      }
    }
    return step.value;
  } catch (e) {
    gen.return(undefined as never);
    throw e;
  }
}

/** Runs plan() to the end in this thread with the extraction code given, blocking on the pool when it extracts in threads. */
function planSync(root: string, opts: LoadEngineOptions, extraction: Extraction): Plan {
  try {
    return runSync(plan(root, opts, () => extraction));
  } catch (e) {
    if (!(e instanceof StreamFailed)) throw e;
    opts.onLog?.(`could not write the index cache (${e.message}); indexing again without it`);
    return runSync(plan(root, opts, () => extraction, false));
  }
}

function runSync(gen: Planner): Plan {
  try {
    let step = gen.next();
    while (!step.done) {
      const v = step.value;
      if (v === NEED_EXTRACTION) throw new Error("the extraction code is not loaded"); // never: plan() was given it
      step = gen.next(v ? v.next() : undefined);
    }
    return step.value;
  } catch (e) {
    gen.return(undefined as never);
    throw e;
  }
}

/** The old entry when the file is unchanged: same size and time, or else the same content hash. */
function reusable(old: DocEntry | undefined, f: FileEntry, suspect: boolean): DocEntry | null {
  if (!old) return null;
  if (!suspect && old.bytes === f.bytes && old.mtimeMs === f.mtimeMs) return old;
  const read = readFileBytes(f);
  if (!read.ok) return null; // gone or unreadable since the listing: extraction will report it
  const hash = contentHash(read.buf);
  return hash === old.hash ? { ...old, bytes: f.bytes, mtimeMs: f.mtimeMs } : null;
}

function sameOrder(a: DocEntry[], b: DocEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.file === b[i]!.file && e.hash === b[i]!.hash);
}

function finish(root: string, p: Plan, corpus: Corpus, index: SearchIndex, indexFromCache: boolean, opts: LoadEngineOptions, t0: number): Loaded {
  const engine = new Engine(corpus, index, opts);
  let cacheWritten = p.written;
  if (opts.cacheDir && !p.written && !p.writeFailed && !(indexFromCache && p.extracted === 0 && p.removed === 0)) {
    try {
      writeCache(cachePath(opts.cacheDir, root), root, p.entries, index.toStored());
      cacheWritten = true;
    } catch (e) {
      opts.onLog?.(`could not write the index cache: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const stats: LoadStats = {
    files: p.entries.length,
    reused: p.reused,
    extracted: p.extracted,
    removed: p.removed,
    indexFromCache,
    cacheWritten,
    ms: Math.round(performance.now() - t0),
    warnings: p.warnings,
  };
  return { engine, entries: p.entries, stats, folder: p.folder };
}

/** An index that still fits: the previous one when nothing changed, else the cache's. */
function cachedIndex(p: Plan, opts: LoadEngineOptions): SearchIndex | null {
  if (opts.previousIndex && opts.previous && p.extracted === 0 && p.removed === 0 && sameOrder(p.entries, opts.previous)) return opts.previousIndex;
  if (!p.cache || p.extracted > 0 || p.removed > 0 || !sameOrder(p.entries, p.cache.entries)) return null;
  try {
    return SearchIndex.fromStored(p.cache.index);
  } catch {
    return null;
  }
}

/** Loads synchronously, with the extraction code given (load-engine.ts imports it). */
export function loadEngineWith(root: string, opts: LoadEngineOptions, extraction: Extraction): Loaded {
  const t0 = performance.now();
  return assemble(root, planSync(root, opts, extraction), opts, t0);
}

/**
 * Loads in one go, as loadEngineWith does, but imports the extraction code only if some file must
 * be extracted (the command line: a start from a valid cache never loads the extractors).
 */
export async function openEngine(root: string, opts: LoadEngineOptions = {}): Promise<Loaded> {
  const t0 = performance.now();
  return assemble(root, await planned(root, opts, false), opts, t0);
}

function assemble(root: string, p: Plan, opts: LoadEngineOptions, t0: number): Loaded {
  const fromCache = p.index ? null : cachedIndex(p, opts);
  const corpus = assembleCorpus(root, p.entries, p.warnings);
  return finish(root, p, corpus, p.index ?? fromCache ?? SearchIndex.build(corpus), fromCache !== null, opts, t0);
}

/** Loads without blocking the event loop for long (the bot): yields between files and index chunks. */
export async function loadEngineAsync(root: string, opts: LoadEngineOptions = {}): Promise<Loaded> {
  const t0 = performance.now();
  const p = await planned(root, opts, true);
  const fromCache = p.index ? null : cachedIndex(p, opts);
  const corpus = assembleCorpus(root, p.entries, p.warnings);
  const index = p.index ?? fromCache ?? (await SearchIndex.buildAsync(corpus));
  return finish(root, p, corpus, index, fromCache !== null, opts, t0);
}
