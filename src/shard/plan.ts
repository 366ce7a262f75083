// How many shards, and how many worker threads carry their gateway connections. The index stays in
// the main thread; a worker holds websockets only (heartbeats, decompressing and parsing what
// Discord sends). A worker costs 20–30 MB (its own V8 heap and copy of the websocket library)
// and one easily carries 16 shards, so threads grow with the shard count, 16 shards each, never
// beyond the cores left beside the main thread.

export interface ShardPlan {
  /** Total shards: this process runs all of them, ids 0 … count-1. */
  count: number;
  shardsPerWorker: number;
}

/** Shards one worker thread carries before another is started (cores permitting). */
export const SHARDS_PER_WORKER = 16;

/** SHARDS=auto takes Discord's recommendation; a number is used as given. */
export function shardCount(setting: string, recommended: number): number {
  return setting === "auto" ? Math.max(1, recommended) : Number(setting);
}

/** Shards per worker thread for `count` shards on a machine with `cores` CPU cores. */
export function shardsPerWorker(count: number, cores: number): number {
  const workers = Math.max(1, Math.min(Math.ceil(count / SHARDS_PER_WORKER), Math.floor(cores) - 1));
  return Math.ceil(count / workers);
}
