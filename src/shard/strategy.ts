// The discord.js client options that run a ShardPlan: every shard of the plan in this process, its
// gateway connection in a worker thread (@discordjs/ws' WorkerShardingStrategy), while events are
// handled, and answered from the one index, in the main thread.
import { WorkerShardingStrategy } from "@discordjs/ws";
import type { ClientOptions } from "discord.js";
import type { ShardPlan } from "./plan.js";

export function shardedClientOptions(plan: ShardPlan): Pick<ClientOptions, "shards" | "shardCount" | "ws"> {
  return {
    shards: [...Array(plan.count).keys()],
    shardCount: plan.count,
    ws: { buildStrategy: (manager) => new WorkerShardingStrategy(manager, { shardsPerWorker: plan.shardsPerWorker }) },
  };
}

/** The shard that carries a server's events (Discord's rule); DMs arrive on shard 0. */
export function shardOfGuild(guildId: string | null, count: number): number {
  return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}
