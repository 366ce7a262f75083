// STORE=postgres at run time: connect (the `pg` client is imported only here, only then), index a
// folder when the served generation was not built from it, and hand the answers a context.
import { createHash } from "node:crypto";
import type { AnswerContext, AnswerOptions } from "../answer/context.js";
import { EXTRACTOR_VERSION } from "../corpus.js";
import { loadEngine, type LoadEngineOptions } from "./load-engine.js";
import { connectPg, type Db } from "../store/postgres/db.js";
import { servedFrom, writeCorpus } from "../store/postgres/indexer.js";
import { PostgresStore } from "../store/postgres/store.js";
import { resolve } from "node:path";

export interface PostgresRuntime extends AnswerContext {
  readonly store: PostgresStore;
  close(): Promise<void>;
}

export async function openPostgres(url: string, options: AnswerOptions = {}, db?: Db): Promise<PostgresRuntime> {
  const conn = db ?? (await connectPg(url));
  const store = await PostgresStore.open(conn);
  return { store, backend: store, facts: store, options, close: async () => conn.close?.() };
}

export interface IndexReport {
  generation: number;
  /** False when the served generation was already built from these files. */
  indexed: boolean;
  documents: number;
  passages: number;
  ms: number;
}

/**
 * The indexer: extraction happens here, once (reusing the cache dir's facts for unchanged files),
 * then the corpus is written as a new generation in batches. Skipped when the served generation
 * was built from the same files, unless `force`.
 */
export async function indexFolder(db: Db, root: string, opts: LoadEngineOptions & { force?: boolean; batchSize?: number; onProgress?: (m: string) => void } = {}): Promise<IndexReport> {
  const t0 = performance.now();
  const loaded = loadEngine(root, opts);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([EXTRACTOR_VERSION, loaded.entries.map((e) => [e.file, e.hash])]))
    .digest("hex");
  const served = await servedFrom(db);
  const c = loaded.engine.corpus;
  const report = { documents: c.documents.length, passages: c.passages.length };
  if (!opts.force && served && served.root === resolve(root) && served.fingerprint === fingerprint) {
    return { generation: served.generation, indexed: false, ...report, ms: Math.round(performance.now() - t0) };
  }
  const generation = await writeCorpus(db, c, { batchSize: opts.batchSize, root: resolve(root), fingerprint, onProgress: opts.onProgress });
  return { generation, indexed: true, ...report, ms: Math.round(performance.now() - t0) };
}
