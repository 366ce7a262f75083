// The three ways to run the bot, side by side against their own Discord stand-ins: one gateway
// connection (`npm start`), two shards (`SHARDS=2 npm start`: their connections in worker threads
// of the one process) and the HTTP interactions endpoint (`npm run serve:http`). The same
// interactions must get the same answers from all three (the sharded /sources adds which shard
// answered). Then what sharding adds: one index for both shards, reloads and /reindex seen by
// both, a dropped shard resuming while the other answers; and what only the endpoint does:
// stateless "More".
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_MORE_NOTE } from "../src/bot/answers.js";
import { ROOT, runTs, type ChildRun } from "./support/bot-process.js";
import { DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { newKeyPair } from "./support/signing.js";
import { normalize, type WireAnswer } from "./support/soak-plan.js";

const TOKEN = "fake-token.for-the-stand-in.never-real";
const SOURCE_BASE_URL = "https://example.org/kb";
const EPHEMERAL = 64;

interface Target {
  name: string;
  standIn: DiscordStandIn;
  run: ChildRun;
  knowledge: string;
  cache: string;
  /** Guilds to spread guild interactions over (two shards for the sharded bot). */
  guilds: string[];
}

const targets: Target[] = [];
let single: Target;
let sharded: Target;
let http: Target;
let users = 0;

/** Two guild ids that Discord's rule ((id >> 22) % 2) puts on shards 0 and 1. */
function guildPair(): [string, string] {
  const base = BigInt(Date.now() - 1420070400000) << 22n;
  const [even, odd] = [0n, 1n].map((i) => ((((base >> 22n) & ~1n) + i) << 22n).toString());
  return [even!, odd!];
}

function folders(): { knowledge: string; cache: string } {
  const knowledge = mkdtempSync(join(tmpdir(), "modes-knowledge-"));
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  return { knowledge, cache: mkdtempSync(join(tmpdir(), "modes-cache-")) };
}

async function start(
  name: string,
  standInOpts: Parameters<typeof DiscordStandIn.start>[0],
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  guilds: (s: DiscordStandIn) => string[],
): Promise<Target> {
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 1000, ...standInOpts });
  const { knowledge, cache } = folders();
  const run = runTs(entry, { DISCORD_API_BASE: standIn.apiBase, KNOWLEDGE_DIR: knowledge, CACHE_DIR: cache, SOURCE_BASE_URL, LOG_LEVEL: "info", ...env });
  const target: Target = { name, standIn, run, knowledge, cache, guilds: guilds(standIn) };
  targets.push(target);
  await run.waitForStderr(ready, 40_000);
  return target;
}

function answered(t: Target, sent: SentInteraction, timeoutMs = 8000): Promise<RecordedRequest> {
  return t.standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, timeoutMs);
}

/** Each question from a new user, so the cooldown never interferes. */
function ctx(t: Target, i: number, dm = false): InteractionContext {
  return { userId: `${450000000000000000n + BigInt(++users)}`, ...(dm ? { dm } : { guildId: t.guilds[i % t.guilds.length] }) };
}

type Ask =
  | { kind: "command"; name: string; options?: Json[]; dm?: boolean; /** The member's permission bits (decimal). */ permissions?: string }
  | { kind: "autocomplete"; name: string; options: Json[]; dm?: boolean }
  /** Presses button `index` of the answer to `on` (or a literal custom_id), on a shared or private message. */
  | { kind: "press"; on?: Ask; index?: number; customId?: string; ephemeral: boolean; dm?: boolean };

const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
const bool = (name: string, value: boolean): Json => ({ name, type: 5, value });

async function ask(t: Target, a: Ask, i: number): Promise<{ answer: WireAnswer; sent: SentInteraction; callback: RecordedRequest }> {
  const c = { ...ctx(t, i, a.dm), ...(a.kind === "command" && a.permissions ? { permissions: a.permissions } : {}) };
  let sent: SentInteraction;
  if (a.kind === "command") sent = await t.standIn.chatInput(a.name, a.options ?? [], c);
  else if (a.kind === "autocomplete") sent = await t.standIn.autocomplete(a.name, a.options, c);
  else {
    let customId = a.customId;
    if (a.on) {
      const first = await ask(t, a.on, i);
      customId = (first.answer.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.custom_id))[a.index ?? 0];
    }
    sent = await t.standIn.button(customId!, { flags: a.ephemeral ? EPHEMERAL : 0, components: [] }, c);
  }
  const callback = await answered(t, sent);
  return { answer: normalize(callback.body), sent, callback };
}

const ASKS: Ask[] = [
  { kind: "command", name: "who-said", options: [str("quote", "groundless accusations")] },
  { kind: "command", name: "who-said", options: [str("quote", "groundless accusations"), bool("private", true)] },
  { kind: "command", name: "who-said", options: [str("quote", "purple elephants dancing")] },
  { kind: "command", name: "when", options: [str("event", "Huawei sacked an executive in Poland")] },
  { kind: "command", name: "when", options: [str("event", "Wang Yi branded western suspicions")], dm: true },
  { kind: "command", name: "stance", options: [str("actor", "Huawei"), str("topic", "EU toolbox")] },
  { kind: "command", name: "stance", options: [str("actor", "United States")] },
  { kind: "command", name: "search", options: [str("query", "Huawei")] },
  { kind: "command", name: "search", options: [str("query", "groundles accusatons")], dm: true },
  { kind: "command", name: "search", options: [str("query", "")] },
  { kind: "command", name: "help" },
  { kind: "command", name: "frobnicate" },
  { kind: "command", name: "reindex", dm: true },
  { kind: "autocomplete", name: "stance", options: [str("actor", "jul", true)] },
  { kind: "autocomplete", name: "stance", options: [str("actor", "", true)], dm: true },
  { kind: "press", on: { kind: "command", name: "search", options: [str("query", "Huawei")] }, index: 3, ephemeral: false },
  { kind: "press", on: { kind: "command", name: "search", options: [str("query", "Huawei"), bool("private", true)] }, index: 3, ephemeral: true },
  { kind: "press", on: { kind: "command", name: "who-said", options: [str("quote", "groundless accusations")] }, index: 0, ephemeral: false, dm: true },
  { kind: "press", customId: "vote:yes", ephemeral: false },
  { kind: "press", customId: "mork:3:AAAAAAAAAAAA", ephemeral: false },
  { kind: "command", name: "reindex" }, // a member without Manage Server: refused, whatever the command's defaults say
];

const keys = newKeyPair();
const MANAGE_SERVER = String(1 << 5);

beforeAll(async () => {
  const [even, odd] = guildPair();
  [single, sharded, http] = await Promise.all([
    start("single", { token: TOKEN }, "src/main.ts", { DISCORD_TOKEN: TOKEN }, /Logged in as /, (s) => [s.guildId]),
    start(
      "sharded",
      {
        token: TOKEN,
        shards: 2,
        maxConcurrency: 2,
        guilds: [
          { id: even, name: "Even" },
          { id: odd, name: "Odd" },
        ],
      },
      "src/main.ts",
      { DISCORD_TOKEN: TOKEN, SHARDS: "2" },
      /^Logged in as /m,
      () => [even, odd],
    ),
    start("http", {}, "src/http/main.ts", { DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: "0", HOST: "127.0.0.1" }, /Serving Discord interactions on /, (s) => [
      s.guildId,
    ]),
  ]);
  const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(http.run.stderr)![1];
  http.standIn.setInteractionsEndpoint({ url: `http://127.0.0.1:${port}/`, privateKey: keys.privateKey });
}, 60_000);

afterAll(async () => {
  for (const t of targets) {
    t.run.kill("SIGKILL");
    await t.run.exited;
    await t.standIn.stop();
    rmSync(t.knowledge, { recursive: true, force: true });
    rmSync(t.cache, { recursive: true, force: true });
  }
});

describe("one process, two shards and the HTTP endpoint", { timeout: 30_000 }, () => {
  it("give the same answer to every command, button and autocomplete", async () => {
    const answers: WireAnswer[] = [];
    for (const [i, a] of ASKS.entries()) {
      const [one, two, three] = await Promise.all([ask(single, a, i), ask(sharded, a, i), ask(http, a, i)]);
      const label = JSON.stringify(a);
      expect(two.answer, `sharded: ${label}`).toEqual(one.answer);
      expect(three.answer, `http: ${label}`).toEqual(one.answer);
      answers.push(one.answer);
    }
    // What was compared is the real thing, not three identical failures.
    expect(answers[0]!.embeds![0].title).toBe("Wang Yi — China’s foreign minister");
    expect(answers[1]).toMatchObject({ type: 4, flags: EPHEMERAL });
    expect(answers[3]!.embeds![0].title).toMatch(/January → January 2019$/);
    expect(answers[11]!.content).toContain("I don't know /frobnicate");
    expect(answers[13]!.type).toBe(8);
    expect(answers[13]!.choices!.map((c: Json) => c.name)).toContain("Julian King");
    expect(answers[15]!.embeds![0].title).toMatch(/^4\. /);
    expect(answers[16]).toMatchObject({ type: 7 });
    expect(answers[17]!.embeds![0].description).toContain("› 26 │");
    expect(answers.at(-1)).toMatchObject({ type: 4, flags: EPHEMERAL, content: "/reindex needs the Manage Server permission in this server." });
    expect(answers.filter((a) => a.type === 4 && a.flags === EPHEMERAL && /Something went wrong/.test(a.content ?? ""))).toEqual([]);
  });

  it("/sources is the same list everywhere; sharded, its footer names the shard that answered", async () => {
    const [one, even, odd, dm, three] = await Promise.all([
      ask(single, { kind: "command", name: "sources" }, 0),
      ask(sharded, { kind: "command", name: "sources" }, 0),
      ask(sharded, { kind: "command", name: "sources" }, 1),
      ask(sharded, { kind: "command", name: "sources", dm: true }, 0),
      ask(http, { kind: "command", name: "sources" }, 0),
    ]);
    expect(three.answer).toEqual(one.answer);
    expect(one.answer.embeds![0].footer).toBeUndefined();
    for (const [got, shard] of [
      [even, 0],
      [odd, 1],
      [dm, 0],
    ] as const) {
      const { footer, ...embed } = got.answer.embeds![0];
      expect(footer).toEqual({ text: `Answered by shard ${shard} (2 shards)` });
      expect({ ...got.answer, embeds: [embed] }).toEqual(one.answer);
    }
  });

  it("/reindex is deferred and completed by editing the answer, in every mode", async () => {
    for (const t of [single, sharded, http]) {
      const { answer, sent } = await ask(t, { kind: "command", name: "reindex", permissions: MANAGE_SERVER }, 1);
      expect(answer).toEqual({ type: 5, flags: EPHEMERAL });
      await t.standIn.waitForRequest(
        (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && t.standIn.interactionResponses(sent.id).includes(r) && r.status === 200,
        15_000,
      );
      expect(t.standIn.originalMessage(sent.id).content, t.name).toMatch(/^Reindexed \*\*5\*\* documents: 48 passages/);
    }
  });
});

describe("/timeline in every mode", { timeout: 120_000 }, () => {
  it("is deferred and completed with timeline.png attached (multipart through discord.js and through the HTTP endpoint's REST)", async () => {
    for (const t of [single, sharded, http]) {
      const { answer, sent } = await ask(t, { kind: "command", name: "timeline", options: [str("actor", "United States"), str("topic", "Huawei")] }, 1);
      expect(answer.type, t.name).toBe(5);
      const patch = await t.standIn.waitForRequest(
        (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && t.standIn.interactionResponses(sent.id).includes(r) && r.status === 200,
        60_000,
      );
      expect(
        patch.body.files.map((f: Json) => [f.filename, f.contentType]),
        t.name,
      ).toEqual([["timeline.png", "image/png"]]);
      const message = t.standIn.originalMessage(sent.id);
      expect(
        message.attachments.map((a: Json) => a.filename),
        t.name,
      ).toEqual(["timeline.png"]);
      expect(message.embeds[0].image.url, t.name).toBe("attachment://timeline.png");
    }
  });
});

describe("sharding", { timeout: 30_000 }, () => {
  it("one process indexes once and runs both shards' connections", () => {
    const log = sharded.run.stderr;
    expect(log.match(/^Indexed /gm)).toHaveLength(1);
    expect(log).toMatch(/^Indexed 5 documents in \d+ ms \(5 extracted, 0 from the cache\)\.$/m);
    expect(log).toMatch(/^Starting 2 shards \(SHARDS=2; Discord recommends 2\) in \d worker threads?, 2 identifying at a time\.$/m);
    // The shards reached the stand-in, so DISCORD_API_BASE (and the token) reached the worker threads.
    expect(sharded.standIn.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(new Set(sharded.standIn.identifies.map((i) => i.token))).toEqual(new Set([TOKEN]));
    expect(log.match(/No slash commands are registered yet/g)).toHaveLength(1);
    expect(log).not.toContain(TOKEN);
  });

  it("answers DMs (they arrive on shard 0)", async () => {
    const since = sharded.standIn.requests.length;
    const dm = await sharded.standIn.messageCreate({ content: "who said groundless accusations?", dm: true, userId: ctx(sharded, 0).userId });
    const post = await sharded.standIn.waitForRequest(
      (r) => sharded.standIn.requests.indexOf(r) >= since && r.method === "POST" && r.path === `/api/v10/channels/${dm.channel_id}/messages`,
    );
    expect(post.body.embeds[0].title).toBe("Wang Yi — China’s foreign minister");
  });

  it("a changed folder is re-extracted once, and both shards answer from it", async () => {
    writeFileSync(
      join(sharded.knowledge, "ferry.txt"),
      'date 2020-05-06  Ferry notes\n\nBob Sample, a ferry captain, said: "The tide tables are printed in purple ink."\n',
    );
    await sharded.run.waitForStderr(/^Reloaded .*: 6 documents, \d+ passages \(1 re-extracted, 0 removed\)\.$/m, 10_000);
    expect(sharded.run.stderr.match(/^Reloaded /gm)).toHaveLength(1);
    for (const i of [0, 1]) {
      const { answer } = await ask(sharded, { kind: "command", name: "who-said", options: [str("quote", "tide tables purple ink")] }, i);
      expect(answer.embeds![0].title).toBe("Bob Sample — ferry captain");
    }
  });

  it("/reindex on one shard serves both", async () => {
    writeFileSync(
      join(sharded.knowledge, "harbour.txt"),
      'date 2020-05-07  Harbour notes\n\nAnna Example, a harbour master, said: "Gulls steal the pilots\' sandwiches."\n',
    );
    const { sent } = await ask(sharded, { kind: "command", name: "reindex", permissions: MANAGE_SERVER }, 1);
    await sharded.standIn.waitForRequest((r) => r.method === "PATCH" && sharded.standIn.interactionResponses(sent.id).includes(r) && r.status === 200, 15_000);
    expect(sharded.standIn.originalMessage(sent.id).content).toMatch(/^Reindexed \*\*7\*\* documents/);
    for (const i of [0, 1]) {
      const { answer } = await ask(sharded, { kind: "command", name: "who-said", options: [str("quote", "gulls steal sandwiches")] }, i);
      expect(answer.embeds![0].title).toBe("Anna Example — harbour master");
    }
  });

  it("a shard whose connection drops resumes; the other answers meanwhile", async () => {
    const resumes = sharded.standIn.resumes.length;
    await sharded.standIn.dropGateway(1006, 1);
    const { answer } = await ask(sharded, { kind: "command", name: "who-said", options: [str("quote", "groundless accusations")] }, 0);
    expect(answer.embeds![0].title).toBe("Wang Yi — China’s foreign minister");
    await sharded.standIn.waitForResume(resumes + 1, 15_000);
    expect(sharded.standIn.resumes.at(-1)!.shard).toBe(1);
    const again = await ask(sharded, { kind: "command", name: "who-said", options: [str("quote", "groundless accusations")] }, 1);
    expect(again.answer.embeds![0].title).toBe("Wang Yi — China’s foreign minister");
  });

  it("SIGTERM disconnects every shard cleanly and exits 0", async () => {
    sharded.run.kill("SIGTERM");
    expect(await sharded.run.exit(20_000)).toEqual({ code: 0, signal: null });
    expect(sharded.run.stderr).toMatch(/^SIGTERM received: disconnecting from Discord$/m);
  });
});

describe("the HTTP endpoint", { timeout: 30_000 }, () => {
  it("passes the Developer Portal's URL check and reports its documents on /healthz", async () => {
    const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(http.run.stderr)![0];
    expect(await http.standIn.verifyInteractionsEndpoint({ url, privateKey: keys.privateKey })).toEqual([]);
    expect(await http.standIn.verifyInteractionsEndpoint({ url, privateKey: newKeyPair().privateKey })).toEqual([
      expect.stringMatching(/^a signed PING got 401/), // signed with a key that is not the application's
    ]);
    const health = await fetch(`${url}healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", documents: 5, passages: 48 });
  });

  it("keeps no state: a question too long for a More button says so instead of offering one that could expire", async () => {
    const long = "Huawei 5G security ".repeat(6).trim();
    const search: Ask = { kind: "command", name: "search", options: [str("query", long)] };
    const [gateway, endpoint] = await Promise.all([ask(single, search, 0), ask(http, search, 0)]);
    const ids = (a: WireAnswer): string[] => (a.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.custom_id));
    expect(ids(gateway.answer).at(-1)).toMatch(/^mork:3:/);
    expect(ids(endpoint.answer).some((id) => id.startsWith("mork") || id.startsWith("more"))).toBe(false);
    expect(endpoint.answer.content).toBe(NO_MORE_NOTE);
    expect(endpoint.answer.embeds).toEqual(gateway.answer.embeds);
  });

  it("never logs an interaction token", () => {
    for (const t of [single, http]) expect(t.run.stderr).not.toMatch(/aW50ZXJhY3Rpb246/);
  });
});
