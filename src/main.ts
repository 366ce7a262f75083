// `npm start`: with DISCORD_TOKEN, the Discord bot (sharded with SHARDS); without it, the same answers at a
// terminal prompt. MODE=http serves the interactions endpoint instead. STORE=postgres answers from
// PostgreSQL (DATABASE_URL): this process then holds no index; the folder is indexed into the store.
import { EngineHolder } from "./runtime/holder.js";
import type { StoreHolder } from "./runtime/store-holder.js";
import { describeLoad } from "./bot/engine-source.js";
import { checkMode, configOrReport, loadConfig, modeOf } from "./config.js";
import { KnowledgeDirError } from "./knowledge/files.js";
import { startLiveReload } from "./live-reload.js";
import { createLogger } from "./log.js";
import { styleFor } from "./render/text.js";
import { startRepl } from "./repl.js";

async function run(): Promise<number> {
  const read = configOrReport(() => {
    const config = loadConfig();
    const mode = modeOf(config);
    checkMode(config, mode);
    return { config, mode };
  });
  if (!read) return 1;
  const { config, mode } = read;
  const log = createLogger(config.LOG_LEVEL);
  let holder: EngineHolder | StoreHolder;
  let closeStore = async (): Promise<void> => {};
  const loadOptions = {
    sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
    cacheDir: config.CACHE_DIR,
    onWarning: (w: string) => log.warn(w),
    onLog: (m: string) => log.info(m),
  };
  try {
    if (config.STORE === "postgres") {
      // Loaded only with STORE=postgres: the `pg` client and the indexer.
      const { connectPg } = await import("./store/postgres/db.js");
      const { openPostgresHolder } = await import("./runtime/postgres.js");
      const db = await connectPg(config.DATABASE_URL!);
      const opened = await openPostgresHolder(db, config.KNOWLEDGE_DIR, {
        ...loadOptions,
        answer: { sourceBaseUrl: loadOptions.sourceBaseUrl },
        // Extraction (a corpus, a search index) happens in a child process: this one stays small.
        indexIn: "process",
        onProgress: (m) => log.info(m),
        onGeneration: (g) => log.info(`PostgreSQL: generation ${g} is served now`),
      }).catch(async (e: unknown) => {
        await db.close?.();
        throw e;
      });
      holder = opened.holder;
      closeStore = opened.close;
      const r = opened.holder.lastReport;
      log.info(
        r.indexed
          ? `Indexed ${r.documents} documents (${r.passages} passages) into PostgreSQL as generation ${r.generation} in ${r.ms} ms.`
          : `PostgreSQL already serves this folder (generation ${r.generation}: ${r.documents} documents, ${r.passages} passages).`,
      );
    } else {
      holder = new EngineHolder(config.KNOWLEDGE_DIR, loadOptions);
      log.info(describeLoad(holder.lastStats));
    }
  } catch (e) {
    if (e instanceof KnowledgeDirError) {
      process.stderr.write(`configuration error: KNOWLEDGE_DIR: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  // Live reload: changed files are re-extracted and the engine swapped while answers go on.
  const live = startLiveReload(holder, {
    onReload: (r) => {
      log.info(
        `Reloaded ${config.KNOWLEDGE_DIR}: ${r.documents} documents, ${r.passages} passages (${r.extracted ?? 0} re-extracted, ${r.removed ?? 0} removed).`,
      );
    },
    onError: (e) => log.warn(`live reload: ${e.message}`),
    onRestart: () => log.info(`live reload: watching ${config.KNOWLEDGE_DIR} afresh`),
  });
  const stopWatching = (): void => live.stop();
  process.once("exit", stopWatching);
  // The folder watcher would keep the process alive after the bot has stopped; so would the store's connection.
  const finish = async (code: number): Promise<number> => {
    stopWatching();
    await closeStore().catch((e: unknown) => log.warn(`closing the store: ${(e as Error).message}`));
    return code;
  };
  if (mode === "http") {
    // Interactions posted to an HTTP endpoint; no gateway connection, so SHARDS does not apply.
    const { serveHttp } = await import("./http/serve.js");
    return finish(await serveHttp({ config, holder, log }));
  }
  if (!config.DISCORD_TOKEN) {
    log.info("No DISCORD_TOKEN set: answering here in the terminal (set it in .env to run the Discord bot).");
    await startRepl(holder, { style: styleFor(process.stdout) });
    return finish(0);
  }
  const { DEFAULT_API_BASE, startBot } = await import("./bot/client.js");
  let sharding = null;
  if (config.SHARDS) {
    // Every shard's gateway connection in a worker thread of this process; one index, this one.
    const { planShards } = await import("./shard/start.js");
    sharding = await planShards(config.SHARDS, config.DISCORD_TOKEN, config.DISCORD_API_BASE ?? DEFAULT_API_BASE, log);
    if (!sharding) return finish(1);
  }
  return finish(await startBot({ config, holder, log, sharding }));
}

run().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
