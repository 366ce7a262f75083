// GET /gateway/bot: Discord's recommended shard count and how many shards may identify at once.
// discord.js' own helper (fetchRecommendedShardCount, which ShardingManager uses for "auto")
// always asks https://discord.com/api and ignores a custom REST base, so the manager makes the
// same request through REST with DISCORD_API_BASE: "auto" then works behind a REST proxy (and
// against the tests' local Discord stand-in).
import { REST, Routes } from "discord.js";

export interface GatewayInfo {
  /** Discord's recommended number of shards (about one per 1,000 servers). */
  shards: number;
  /** Shards that may IDENTIFY in the same 5-second window. */
  maxConcurrency: number;
  /** IDENTIFYs left in the daily session-start budget. */
  remaining: number;
}

export async function fetchGatewayInfo(token: string, apiBase: string): Promise<GatewayInfo> {
  const rest = new REST({ api: apiBase, retries: 2 }).setToken(token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown; remaining?: unknown } };
  const num = (v: unknown, fallback: number): number => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : fallback);
  return {
    shards: num(body.shards, 1),
    maxConcurrency: num(body.session_start_limit?.max_concurrency, 1),
    remaining: typeof body.session_start_limit?.remaining === "number" ? body.session_start_limit.remaining : Number.POSITIVE_INFINITY,
  };
}
