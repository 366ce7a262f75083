// How many shards, and in which order they may connect. Discord lets `max_concurrency` shards
// IDENTIFY at once (one per rate-limit bucket, shard_id % max_concurrency) and each bucket once
// every 5 seconds; a bigger bot gets a bigger max_concurrency. Shards are started in waves of
// max_concurrency consecutive ids (one per bucket), 5 seconds apart.
export const IDENTIFY_INTERVAL_MS = 5_000;
/** A little more than Discord's window, so clock jitter never trips it. */
export const WAVE_GAP_MS = IDENTIFY_INTERVAL_MS + 500;

export function identifyWaves(count: number, maxConcurrency: number): number[][] {
  const size = Math.max(1, Math.floor(maxConcurrency));
  const waves: number[][] = [];
  for (let first = 0; first < count; first += size) waves.push(Array.from({ length: Math.min(size, count - first) }, (_, i) => first + i));
  return waves;
}

/** SHARDS=auto takes Discord's recommendation; a number is used as given. */
export function shardCount(setting: string, recommended: number): number {
  return setting === "auto" ? Math.max(1, recommended) : Number(setting);
}
