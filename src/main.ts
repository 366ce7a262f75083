// `npm start`: with DISCORD_TOKEN, the Discord bot (sharded with SHARDS); without it, the same answers at a
// terminal prompt. MODE=http serves the interactions endpoint instead.
import { EngineHolder, type ReindexReport } from "./runtime/holder.js";
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
  log.info(`Indexed ${s.files} documents in ${s.ms} ms (${s.extracted} extracted, ${s.reused} from the cache${s.indexFromCache ? ", search index loaded" : ""}).`);
  // Live reload: changed files are re-extracted and the engine swapped while answers go on.
  const reloadListeners = new Set<(r: ReindexReport) => void>(); // the shard manager relays reloads to its shards
  const live = startLiveReload(holder, {
    onReload: (r) => {
      log.info(`Reloaded ${config.KNOWLEDGE_DIR}: ${r.documents} documents, ${r.passages} passages (${r.extracted ?? 0} re-extracted, ${r.removed ?? 0} removed).`);
      for (const listener of reloadListeners) listener(r);
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
  if (config.SHARDS) {
    // One process per shard; they load the index this process just built and cached.
    const { runShardManager } = await import("./shard/manager.js");
    const code = await runShardManager({ config, holder, log, onReload: (listener) => reloadListeners.add(listener) });
    stopWatching();
    return code;
  }
  const { startBot } = await import("./bot/client.js");
  const code = await startBot({ config, holder, log });
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
