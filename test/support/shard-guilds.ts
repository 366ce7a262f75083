// Guild ids that land on chosen shards: Discord routes a guild to shard (id >> 22) % shardCount,
// and the top bits of a snowflake are its timestamp, so ids a few milliseconds apart cover every shard.

/** `perShard` guilds on each of `count` shards: result[s] are shard s's guild ids. */
export function guildsForShards(count: number, perShard = 1): string[][] {
  const n = BigInt(count);
  const now = BigInt(Date.now() - 1420070400000); // ms since Discord's epoch
  const base = now - (now % n);
  return Array.from({ length: count }, (_, s) => Array.from({ length: perShard }, (_, i) => ((base - BigInt(i + 1) * n + BigInt(s)) << 22n).toString()));
}
