// STORE=postgres at run time: connect (the `pg` client is imported only here, only then), index a
// folder when the served generation was not built from it, and hand the answers a context.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { AnswerContext, AnswerOptions } from "../answer/context.js";
import { corpusCounts, EXTRACTOR_VERSION } from "../corpus.js";
import { extractorFingerprint } from "../index/cache.js";
import { type FileEntry, listKnowledgeFolder } from "../knowledge/files.js";
import { connectPg, type Db } from "../store/postgres/db.js";
import { servedFrom } from "../store/postgres/indexer.js";
import { PostgresStore } from "../store/postgres/store.js";
import { Answerer } from "./answerer.js";
import { limitHeapGrowth } from "./heap.js";
import { indexInChild } from "./index-process.js";
import { type Indexer, type IndexReport, StoreHolder } from "./store-holder.js";
import { type FolderState, loadEngine, type LoadEngineOptions } from "./load-engine.js";

export interface PostgresRuntime extends AnswerContext {
  readonly store: PostgresStore;
  close(): Promise<void>;
}

/** Answers from the database, in this process: which then holds no index, and keeps a small heap (heap.ts). */
export async function openPostgres(url: string, options: AnswerOptions = {}, db?: Db): Promise<PostgresRuntime> {
  limitHeapGrowth();
  const conn = db ?? (await connectPg(url));
  const store = await PostgresStore.open(conn);
  return { store, backend: store, facts: store, options, close: async () => conn.close?.() };
}

export interface IndexFolderOptions extends LoadEngineOptions {
  force?: boolean;
  batchSize?: number;
  onProgress?: (m: string) => void;
  /** The store to replace through (its listeners in this process hear of it); else one over `db`. */
  store?: PostgresStore;
}

/** A fingerprint of the folder's listing (names, sizes, times) and of the extracting code: cheap to compare, nothing read. */
export function listingFingerprint(files: readonly FileEntry[]): string {
  return createHash("sha256")
    .update(JSON.stringify([EXTRACTOR_VERSION, extractorFingerprint(), files.map((f) => [f.file, f.bytes, f.mtimeMs])]))
    .digest("hex");
}

/** The served generation's report when it was built from the folder as it is listed now (nothing read), else null. */
export async function upToDate(db: Db, store: PostgresStore, root: string): Promise<IndexReport | null> {
  const t0 = performance.now();
  const listed = await listAgainstServed(db, root);
  return listed.unchanged ? unchangedReport(store, listed, t0) : null;
}

interface Listed {
  folder: FolderState;
  listing: string;
  served: Awaited<ReturnType<typeof servedFrom>>;
  sameRoot: boolean;
  /** The served generation was built from this very listing. */
  unchanged: boolean;
}

/** The folder listed once, and compared with what the served generation was built from. */
async function listAgainstServed(db: Db, root: string): Promise<Listed> {
  const listedAt = Date.now(); // before listing: a file changed meanwhile counts as changed after it
  const folder: FolderState = { files: listKnowledgeFolder(root).files, listedAt };
  const listing = listingFingerprint(folder.files);
  const served = await servedFrom(db);
  const sameRoot = served?.root === resolve(root);
  return { folder, listing, served, sameRoot, unchanged: !!served && sameRoot && served.listing === listing };
}

async function unchangedReport(store: PostgresStore, listed: Listed, t0: number): Promise<IndexReport> {
  const s = await store.stats();
  return {
    ...s,
    warnings: [],
    ms: Math.round(performance.now() - t0),
    extracted: 0,
    removed: 0,
    generation: listed.served!.generation,
    indexed: false,
    folder: listed.folder,
  };
}

/**
 * The indexer: extraction happens here, once (reusing the cache dir's facts for unchanged files),
 * then the corpus replaces the served one as a new generation written in batches. Skipped without
 * reading a file when the folder's listing is the one the served generation was built from, and
 * after extraction when the contents are; `force` indexes anyway.
 */
export async function indexFolder(db: Db, root: string, opts: IndexFolderOptions = {}): Promise<IndexReport> {
  const t0 = performance.now();
  const store = opts.store ?? (await PostgresStore.open(db));
  const listed = await listAgainstServed(db, root);
  if (!opts.force && listed.unchanged) return unchangedReport(store, listed, t0);
  const { listing, served, sameRoot } = listed;
  const ms = (): number => Math.round(performance.now() - t0);
  const loaded = loadEngine(root, opts);
  const c = loaded.engine.corpus;
  // The files' contents and the extracting code: new code over the same files must extract again
  // (the listing's fingerprint sends it here; this one decides), not keep the old facts.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([EXTRACTOR_VERSION, extractorFingerprint(), loaded.entries.map((e) => [e.file, e.hash])]))
    .digest("hex");
  const counts = { ...corpusCounts(c), warnings: c.warnings };
  if (!opts.force && served && sameRoot && served.fingerprint === fingerprint) {
    // Same contents (files touched, say): remember the new listing so the next start reads nothing.
    await db.query("UPDATE eb_state SET listing = $1 WHERE id = 1 AND generation = $2", [listing, served.generation]);
    return { ...counts, ms: ms(), extracted: loaded.stats.extracted, removed: 0, generation: served.generation, indexed: false, folder: loaded.folder };
  }
  // What changed against the served generation (a fresh database: everything).
  const before = sameRoot ? await store.documentsByFile(await store.files()) : new Map();
  const changed = c.documents.filter((d) => before.get(d.file)?.hash !== d.hash).map((d) => d.file);
  const present = new Set(c.documents.map((d) => d.file));
  const removed = [...before.keys()].filter((f) => !present.has(f));
  await store.replace({ corpus: c, changed, removed, root: resolve(root), fingerprint, listing, batchSize: opts.batchSize, onProgress: opts.onProgress });
  return {
    ...counts,
    ms: ms(),
    extracted: changed.length,
    removed: removed.length,
    generation: await store.generation(),
    indexed: true,
    folder: loaded.folder,
  };
}

export interface PostgresHolderOptions extends IndexFolderOptions {
  /** Where the answers' citations link to, and the answer limit. */
  answer?: AnswerOptions;
  /**
   * Runs the indexer when the folder changed: "process" in a child process (`npm run index`), so
   * this one never holds a corpus or an index; "here" in this process (the default, and the tests').
   */
  indexIn?: "process" | "here";
  /** Another process (or this one) served a new generation. */
  onGeneration?: (generation: number) => void;
}

export interface PostgresHolder {
  holder: StoreHolder;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * The bot's or HTTP endpoint's engine on PostgreSQL: the store brought up to date with the folder
 * (nothing read when the listing is unchanged), answers as queries, and a listener for new
 * generations committed by any process.
 */
export async function openPostgresHolder(db: Db, root: string, opts: PostgresHolderOptions = {}): Promise<PostgresHolder> {
  // Extracting in a child, this process holds no index: a small heap (heap.ts).
  if (opts.indexIn === "process") limitHeapGrowth();
  const store = await PostgresStore.open(db);
  const here: Indexer = ({ force }) => indexFolder(db, root, { ...opts, force, store });
  const indexer: Indexer = opts.indexIn === "process" ? async ({ force }) => (!force && (await upToDate(db, store, root))) || indexInChild(root, force) : here;
  const holder = await StoreHolder.start(root, new Answerer(store, opts.answer ?? {}), indexer);
  const unlisten = await store.onChange((g) => opts.onGeneration?.(g));
  return {
    holder,
    close: async () => {
      await unlisten();
      await db.close?.();
    },
  };
}
