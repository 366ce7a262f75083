// Starting (or reloading) the engine with as little work as possible: files whose size and time
// (or, failing that, content hash) match the cache or the previous load keep their extracted
// facts; only changed or new files are read and extracted; with nothing changed, the saved
// search index is loaded as is.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Engine, type EngineOptions } from "../answer/engine.js";
import { assembleCorpus, type DocEntry, extractEntry } from "../corpus.js";
import { type FileEntry, listKnowledgeFiles } from "../knowledge/files.js";
import type { LoadOptions } from "../knowledge/load.js";
import type { Corpus } from "../types.js";
import { type CacheData, cacheData, cachePath, readCache, writeCache } from "./cache.js";
import { SearchIndex } from "./search-index.js";

export interface LoadEngineOptions extends EngineOptions, LoadOptions {
  /** Where the persisted index lives; null for none. */
  cacheDir?: string | null;
  /** Entries from the previous load, reused like the cache (live reload). */
  previous?: DocEntry[];
  /** Files to check by content even if their size and time look unchanged. */
  suspects?: Set<string>;
  /** Re-extract everything (/reindex). */
  force?: boolean;
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

export interface Loaded {
  engine: Engine;
  entries: DocEntry[];
  stats: LoadStats;
}

interface Plan {
  entries: DocEntry[];
  reused: number;
  extracted: number;
  removed: number;
  cache: CacheData | null;
  warnings: string[];
}

/** Decides, file by file, what to reuse and what to extract; yields after each extraction. */
function* plan(root: string, opts: LoadEngineOptions): Generator<void, Plan> {
  const warnings: string[] = [];
  const onWarning = (w: string): void => {
    warnings.push(w);
    opts.onWarning?.(w);
  };
  const files = listKnowledgeFiles(root);
  let cache: CacheData | null = null;
  if (opts.cacheDir && !opts.force) {
    const read = readCache(cachePath(opts.cacheDir, root), root);
    if (read.ok) cache = read.data;
    else if (read.reason) opts.onLog?.(read.reason);
  }
  // What may be reused, per file: the previous load's entry first, then the cache's (another
  // process — the shard manager — may have extracted the new version already).
  const known = new Map<string, DocEntry[]>();
  if (!opts.force) {
    for (const e of opts.previous ?? []) known.set(e.file, [e]);
    for (const e of cache?.entries ?? []) known.set(e.file, [...(known.get(e.file) ?? []), e]);
  }
  const entries: DocEntry[] = [];
  let reused = 0;
  let extracted = 0;
  for (const f of files) {
    const reuse = reusable(known.get(f.file) ?? [], f, opts.suspects?.has(f.file) ?? false);
    if (reuse) {
      entries.push(reuse);
      reused++;
      continue;
    }
    const e = extractEntry(f, { ...opts, onWarning });
    if (e) entries.push(e);
    extracted++;
    yield;
  }
  const present = new Set(files.map((f) => f.file));
  const removed = [...new Set([...(opts.previous ?? cache?.entries ?? []).map((e) => e.file)])].filter((k) => !present.has(k)).length;
  return { entries, reused, extracted, removed, cache, warnings };
}

/** An old entry when the file is unchanged: same size and time, or else the same content hash. */
function reusable(candidates: DocEntry[], f: FileEntry, suspect: boolean): DocEntry | null {
  if (candidates.length === 0) return null;
  const same = candidates.find((old) => !suspect && old.bytes === f.bytes && old.mtimeMs === f.mtimeMs);
  if (same) return same;
  let buf: Buffer;
  try {
    buf = readFileSync(f.path);
  } catch {
    return null; // gone or unreadable since the listing: extraction will report it
  }
  const hash = createHash("sha256").update(buf).digest("hex").slice(0, 32);
  const match = candidates.find((old) => old.hash === hash);
  return match ? { ...match, bytes: f.bytes, mtimeMs: f.mtimeMs } : null;
}

function sameOrder(a: DocEntry[], b: DocEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.file === b[i]!.file && e.hash === b[i]!.hash);
}

function finish(root: string, p: Plan, corpus: Corpus, index: SearchIndex, indexFromCache: boolean, opts: LoadEngineOptions, t0: number): Loaded {
  const engine = new Engine(corpus, index, opts);
  let cacheWritten = false;
  if (opts.cacheDir && !(indexFromCache && p.extracted === 0 && p.removed === 0)) {
    try {
      writeCache(cachePath(opts.cacheDir, root), cacheData(root, p.entries, index.toJSON()));
      cacheWritten = true;
    } catch (e) {
      opts.onLog?.(`could not write the index cache: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const stats: LoadStats = { files: p.entries.length, reused: p.reused, extracted: p.extracted, removed: p.removed, indexFromCache, cacheWritten, ms: Math.round(performance.now() - t0), warnings: p.warnings };
  return { engine, entries: p.entries, stats };
}

function cachedIndex(p: Plan): SearchIndex | null {
  if (!p.cache || p.extracted > 0 || p.removed > 0 || !sameOrder(p.entries, p.cache.entries)) return null;
  try {
    return SearchIndex.fromJSON(p.cache.index);
  } catch {
    return null;
  }
}

/** Loads synchronously (the command line). */
export function loadEngine(root: string, opts: LoadEngineOptions = {}): Loaded {
  const t0 = performance.now();
  const gen = plan(root, opts);
  let step = gen.next();
  while (!step.done) step = gen.next();
  const p = step.value;
  const fromCache = cachedIndex(p);
  const corpus = assembleCorpus(root, p.entries, p.warnings);
  return finish(root, p, corpus, fromCache ?? SearchIndex.build(corpus), fromCache !== null, opts, t0);
}

/** Loads without blocking the event loop for long (the bot): yields between files and index chunks. */
export async function loadEngineAsync(root: string, opts: LoadEngineOptions = {}): Promise<Loaded> {
  const t0 = performance.now();
  const gen = plan(root, opts);
  let step = gen.next();
  while (!step.done) {
    await new Promise<void>((r) => setImmediate(r));
    step = gen.next();
  }
  const p = step.value;
  const fromCache = cachedIndex(p);
  const corpus = assembleCorpus(root, p.entries, p.warnings);
  const index = fromCache ?? (await SearchIndex.buildAsync(corpus));
  return finish(root, p, corpus, index, fromCache !== null, opts, t0);
}
