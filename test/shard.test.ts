// Sharding's parts: the identify waves, SHARDS=auto through a custom API base, the IPC messages,
// the shard's engine (cache only, never extracting what the manager extracted), and the manager
// giving up cleanly when the token is refused or a shard cannot log in. The sharded bot at work is
// in modes.test.ts.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DiscordAPIError } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { describeStartupError } from "../src/bot/errors.js";
import { loadEngine } from "../src/runtime/load-engine.js";
import { fetchGatewayInfo } from "../src/shard/gateway-info.js";
import { isToManager, isToShard } from "../src/shard/messages.js";
import { identifyWaves, shardCount } from "../src/shard/plan.js";
import { ShardEngine } from "../src/shard/shard-engine.js";
import { tempDir, writeKnowledge } from "./helpers.js";
import { ROOT, runTs } from "./support/bot-process.js";
import { DiscordStandIn } from "./support/discord-standin.js";

const TOKEN = "fake-token.for-the-stand-in.never-real";
const WRONG_TOKEN = "wrong-token.that-discord-will-refuse.xyz";

let standIn: DiscordStandIn | undefined;
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

describe("planning", () => {
  it("starts max_concurrency consecutive shards at a time (one per rate-limit bucket)", () => {
    expect(identifyWaves(4, 1)).toEqual([[0], [1], [2], [3]]);
    expect(identifyWaves(4, 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(identifyWaves(5, 16)).toEqual([[0, 1, 2, 3, 4]]);
    expect(identifyWaves(3, 0)).toEqual([[0], [1], [2]]);
  });

  it("SHARDS=auto takes Discord's recommendation; a number is used as given", () => {
    expect(shardCount("auto", 3)).toBe(3);
    expect(shardCount("auto", 0)).toBe(1);
    expect(shardCount("2", 7)).toBe(2);
  });

  it("asks GET /gateway/bot through DISCORD_API_BASE (discord.js' own helper would ask discord.com)", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN, shards: 3, maxConcurrency: 2 });
    expect(await fetchGatewayInfo(TOKEN, standIn.apiBase)).toMatchObject({ shards: 3, maxConcurrency: 2 });
    const refused = await fetchGatewayInfo(WRONG_TOKEN, standIn.apiBase).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(describeStartupError(refused, standIn.apiBase)).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
  });

  it("tells its own IPC messages from discord.js' ones", () => {
    expect(isToShard({ t: "evidence:reload" })).toBe(true);
    expect(isToShard({ _eval: "x" })).toBe(false);
    expect(isToManager({ t: "evidence:reindex", requestId: "1" })).toBe(true);
    expect(isToManager({ _ready: true })).toBe(false);
    expect(isToManager(null)).toBe(false);
  });
});

describe("a shard's engine", () => {
  it("loads the cache the manager wrote, and after a change reloads it without extracting anything", async () => {
    const kb = writeKnowledge({ "a.txt": 'date 2020-01-01  A\n\nAda Lovelace, a mathematician, said: "The engine weaves patterns."\n' });
    const cache = tempDir("shard-cache-");
    try {
      const opts = { cacheDir: cache.dir };
      expect(loadEngine(kb.dir, opts).stats.extracted).toBe(1); // the manager
      const asked: string[] = [];
      const shard = new ShardEngine(kb.dir, opts, async () => {
        asked.push("reindex");
        return { documents: 0, passages: 0, quotes: 0, times: 0, stances: 0, warnings: [], ms: 0 };
      });
      expect(shard.lastStats).toMatchObject({ extracted: 0, reused: 1, indexFromCache: true });

      writeFileSync(join(kb.dir, "a.txt"), 'date 2020-01-01  A\n\nCharles Babbage, an inventor, said: "The engine computes tables."\n');
      expect(loadEngine(kb.dir, opts).stats.extracted).toBe(1); // the manager again
      expect(await shard.reload()).toMatchObject({ extracted: 0, reused: 1 });
      expect((await shard.current.whoSaid("computes tables")).results[0]?.speaker).toBe("Charles Babbage");

      await shard.reindex();
      expect(asked).toEqual(["reindex"]); // /reindex goes to the manager
    } finally {
      kb.cleanup();
      cache.cleanup();
    }
  });
});

describe("the shard manager gives up cleanly", { timeout: 30_000 }, () => {
  it("a rejected token: one line, exit 1, no shard started", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const run = runTs("src/main.ts", { DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_BASE: standIn.apiBase, KNOWLEDGE_DIR: join(ROOT, "knowledge"), SHARDS: "2", LOG_LEVEL: "warn" });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe("error: Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and put the new one in .env.\n");
    expect(standIn.identifies).toEqual([]);
  });

  it("a shard that cannot log in stops the others instead of restarting forever", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN, shards: 2, maxConcurrency: 2 });
    let calls = 0;
    // The manager's own GET /gateway/bot succeeds; every shard's fails.
    standIn.failNext((r) => r.path.endsWith("/gateway/bot") && ++calls > 1, { status: 500 }, 1000);
    const run = runTs("src/main.ts", { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standIn.apiBase, KNOWLEDGE_DIR: join(ROOT, "knowledge"), SHARDS: "2", LOG_LEVEL: "info" });
    expect((await run.exit(25_000)).code).toBe(1);
    expect(run.stderr).toMatch(/^error: Discord answered 500 Internal Server Error while logging in: try again in a minute\.$/m);
    expect(run.stderr).not.toMatch(/restarting it/);
    expect(standIn.identifies).toEqual([]);
  });
});
