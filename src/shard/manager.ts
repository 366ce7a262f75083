// SHARDS=auto|N: the process `npm start` runs becomes a shard manager. It has already indexed the
// folder and written the index cache (main.ts); it asks Discord how many shards to run and how
// many may connect at once, then starts one process per shard with discord.js' ShardingManager.
// Each shard loads that cache (nothing re-extracted). The manager also watches the folder for
// every shard, restarts a shard that crashes, and stops them all on SIGINT/SIGTERM or when one
// fails in a way restarting cannot fix.
import { once } from "node:events";
import { createRequire } from "node:module";
import { extname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { ShardingManager, type Shard } from "discord.js";
import type { EngineHolder, ReindexReport } from "../runtime/holder.js";
import { DEFAULT_API_BASE } from "../bot/client.js";
import { describeError, describeStartupError, scrub } from "../bot/errors.js";
import { installStatsHook } from "../bot/stats.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { fetchGatewayInfo } from "./gateway-info.js";
import { isToManager, type ToShard } from "./messages.js";
import { identifyWaves, shardCount, WAVE_GAP_MS } from "./plan.js";

/** The shard entry point, next to this file (same extension, .ts under tsx). */
const CHILD_FILE = fileURLToPath(new URL(`./child${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
/** Loading a large cached index and logging in can take a while; longer than this is a failure. */
const SPAWN_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ShardManagerOptions {
  config: Config;
  holder: EngineHolder;
  log: Logger;
  /** Subscribes to the folder watcher's reloads (main.ts owns the watcher). */
  onReload(listener: (report: ReindexReport) => void): void;
}

export async function runShardManager({ config, holder, log, onReload }: ShardManagerOptions): Promise<number> {
  const token = config.DISCORD_TOKEN!;
  const apiBase = config.DISCORD_API_BASE ?? DEFAULT_API_BASE;
  const built = holder.lastStats;
  if (!built.cacheWritten && !built.indexFromCache) log.warn(`the index cache could not be written to ${config.CACHE_DIR}: every shard will extract the documents itself.`);

  let info;
  try {
    info = await fetchGatewayInfo(token, apiBase);
  } catch (error) {
    process.stderr.write(`error: ${scrub(describeStartupError(error, apiBase))}\n`);
    return 1;
  }
  const count = shardCount(config.SHARDS!, info.shards);
  const waves = identifyWaves(count, info.maxConcurrency);
  if (count > info.remaining) log.warn(`Discord allows ${info.remaining} more gateway logins today; ${count} shards need ${count}.`);
  log.info(
    `Starting ${count} shard${count === 1 ? "" : "s"} (${config.SHARDS === "auto" ? "Discord's recommendation" : `SHARDS=${config.SHARDS}`}; Discord recommends ${info.shards}), ${info.maxConcurrency} at a time${waves.length > 1 ? `, ${waves.length} waves ${WAVE_GAP_MS / 1000} s apart` : ""}.`,
  );

  // Shards inherit this environment: make the paths absolute so they load exactly what was built here.
  process.env.KNOWLEDGE_DIR = resolve(config.KNOWLEDGE_DIR);
  process.env.CACHE_DIR = resolve(config.CACHE_DIR);
  const manager = new ShardingManager(CHILD_FILE, { totalShards: count, token, mode: "process", respawn: true, execArgv: shardExecArgv() });
  manager.shardList = [...Array(count).keys()];

  let stopping = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((r) => (finish = r));

  const sendTo = (shard: Shard, message: ToShard): void => {
    if (shard.process?.connected) shard.send(message).catch((e: unknown) => log.debug(`shard ${shard.id}: ${describeError(e)}`));
  };
  const broadcast = (message: ToShard): void => manager.shards.forEach((s) => sendTo(s, message));

  const stop = async (code: number, why?: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false; // read when a shard exits: none comes back
    if (why) log.info(why);
    await Promise.all(manager.shards.map((s) => stopShard(s)));
    uninstallStats();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    finish(code);
  };
  const onSignal = (signal: NodeJS.Signals): void => void stop(0, `${signal} received: stopping ${count} shard${count === 1 ? "" : "s"}`);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const uninstallStats = installStatsHook(log, () => {
    // The same signal asks every shard for its own stats line (only ready ones: before its hook is
    // installed, SIGUSR2 would end a starting shard).
    manager.shards.forEach((s) => s.ready && s.process?.kill("SIGUSR2"));
    return { shards: manager.shards.size, shardsReady: manager.shards.filter((s) => s.ready).size };
  });

  manager.on("shardCreate", (shard) => {
    shard.on("death", (child) => {
      if (stopping || !("exitCode" in child)) return;
      log.warn(`shard ${shard.id} exited (${child.exitCode !== null ? `code ${child.exitCode}` : `${child.signalCode}`}); restarting it`);
    });
    shard.on("error", (error) => log.error(`shard ${shard.id}: ${describeError(error)}`));
    shard.on("message", (message: unknown) => {
      if (!isToManager(message)) return;
      if (message.t === "evidence:fatal") void stop(1);
      else
        holder.reindex().then(
          (report) => broadcast({ t: "evidence:reload", requestId: message.requestId, report }),
          (error: unknown) => sendTo(shard, { t: "evidence:reindex-failed", requestId: message.requestId, message: (error as Error).message }),
        );
    });
  });
  onReload(() => broadcast({ t: "evidence:reload" }));

  try {
    for (const [i, wave] of waves.entries()) {
      if (i > 0) await sleep(WAVE_GAP_MS);
      if (stopping) break;
      await Promise.all(wave.map((id) => manager.createShard(id).spawn(SPAWN_TIMEOUT_MS)));
    }
    if (!stopping) log.info(`All ${count} shard${count === 1 ? "" : "s"} ready, serving ${holder.current.corpus.documents.length} documents.`);
  } catch (error) {
    // A shard that died or hung before it was ready has printed why; the others are stopped.
    log.debug(`spawning: ${describeError(error)}`);
    void stop(1);
  }
  return done;
}

/** Asks a shard process to disconnect cleanly (SIGTERM), and kills it if it has not within the timeout. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Shards run TypeScript like the manager: keep tsx's loader (and flags such as --expose-gc). */
function shardExecArgv(): string[] {
  const argv = [...process.execArgv];
  if (CHILD_FILE.endsWith(".ts") && !argv.some((a) => a.includes("tsx"))) argv.push("--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href);
  return argv;
}
