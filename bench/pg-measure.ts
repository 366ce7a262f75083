// Everything measured for one corpus size on PostgreSQL, in a throwaway cluster: the real indexer
// in a fresh process (throughput, its peak RSS), the database's size, then a bot-like fresh
// process answering the workload and the answer key from the database (latency, accuracy, RSS).
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connectPg } from "../src/store/postgres/db.js";
import { ensureCorpus } from "./generate.js";
import { startCluster } from "./pg-cluster.js";
import type { PgAnswerResult, PgIndexResult } from "./pg-child.js";
import { copyServedRows } from "./pg-copies.js";
import { runChild } from "./procs.js";

const PG_CHILD = fileURLToPath(new URL("./pg-child.ts", import.meta.url));

export interface PgSizeOptions {
  passages: number;
  seed: string;
  queries: number;
  root: string;
  keyPerKind: number;
  /** Index a corpus of passages/copies and copy its rows this many times (1: index the corpus itself). */
  copies: number;
  log: (message: string) => void;
}

export interface PgSizeResult {
  store: "postgres";
  passagesTarget: number;
  copies: number;
  corpus: { dir: string; documents: number; passages: number; bytes: number };
  indexing: PgIndexResult & { mbPerSec: number; passagesPerSec: number };
  /** Copying rows up to the size (copies > 1), ms. */
  copyMs: number | null;
  passagesServed: number;
  databaseMB: number;
  tablesMB: Record<string, number>;
  answering: PgAnswerResult;
}

export async function measurePostgres(o: PgSizeOptions): Promise<PgSizeResult> {
  const log = (m: string): void => o.log(`[${o.passages} postgres] ${m}`);
  const indexed = o.passages / o.copies;
  if (!Number.isInteger(indexed)) throw new Error(`${o.passages} passages are not ${o.copies} equal copies`);
  log("corpus…");
  const g = ensureCorpus({ passages: indexed, seed: o.seed, root: o.root, keyPerKind: o.keyPerKind });
  log("starting a throwaway PostgreSQL cluster…");
  const cluster = startCluster();
  const cacheDir = mkdtempSync(join(o.root, "pg-index-cache-"));
  try {
    log(`indexing ${g.manifest.documents} documents with the real indexer (fresh process, nothing cached)…`);
    const ix = runChild<PgIndexResult>(["index", "--url", cluster.url, "--root", g.knowledge, "--cache", cacheDir], [], { script: PG_CHILD, timeoutMs: 3 * 60 * 60 * 1000 });
    const mb = g.manifest.bytes / 1048576;
    const indexing = { ...ix.result, mbPerSec: mb / (ix.result.ms / 1000), passagesPerSec: ix.result.passages / (ix.result.ms / 1000) };
    const db = await connectPg(cluster.url);
    let copyMs: number | null = null;
    let passagesServed = ix.result.passages;
    let databaseMB = NaN;
    const tablesMB: Record<string, number> = {};
    try {
      if (o.copies > 1) {
        log(`copying the rows to ${o.copies}× in SQL…`);
        const t0 = performance.now();
        passagesServed = await copyServedRows(db, o.copies, log);
        copyMs = performance.now() - t0;
      } else {
        await db.query("VACUUM ANALYZE");
      }
      const size = await db.query<{ mb: string }>("SELECT pg_database_size(current_database()) / 1048576.0 AS mb");
      databaseMB = Number(size.rows[0]!.mb);
      const t = await db.query<{ name: string; mb: string }>(
        "SELECT relname AS name, pg_total_relation_size(oid) / 1048576.0 AS mb FROM pg_class WHERE relkind = 'r' AND relname LIKE 'eb\\_%' ORDER BY 2 DESC",
      );
      for (const r of t.rows) tablesMB[r.name] = Math.round(Number(r.mb) * 10) / 10;
    } finally {
      await db.close?.();
    }
    log(`answering ${o.queries} queries${o.copies > 1 ? "" : " and the answer key"} from a bot-like process…`);
    const args = ["answer", "--url", cluster.url, "--key", join(g.dir, "key.json"), "--queries", String(o.queries), ...(o.copies > 1 ? ["--no-accuracy"] : [])];
    const answering = runChild<PgAnswerResult>(args, [], { script: PG_CHILD }).result;
    return {
      store: "postgres",
      passagesTarget: o.passages,
      copies: o.copies,
      corpus: { dir: g.dir, documents: g.manifest.documents, passages: ix.result.passages, bytes: g.manifest.bytes },
      indexing,
      copyMs,
      passagesServed,
      databaseMB,
      tablesMB,
      answering,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    cluster.stop();
    log("cluster removed");
  }
}
