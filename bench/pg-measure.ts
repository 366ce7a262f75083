// Everything measured for one corpus size on PostgreSQL, in a throwaway cluster: the real indexer
// in a fresh process (throughput, its peak RSS), the database's size, then a bot-like fresh
// process answering the workload and the answer key from the database (latency, accuracy, RSS).
// With copies, the same is measured at the indexed size first, then again (latency and RSS) once
// the rows are copied up to the size: two columns from one indexing run.
import { mkdtempSync, rmSync } from "node:fs";
import { freemem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connectPg, type Db } from "../src/store/postgres/db.js";
import { compiledScript } from "./compiled.js";
import { ensureCorpus } from "./generate.js";
import { startCluster } from "./pg-cluster.js";
import type { PgAnswerResult, PgIndexResult } from "./pg-child.js";
import { copyServedRows } from "./pg-copies.js";
import { runChild } from "./procs.js";
import { ANSWERING_NODE_FLAGS } from "../scripts/node-flags.mjs";

const PG_CHILD = fileURLToPath(new URL("./pg-child.ts", import.meta.url));

export interface PgSizeOptions {
  passages: number;
  seed: string;
  queries: number;
  root: string;
  keyPerKind: number;
  /** Index a corpus of passages/copies and copy its rows this many times (1: index the corpus itself). */
  copies: number;
  /** The index child's heap limit (MB); default indexHeapMB() of the memory available now. */
  indexHeapMB?: number;
  log: (message: string) => void;
}

/** V8's own heap limit on a 64-bit machine with 16 GB or more: never asked for less. */
export const V8_DEFAULT_HEAP_MB = 4096;

/**
 * The index child's heap limit: three quarters of the memory available (the rest for the
 * PostgreSQL server it writes to, the extraction threads and the page cache), never below V8's
 * default. The indexer holds the whole corpus and then every row it writes (at 1M passages 2.1 GB
 * of live heap before writing, more while writing): V8's default limit just held a 1M corpus, not
 * a bigger one.
 */
export function indexHeapMB(availableBytes: number): number {
  return Math.max(V8_DEFAULT_HEAP_MB, Math.floor((availableBytes / 1048576) * 0.75));
}

export interface PgSizeResult {
  store: "postgres";
  passagesTarget: number;
  copies: number;
  corpus: { dir: string; documents: number; passages: number; bytes: number };
  indexing: PgIndexResult & { mbPerSec: number; passagesPerSec: number; heapLimitMB: number };
  /** Copying rows up to the size (copies > 1), ms. */
  copyMs: number | null;
  passagesServed: number;
  databaseMB: number;
  tablesMB: Record<string, number>;
  answering: PgAnswerResult;
}

export async function measurePostgres(o: PgSizeOptions): Promise<PgSizeResult[]> {
  const log = (m: string): void => o.log(`[${o.passages} postgres] ${m}`);
  const indexed = o.passages / o.copies;
  if (!Number.isInteger(indexed)) throw new Error(`${o.passages} passages are not ${o.copies} equal copies`);
  log("corpus…");
  const g = ensureCorpus({ passages: indexed, seed: o.seed, root: o.root, keyPerKind: o.keyPerKind });
  log("starting a throwaway PostgreSQL cluster…");
  const cluster = startCluster();
  const cacheDir = mkdtempSync(join(o.root, "pg-index-cache-"));
  try {
    const heapLimitMB = o.indexHeapMB ?? indexHeapMB(freemem());
    log(`indexing ${g.manifest.documents} documents with the real indexer (fresh process, nothing cached, heap limit ${heapLimitMB} MB)…`);
    const ix = runChild<PgIndexResult>(["index", "--url", cluster.url, "--root", g.knowledge, "--cache", cacheDir], [`--max-old-space-size=${heapLimitMB}`], {
      script: PG_CHILD,
      timeoutMs: 3 * 60 * 60 * 1000,
    });
    const mb = g.manifest.bytes / 1048576;
    const indexing = { ...ix.result, mbPerSec: mb / (ix.result.ms / 1000), passagesPerSec: ix.result.passages / (ix.result.ms / 1000), heapLimitMB };
    const corpus = { dir: g.dir, documents: g.manifest.documents, passages: ix.result.passages, bytes: g.manifest.bytes };
    const keyPath = join(g.dir, "key.json");
    const out: PgSizeResult[] = [];
    const point = async (passagesTarget: number, copies: number, copyMs: number | null, passagesServed: number, accuracy: boolean): Promise<PgSizeResult> => {
      const { databaseMB, tablesMB } = await sizes(cluster.url);
      log(`answering ${o.queries} queries${accuracy ? " and the answer key" : ""} from a bot-like process at ${passagesServed} passages…`);
      const args = ["answer", "--url", cluster.url, "--key", keyPath, "--queries", String(o.queries), ...(accuracy ? [] : ["--no-accuracy"])];
      // Compiled and with its V8 flags, as `npm start` runs the bot (scripts/run.mjs): tsx's loader would add its own ~45 MB.
      const answering = runChild<PgAnswerResult>(args, ANSWERING_NODE_FLAGS, { script: await compiledScript(PG_CHILD), compiled: true }).result;
      return { store: "postgres", passagesTarget, copies, corpus, indexing, copyMs, passagesServed, databaseMB, tablesMB, answering };
    };
    await withDb(cluster.url, (db) => db.query("VACUUM ANALYZE"));
    out.push(await point(indexed, 1, null, ix.result.passages, true));
    if (o.copies > 1) {
      log(`copying the rows to ${o.copies}× in SQL…`);
      const t0 = performance.now();
      const served = await withDb(cluster.url, (db) => copyServedRows(db, o.copies, log));
      out.push(await point(o.passages, o.copies, performance.now() - t0, served, false));
    }
    return out;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    cluster.stop();
    log("cluster removed");
  }
}

async function withDb<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await connectPg(url);
  try {
    return await fn(db);
  } finally {
    await db.close?.();
  }
}

/** The database's size and each table's (with its indexes and TOAST), MB. */
async function sizes(url: string): Promise<{ databaseMB: number; tablesMB: Record<string, number> }> {
  return withDb(url, async (db) => {
    const size = await db.query<{ mb: string }>("SELECT pg_database_size(current_database()) / 1048576.0 AS mb");
    const t = await db.query<{ name: string; mb: string }>(
      "SELECT relname AS name, pg_total_relation_size(oid) / 1048576.0 AS mb FROM pg_class WHERE relkind = 'r' AND relname LIKE 'eb\\_%' ORDER BY 2 DESC",
    );
    const tablesMB: Record<string, number> = {};
    for (const r of t.rows) tablesMB[r.name] = Math.round(Number(r.mb) * 10) / 10;
    return { databaseMB: Number(size.rows[0]!.mb), tablesMB };
  });
}
