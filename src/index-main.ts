// `npm run index [-- --knowledge DIR] [--force] [--batch-size N] [--json]`: the PostgreSQL indexer
// (STORE=postgres, DATABASE_URL). Extracts the folder's facts and writes them as a new generation,
// one transaction per batch; the bot and `npm run ask` processes see it once it commits.
import { parseArgs } from "node:util";
import { configOrReport } from "./config.js";
import { KnowledgeDirError } from "./knowledge/files.js";
import { createLogger } from "./log.js";
import { connectPg } from "./store/postgres/db.js";
import { indexFolder } from "./runtime/postgres.js";

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        knowledge: { type: "string" },
        force: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        "batch-size": { type: "string" },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nusage: npm run index -- [--knowledge DIR] [--force] [--batch-size N] [--json]\n`);
    return 2;
  }
  const config = configOrReport();
  if (!config) return 1;
  const log = createLogger(config.LOG_LEVEL);
  if (config.STORE !== "postgres" || !config.DATABASE_URL) {
    process.stderr.write("npm run index fills the PostgreSQL store: set STORE=postgres and DATABASE_URL (the embedded store indexes at start-up).\n");
    return 1;
  }
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    process.stderr.write("--batch-size must be a positive whole number\n");
    return 2;
  }
  const db = await connectPg(config.DATABASE_URL);
  try {
    const root = values.knowledge ?? config.KNOWLEDGE_DIR;
    const r = await indexFolder(db, root, {
      cacheDir: config.CACHE_DIR,
      force: values.force,
      batchSize,
      onWarning: (w) => log.warn(w),
      onLog: (m) => log.info(m),
      onProgress: (m) => log.info(m),
    });
    // --json: the report as one line on stdout, for the bot that ran this indexer (src/runtime/index-process.ts).
    if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    log.info(
      r.indexed
        ? `Indexed ${r.documents} documents (${r.passages} passages) as generation ${r.generation} in ${r.ms} ms.`
        : `Generation ${r.generation} already holds these ${r.documents} documents; nothing to do (--force to rewrite).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof KnowledgeDirError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close?.();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
