// Sharding: how many shards and worker threads, SHARDS=auto through a custom API base, and the
// sharded bot at work against the local Discord stand-in: every shard's connection in a worker
// thread of one process that indexes once and answers whatever shard a question arrives on. The
// sharded bot beside the other modes is in modes.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DiscordAPIError } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { describeStartupError } from "../src/bot/errors.js";
import { fetchGatewayInfo } from "../src/shard/gateway-info.js";
import { shardCount, shardsPerWorker } from "../src/shard/plan.js";
import { shardOfGuild } from "../src/shard/strategy.js";
import { ROOT, runTs, type ChildRun } from "./support/bot-process.js";
import { DiscordStandIn } from "./support/discord-standin.js";
import { guildsForShards } from "./support/shard-guilds.js";

const TOKEN = "fake-token.for-the-stand-in.never-real";
const WRONG_TOKEN = "wrong-token.that-discord-will-refuse.xyz";

let standIn: DiscordStandIn | undefined;
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

describe("planning", () => {
  it.each([
    // [shards, cores, shards per worker]: 16 shards a worker, workers no more than the cores beside the main thread
    [1, 2, 1],
    [4, 2, 4],
    [4, 64, 4],
    [16, 8, 16],
    [17, 8, 9],
    [40, 2, 40],
    [40, 3, 20],
    [100, 4, 34],
    [1000, 64, 16],
    [5, 1, 5],
    [4, 0, 4],
  ])("%i shards on %i cores: %i per worker thread", (count, cores, perWorker) => {
    expect(shardsPerWorker(count, cores)).toBe(perWorker);
  });

  it("puts a server on the shard Discord routes it to; DMs on shard 0", () => {
    expect(shardOfGuild(null, 4)).toBe(0);
    expect(shardOfGuild(String(5n << 22n), 4)).toBe(1);
    expect(shardOfGuild(String((7n << 22n) + 12345n), 4)).toBe(3); // the low bits do not count
    expect(shardOfGuild(String(7n << 22n), 1)).toBe(0);
    const byShard = guildsForShards(4, 2);
    expect(byShard.map((ids) => ids.map((id) => shardOfGuild(id, 4)))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(new Set(byShard.flat()).size).toBe(8);
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
});

describe("the sharded bot gives up cleanly", { timeout: 30_000 }, () => {
  it("a rejected token: one line, exit 1, no shard started", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN });
    const run = runTs("src/main.ts", {
      DISCORD_TOKEN: WRONG_TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      SHARDS: "2",
      LOG_LEVEL: "warn",
    });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe(
      "error: Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and put the new one in .env.\n",
    );
    expect(standIn.identifies).toEqual([]);
  });

  it("when Discord fails at login: one line, exit 1, no shard identified", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN, shards: 2, maxConcurrency: 2 });
    let calls = 0;
    // The shard plan's GET /gateway/bot succeeds; discord.js' own, at login, fails.
    standIn.failNext((r) => r.path.endsWith("/gateway/bot") && ++calls > 1, { status: 500 }, 1000);
    const run = runTs("src/main.ts", {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      SHARDS: "2",
      LOG_LEVEL: "info",
    });
    expect((await run.exit(25_000)).code).toBe(1);
    expect(run.stderr).toMatch(/^error: Discord answered 500 Internal Server Error while logging in: try again in a minute\.$/m);
    expect(standIn.identifies).toEqual([]);
  });
});

describe("SHARDS=4", { timeout: 60_000 }, () => {
  let bot: ChildRun | undefined;
  afterEach(async () => {
    bot?.kill("SIGKILL");
    await bot?.exited;
    bot = undefined;
  });

  it("one process indexes once, runs 4 identified shard connections, and answers on each of them", async () => {
    const byShard = guildsForShards(4);
    standIn = await DiscordStandIn.start({
      token: TOKEN,
      shards: 2,
      maxConcurrency: 4,
      heartbeatIntervalMs: 1000,
      guilds: byShard.flat().map((id, i) => ({ id, name: `Server ${i}` })),
    });
    bot = runTs("src/main.ts", {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      SHARDS: "4",
      LOG_LEVEL: "debug",
    });
    await bot.waitForStderr(/^Logged in as /m, 45_000);

    expect(standIn.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(bot.stderr).toMatch(/^Starting 4 shards \(SHARDS=4; Discord recommends 2\) in \d+ worker threads?, 4 identifying at a time\.$/m);
    expect(bot.stderr.match(/Indexed \d+ documents/g)).toHaveLength(1);

    for (const [shard, [guildId]] of byShard.entries()) {
      const sent = await standIn.chatInput("sources", [], { guildId, userId: `${470000000000000000n + BigInt(shard)}` });
      const callback = await standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, 10_000);
      // The answer came back over REST; the footer says which shard carried the question.
      expect(callback.body.data.embeds[0].footer).toEqual({ text: `Answered by shard ${shard} (4 shards)` });
    }
    const dm = await standIn.messageCreate({ content: "who said anything?", dm: true });
    await standIn.waitForRequest((r) => r.method === "POST" && r.path.endsWith(`/channels/${dm.channel_id}/messages`), 10_000);

    // Worker threads, not processes: the bot started no child process, and its one client has the 4 shards.
    expect(await statsLine(bot)).toMatchObject({ shards: 4, pid: bot.child.pid });
    expect(childProcesses(bot.child.pid!).filter((name) => name === "node")).toEqual([]);

    bot.kill("SIGTERM");
    expect(await bot.exit(20_000)).toEqual({ code: 0, signal: null });
    expect(bot.stderr).toMatch(/\[WS => Shard 3\]/); // debug lines from the workers reached the log…
    expect(bot.stderr).not.toContain(TOKEN); // …and none of them, nor anything else, holds the token
    expect(bot.stderr).not.toContain(TOKEN.split(".")[0]);
  });
});

describe("SHARDS=auto", { timeout: 60_000 }, () => {
  it("runs as many shards as Discord recommends, asked through DISCORD_API_BASE", async () => {
    standIn = await DiscordStandIn.start({ token: TOKEN, shards: 3, maxConcurrency: 3 });
    const bot = runTs("src/main.ts", {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      SHARDS: "auto",
      LOG_LEVEL: "info",
    });
    try {
      await bot.waitForStderr(/^Logged in as /m, 45_000);
      expect(bot.stderr).toMatch(/^Starting 3 shards \(Discord's recommendation; Discord recommends 3\) in 1 worker thread, 3 identifying at a time\.$/m);
      expect(standIn.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
      ]);
    } finally {
      bot.kill("SIGKILL");
      await bot.exited;
    }
  });
});

/** Names of a process' direct children (Linux /proc; esbuild, which tsx runs, may be among them). */
function childProcesses(pid: number): string[] {
  const names: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === pid) names.push(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
    } catch {
      // the process ended meanwhile
    }
  }
  return names;
}

/** One `stats {…}` line, asked for with SIGUSR2. */
async function statsLine(run: ChildRun): Promise<Record<string, number>> {
  const from = run.stderr.length;
  run.child.kill("SIGUSR2");
  const deadline = Date.now() + 10_000;
  for (;;) {
    const m = /stats (\{.*\})$/m.exec(run.stderr.slice(from));
    if (m) return JSON.parse(m[1]!) as Record<string, number>;
    if (Date.now() > deadline) throw new Error(`no stats line:\n${run.stderr.slice(from)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
