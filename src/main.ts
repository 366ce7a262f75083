// `npm start`: with DISCORD_TOKEN, the Discord bot (sharded with SHARDS); without it, the same answers at a
// terminal prompt. MODE=http serves the interactions endpoint instead.
import { EngineHolder } from "./runtime/holder.js";
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
  // Said, not silently ignored: in this version only `npm run ask` and `npm run index` use PostgreSQL.
  if (config.STORE === "postgres") log.warn("STORE=postgres: the bot still answers from the embedded store in this version; `npm run ask` and `npm run index` use PostgreSQL.");
  let holder: EngineHolder;
  try {
    holder = new EngineHolder(config.KNOWLEDGE_DIR, {
      sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
      cacheDir: config.CACHE_DIR,
      onWarning: (w) => log.warn(w),
      onLog: (m) => log.info(m),
    });
  } catch (e) {
    if (e instanceof KnowledgeDirError) {
      process.stderr.write(`configuration error: KNOWLEDGE_DIR: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const s = holder.lastStats;
  log.info(describeLoad(s));
  // Live reload: changed files are re-extracted and the engine swapped while answers go on.
  const live = startLiveReload(holder, {
    onReload: (r) => {
      log.info(`Reloaded ${config.KNOWLEDGE_DIR}: ${r.documents} documents, ${r.passages} passages (${r.extracted ?? 0} re-extracted, ${r.removed ?? 0} removed).`);
    },
    onError: (e) => log.warn(`live reload: ${e.message}`),
    onRestart: () => log.info(`live reload: watching ${config.KNOWLEDGE_DIR} afresh`),
  });
  const stopWatching = (): void => live.stop();
  process.once("exit", stopWatching);
  if (mode === "http") {
    // Interactions posted to an HTTP endpoint; no gateway connection, so SHARDS does not apply.
    const { serveHttp } = await import("./http/serve.js");
    const code = await serveHttp({ config, holder, log });
    stopWatching();
    return code;
  }
  if (!config.DISCORD_TOKEN) {
    log.info("No DISCORD_TOKEN set: answering here in the terminal (set it in .env to run the Discord bot).");
    await startRepl(holder, { style: styleFor(process.stdout) });
    stopWatching();
    return 0;
  }
  const { DEFAULT_API_BASE, startBot } = await import("./bot/client.js");
  let sharding = null;
  if (config.SHARDS) {
    // Every shard's gateway connection in a worker thread of this process; one index, this one.
    const { planShards } = await import("./shard/start.js");
    sharding = await planShards(config.SHARDS, config.DISCORD_TOKEN, config.DISCORD_API_BASE ?? DEFAULT_API_BASE, log);
    if (!sharding) {
      stopWatching();
      return 1;
    }
  }
  const code = await startBot({ config, holder, log, sharding });
  stopWatching(); // the folder watcher would keep the process alive after the bot has stopped
  return code;
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
