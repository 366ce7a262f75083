// SHARDS=auto|N: before the bot logs in, ask Discord (GET /gateway/bot, through DISCORD_API_BASE)
// how many shards it recommends and how many may identify at once, and decide the count. The
// connections then run in worker threads of the one bot process (see ./strategy.ts); @discordjs/ws
// spaces their IDENTIFYs by max_concurrency itself.
import { availableParallelism } from "node:os";
import { describeStartupError, scrub } from "../bot/errors.js";
import type { Logger } from "../log.js";
import { fetchGatewayInfo } from "./gateway-info.js";
import { shardCount, shardsPerWorker, type ShardPlan } from "./plan.js";

/** The plan, or null after printing why Discord could not be asked (a rejected token, no network…). */
export async function planShards(setting: string, token: string, apiBase: string, log: Logger): Promise<ShardPlan | null> {
  let info;
  try {
    info = await fetchGatewayInfo(token, apiBase);
  } catch (error) {
    process.stderr.write(`error: ${scrub(describeStartupError(error, apiBase))}\n`);
    return null;
  }
  const count = shardCount(setting, info.shards);
  const perWorker = shardsPerWorker(count, availableParallelism());
  const workers = Math.ceil(count / perWorker);
  if (count > info.remaining) log.warn(`Discord allows ${info.remaining} more gateway logins today; ${count} shards need ${count}.`);
  log.info(
    `Starting ${count} shard${count === 1 ? "" : "s"} (${setting === "auto" ? "Discord's recommendation" : `SHARDS=${setting}`}; Discord recommends ${info.shards}) in ${workers} worker thread${workers === 1 ? "" : "s"}, ${info.maxConcurrency} identifying at a time.`,
  );
  return { count, shardsPerWorker: perWorker };
}
