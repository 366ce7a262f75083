// One shard process, started by the shard manager (manager.ts) through discord.js' ShardingManager,
// which passes SHARDS (this shard's id), SHARD_COUNT and DISCORD_TOKEN in the environment along
// with everything else the manager has (DISCORD_API_BASE, KNOWLEDGE_DIR, CACHE_DIR…). The
// discord.js client reads its shard from there; this file loads the cached index, runs the bot,
// and relays reloads and /reindex through the manager.
import { randomUUID } from "node:crypto";
import type { ReindexReport } from "../runtime/holder.js";
import { startBot } from "../bot/client.js";
import { describeLoad } from "../bot/engine-source.js";
import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import { isToShard, type ToManager } from "./messages.js";
import { ShardEngine } from "./shard-engine.js";

/** A /reindex that the manager has not answered in this time is reported as failed. */
const REINDEX_TIMEOUT_MS = 10 * 60_000;

interface Waiter {
  resolve: (r: ReindexReport) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

function send(message: ToManager): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function run(): Promise<number> {
  const shardId = Number(process.env.SHARDS);
  const count = Number(process.env.SHARD_COUNT);
  if (!process.send || !Number.isInteger(shardId) || !Number.isInteger(count)) {
    process.stderr.write("error: src/shard/child.ts is started by the shard manager: set SHARDS in .env and run npm start.\n");
    return 1;
  }
  const prefix = `shard ${shardId}: `;
  let config;
  try {
    // SHARDS holds this shard's id here (discord.js' convention), not the manager's setting.
    config = loadConfig({ ...process.env, SHARDS: undefined });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${prefix}configuration error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL, (line) => process.stderr.write(`${prefix}${line}\n`));

  const waiting = new Map<string, Waiter>();
  const askManager = (): Promise<ReindexReport> =>
    new Promise((resolve, reject) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => {
        waiting.delete(requestId);
        reject(new Error("the shard manager did not answer"));
      }, REINDEX_TIMEOUT_MS);
      waiting.set(requestId, { resolve, reject, timer });
      void send({ t: "evidence:reindex", requestId });
    });
  const settle = (requestId: string | undefined): Waiter | undefined => {
    const w = requestId ? waiting.get(requestId) : undefined;
    if (w && requestId) {
      clearTimeout(w.timer);
      waiting.delete(requestId);
    }
    return w;
  };

  const engine = new ShardEngine(config.KNOWLEDGE_DIR, { sourceBaseUrl: config.SOURCE_BASE_URL ?? null, cacheDir: config.CACHE_DIR, onWarning: (w) => log.warn(w), onLog: (m) => log.info(m) }, askManager);
  log.info(describeLoad(engine.lastStats));

  process.on("message", (m: unknown) => {
    if (!isToShard(m)) return;
    if (m.t === "evidence:reindex-failed") {
      settle(m.requestId)?.reject(new Error(m.message));
      return;
    }
    engine.reload().then(
      (s) => {
        log.info(`Reloaded the index the manager built: ${s.files} documents (${s.extracted} extracted).`);
        if (m.report) settle(m.requestId)?.resolve(m.report);
      },
      (e: unknown) => {
        log.warn(`reload: ${(e as Error).message}`);
        settle(m.requestId)?.reject(e as Error);
      },
    );
  });
  // Without its manager a shard has no one to restart it or relay reloads: stop cleanly.
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));

  const code = await startBot({ config, holder: engine, log, shard: { id: shardId, count } });
  // A shard that cannot log in would fail the same way after every restart: tell the manager to stop.
  if (code !== 0) await send({ t: "evidence:fatal" });
  return code;
}

run().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
