// How many shards, and how many worker threads carry their gateway connections. The index stays in
// the main thread; a worker only holds websockets (decompressing and parsing what Discord sends),
// so a few threads are enough and each one costs memory (its own V8 heap and copy of the
// websocket library): one worker per core left after the main thread, shards spread evenly.

/** SHARDS=auto takes Discord's recommendation; a number is used as given. */
export function shardCount(setting: string, recommended: number): number {
  return setting === "auto" ? Math.max(1, recommended) : Number(setting);
}

/** Shards per worker thread for `count` shards on a machine with `cores` CPU cores. */
export function shardsPerWorker(count: number, cores: number): number {
  const workers = Math.max(1, Math.min(count, Math.floor(cores) - 1));
  return Math.ceil(count / workers);
}
