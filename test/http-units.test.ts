// The HTTP interactions endpoint's parts, in process: Ed25519 verification with node:crypto, the
// body cap, every refusal the server makes (401, 413, 400, 404, 405), the interaction parser, the
// callback bodies, and the deferred follow-up. The process itself (`npm run serve:http`) is run
// against the stand-in in modes.test.ts and soak.test.ts.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineHolder } from "../src/runtime/holder.js";
import { Answers } from "../src/bot/answers.js";
import type { BotContext } from "../src/bot/command.js";
import { Cooldown } from "../src/bot/cooldown.js";
import { CommandOptions } from "../src/bot/options.js";
import { commandMap } from "../src/bot/registry.js";
import { callbackBody, editBody } from "../src/http/callback.js";
import { createEndpoint, UNSUPPORTED } from "../src/http/endpoint.js";
import { parseInteraction } from "../src/http/interaction.js";
import { createInteractionsServer, MAX_BODY_BYTES, type InteractionsServer } from "../src/http/server.js";
import { MAX_SIGNATURE_AGE_S, publicKeyFromHex, verifyRequest } from "../src/http/verify.js";
import { createLogger } from "../src/log.js";
import { ROOT, runTs } from "./support/bot-process.js";
import { newKeyPair, signBody, signedPost } from "./support/signing.js";

const keys = newKeyPair();
const key = publicKeyFromHex(keys.publicKeyHex);
const now = (): string => String(Math.floor(Date.now() / 1000));

describe("signature verification", () => {
  const body = Buffer.from('{"type":1}');

  it("accepts Discord's signature over timestamp + raw body, with the raw 32-byte key imported as SPKI", () => {
    const ts = now();
    expect(verifyRequest(key, signBody(keys.privateKey, ts, body), ts, body)).toEqual({ ok: true });
    expect(() => publicKeyFromHex("zz")).toThrow(/64 hex/);
  });

  it("refuses a missing, malformed or wrong signature", () => {
    const ts = now();
    const sig = signBody(keys.privateKey, ts, body);
    expect(verifyRequest(key, undefined, ts, body)).toEqual({ ok: false, reason: "missing signature" });
    expect(verifyRequest(key, sig, undefined, body)).toEqual({ ok: false, reason: "missing signature" });
    expect(verifyRequest(key, "nothex".repeat(20), ts, body)).toEqual({ ok: false, reason: "malformed signature" });
    expect(verifyRequest(key, sig.slice(2), ts, body)).toEqual({ ok: false, reason: "malformed signature" });
    expect(verifyRequest(key, sig, "12x", body)).toEqual({ ok: false, reason: "malformed signature" });
    // The same signature over other bytes, another timestamp, or from another key.
    expect(verifyRequest(key, sig, ts, Buffer.from('{"type":1} '))).toEqual({ ok: false, reason: "bad signature" });
    expect(verifyRequest(key, sig, String(Number(ts) + 1), body)).toEqual({ ok: false, reason: "bad signature" });
    expect(verifyRequest(key, signBody(newKeyPair().privateKey, ts, body), ts, body)).toEqual({ ok: false, reason: "bad signature" });
  });

  it("refuses a validly signed request older (or newer) than five minutes: a replay", () => {
    const at = (offset: number): string => String(Math.floor(Date.now() / 1000) + offset);
    for (const [offset, ok] of [
      [-(MAX_SIGNATURE_AGE_S - 5), true],
      [-(MAX_SIGNATURE_AGE_S + 5), false],
      [MAX_SIGNATURE_AGE_S + 5, false],
    ] as const) {
      const ts = at(offset);
      expect(verifyRequest(key, signBody(keys.privateKey, ts, body), ts, body)).toEqual(ok ? { ok: true } : { ok: false, reason: "stale timestamp" });
    }
  });
});

describe("parsing interactions", () => {
  const base = { id: "1", token: "tok", application_id: "2" };

  it("reads commands, autocomplete and buttons; the user from member.user in servers and user in DMs", () => {
    expect(parseInteraction({ ...base, type: 1 })).toEqual({ id: "1", token: "tok", applicationId: "2", type: 1, incoming: null });
    const command = parseInteraction({
      ...base,
      type: 2,
      guild_id: "9",
      member: { user: { id: "7" } },
      data: { type: 1, name: "who-said", options: [{ name: "quote", type: 3, value: "x" }] },
    });
    expect(command?.incoming).toMatchObject({ kind: "command", name: "who-said", userId: "7", guildId: "9" });
    expect(command?.incoming?.kind === "command" && command.incoming.options.string("quote")).toBe("x");
    expect(
      parseInteraction({
        ...base,
        type: 4,
        user: { id: "8" },
        data: { type: 1, name: "stance", options: [{ name: "actor", type: 3, value: "hu", focused: true }] },
      })?.incoming,
    ).toMatchObject({
      kind: "autocomplete",
      userId: "8",
      guildId: null,
    });
    expect(
      parseInteraction({ ...base, type: 3, user: { id: "8" }, message: { flags: 64 }, data: { component_type: 2, custom_id: 'more:3:["o"]' } })?.incoming,
    ).toEqual({
      kind: "button",
      customId: 'more:3:["o"]',
      messageEphemeral: true,
      userId: "8",
      guildId: null,
      memberPermissions: null,
    });
    expect(command?.incoming?.memberPermissions).toBeNull(); // none sent
    const withPerms = parseInteraction({
      ...base,
      type: 2,
      guild_id: "9",
      member: { user: { id: "7" }, permissions: "2147483679" },
      data: { type: 1, name: "sources" },
    });
    expect(withPerms?.incoming?.memberPermissions).toBe(2147483679n);
  });

  it("has no input for kinds the bot does not handle, and nothing for what is not an interaction", () => {
    for (const other of [
      { type: 2, data: { type: 2, name: "User menu" } }, // a user context-menu command
      { type: 3, data: { component_type: 3, custom_id: "select" } }, // a select menu
      { type: 5, data: { custom_id: "modal" } }, // a modal submit
      { type: 42 },
    ]) {
      expect(parseInteraction({ ...base, ...other })).toMatchObject({ incoming: null });
    }
    for (const bad of [null, [], "x", { type: 1 }, { ...base, type: "1" }, { ...base, id: "", type: 1 }, { ...base, token: 5, type: 1 }])
      expect(parseInteraction(bad)).toBeNull();
  });
});

describe("callback bodies", () => {
  const m = { content: "hi", embeds: [], components: [] };
  it("are the callback types Discord expects, with mentions disabled", () => {
    expect(callbackBody({ type: "message", message: m, ephemeral: true })).toEqual({
      type: 4,
      data: { content: "hi", embeds: [], components: [], allowed_mentions: { parse: [], replied_user: false }, flags: 64 },
    });
    expect(callbackBody({ type: "message", message: { embeds: [], components: [] }, ephemeral: false })).toEqual({
      type: 4,
      data: { embeds: [], components: [], allowed_mentions: { parse: [], replied_user: false } },
    });
    expect(callbackBody({ type: "update", message: { embeds: [], components: [] } })).toMatchObject({ type: 7, data: { content: "" } });
    expect(callbackBody({ type: "choices", choices: [{ name: "a", value: "a" }] })).toEqual({ type: 8, data: { choices: [{ name: "a", value: "a" }] } });
    expect(callbackBody({ type: "deferred", ephemeral: true, work: async () => m })).toEqual({ type: 5, data: { flags: 64 } });
    expect(editBody(m)).toEqual({ content: "hi", embeds: [], components: [], allowed_mentions: { parse: [], replied_user: false } });
  });
});

describe("the endpoint server", () => {
  const holder = new EngineHolder(join(ROOT, "knowledge"));
  const patches: Array<{ route: string; options: unknown }> = [];
  const posts: Array<{ route: string; options: unknown }> = [];
  let failPatch = false;
  const rest = {
    post: async (route: string, options: unknown) => {
      posts.push({ route, options });
      return {};
    },
    patch: async (route: string, options: unknown) => {
      if (failPatch) throw new Error(`PATCH ${route} failed`);
      patches.push({ route, options });
      return {};
    },
  } as unknown as REST;
  const logged: string[] = [];
  const bot: BotContext = {
    holder: { current: holder.current, root: holder.root, reindex: () => holder.reindex() },
    answers: new Answers(holder, { store: null }),
    cooldown: new Cooldown({ disabled: true }),
    log: createLogger("debug", (l) => logged.push(l)),
  };
  let endpoint: InteractionsServer;
  let url: string;
  const answered: unknown[] = [];

  beforeAll(async () => {
    const answer = createEndpoint(bot, commandMap(), rest);
    endpoint = createInteractionsServer({
      publicKey: key,
      answer: (json) => {
        answered.push(json);
        return answer(json);
      },
      health: () => ({ documents: holder.current.corpus.documents.length }),
      log: bot.log,
    });
    await new Promise<void>((r) => endpoint.server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    endpoint.server.closeAllConnections();
    await new Promise((r) => endpoint.server.close(r));
  });

  const post = (body: string, opts: Parameters<typeof signedPost>[2] = {}, path = "/") =>
    signedPost({ url: `${url}${path}`, privateKey: keys.privateKey }, body, opts);
  // A fresh snowflake each time, created now, as Discord's ids are: the endpoint refuses an id it
  // has answered (409), and defers one whose creation time is already too long ago.
  let seq = 0n;
  const freshId = (agoMs = 0): string => String(((BigInt(Date.now() - agoMs) - 1420070400000n) << 22n) + seq++);
  const interaction = (extra: object, agoMs = 0): string =>
    JSON.stringify({ id: freshId(agoMs), token: "secret-interaction-token", application_id: "200", user: { id: "300" }, ...extra });
  const search = (query: string, extra: object[] = []): object => ({
    type: 2,
    data: { type: 1, name: "search", options: [{ name: "query", type: 3, value: query }, ...extra] },
  });

  it("answers PING with PONG at / and /interactions, and reports its health", async () => {
    for (const path of ["/", "/interactions", "/?x=1"])
      expect(await post(interaction({ type: 1 }), {}, path)).toMatchObject({ status: 200, json: { type: 1 } });
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok", documents: 5 }]);
  });

  it("answers a command with the callback JSON of the shared handler", async () => {
    const res = await post(
      interaction({ type: 2, data: { type: 1, name: "who-said", options: [{ name: "quote", type: 3, value: "groundless accusations" }] } }),
    );
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    const expected = callbackBody(
      await commandMap()
        .get("who-said")!
        .run(
          {
            kind: "command",
            name: "who-said",
            options: new CommandOptions([{ name: "quote", value: "groundless accusations" }]),
            userId: "300",
            guildId: null,
          },
          bot,
        ),
    );
    expect(res.json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(res.json.data.embeds[0].title).toBe("Wang Yi — China’s foreign minister");
  });

  it("says clearly when it cannot handle a kind of interaction", async () => {
    const res = await post(interaction({ type: 5, data: { custom_id: "modal" } }));
    expect(res.json).toMatchObject({ type: 4, data: { content: UNSUPPORTED, flags: 64 } });
  });

  it("defers /reindex (type 5), then completes it by PATCHing @original with the interaction's token; a failed PATCH is logged without the token", async () => {
    const res = await post(interaction({ type: 2, guild_id: "9", member: { user: { id: "300" }, permissions: "32" }, data: { type: 1, name: "reindex" } }));
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
    await endpoint.drain();
    expect(patches).toHaveLength(1);
    expect(patches[0]!.route).toBe("/webhooks/200/secret-interaction-token/messages/@original");
    expect(patches[0]!.options).toMatchObject({
      auth: false,
      body: { content: expect.stringMatching(/^Reindexed \*\*5\*\* documents/), embeds: [], components: [] },
    });

    failPatch = true;
    await post(interaction({ type: 2, guild_id: "9", member: { user: { id: "300" }, permissions: "32" }, data: { type: 1, name: "reindex" } }));
    await endpoint.drain();
    failPatch = false;
    expect(logged.join("\n")).toMatch(/completing interaction \d+ failed: Error: PATCH \/webhooks\/200\/\[token\]\/messages\/@original failed/);
    expect(logged.join("\n")).not.toContain("secret-interaction-token");
  });

  it("refuses unsigned (401), forged (401), stale (401), malformed (400) and oversized (413) requests without answering them", async () => {
    const before = answered.length;
    const ping = interaction({ type: 1 });
    const stale = String(Math.floor(Date.now() / 1000) - 10 * 60);
    expect((await post(ping, { unsigned: true })).status).toBe(401);
    expect((await post(ping, { tamper: true })).status).toBe(401);
    expect((await post(ping, { signature: signBody(newKeyPair().privateKey, now(), ping) })).status).toBe(401);
    expect((await post(ping, { timestamp: stale })).status).toBe(401);
    expect((await post(ping, { headers: { "x-signature-timestamp": "1" } })).status).toBe(401); // signature for another timestamp
    expect(await post("{not json")).toMatchObject({ status: 400, json: { error: "malformed JSON" } });
    expect(await post(JSON.stringify({ hello: "world" }))).toMatchObject({ status: 400, json: { error: "not an interaction" } });
    expect(await post(JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) }))).toMatchObject({ status: 413, json: { error: "request body too large" } });
    expect(answered.length - before).toBe(1); // only the signed non-interaction reached the handler
    expect(endpoint.refusals).toMatchObject({ unsigned: 1, forged: 3, stale: 1, tooLarge: 1 });
  });

  it("stops reading a body with no declared length at the cap", async () => {
    const before = answered.length;
    const huge = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 64; i++) c.enqueue(new Uint8Array(16 * 1024).fill(32));
        c.close();
      },
    });
    // The server answers 413 and closes the connection while the client may still be sending, so
    // the client sees either the 413 or the connection cut; never an answer.
    const status = await fetch(`${url}/`, { method: "POST", body: huge, duplex: "half" } as RequestInit).then(
      (r) => r.status,
      () => "cut",
    );
    expect([413, "cut"]).toContain(status);
    expect(answered.length).toBe(before);
    expect(endpoint.refusals.tooLarge).toBe(2);
  });

  it("/reindex checks the member's Manage Server bit itself: without it (or without any permissions) it is refused and nothing is rebuilt", async () => {
    patches.length = 0;
    const as = (permissions?: string): object => ({
      type: 2,
      guild_id: "9",
      member: { user: { id: "300" }, ...(permissions ? { permissions } : {}) },
      data: { type: 1, name: "reindex" },
    });
    for (const permissions of [undefined, "0", String((1 << 10) | (1 << 11) | (1 << 31)), "not-a-number"]) {
      const res = await post(interaction(as(permissions)));
      expect(res.json).toMatchObject({ type: 4, data: { content: "/reindex needs the Manage Server permission in this server.", flags: 64 } });
    }
    await endpoint.drain();
    expect(patches).toEqual([]);
    // Administrator implies every permission.
    expect((await post(interaction(as(String(1 << 3))))).json).toEqual({ type: 5, data: { flags: 64 } });
    await endpoint.drain();
  });

  it("answers a signed request only once: the same interaction again, within its five minutes, is refused with 409", async () => {
    const before = answered.length;
    const body = interaction(search("Huawei"));
    expect((await post(body)).status).toBe(200);
    expect(await post(body)).toMatchObject({ status: 409, json: { error: "interaction already answered" } });
    expect(await post(body, {}, "/interactions")).toMatchObject({ status: 409 });
    expect(answered.length - before).toBe(1);
    expect(endpoint.refusals.replayed).toBe(2);
    expect(endpoint.answeredIds).toBeGreaterThan(0);
    // A PING may come again: it is never refused as a replay.
    const ping = interaction({ type: 1 });
    for (let i = 0; i < 2; i++) expect((await post(ping)).status).toBe(200);
  });

  it("an interaction created too long ago for the answer to be sure of the window is deferred, then completed with the same answer", async () => {
    patches.length = 0;
    posts.length = 0;
    const onTime = await post(interaction(search("Huawei")));
    expect(onTime.json.type).toBe(4);
    const late = await post(interaction(search("Huawei"), 2000));
    expect(late.json).toEqual({ type: 5, data: {} });
    const priv = await post(interaction(search("Huawei", [{ name: "private", type: 5, value: true }]), 2000));
    expect(priv.json).toEqual({ type: 5, data: { flags: 64 } });
    // "More" on a private answer edits it in place: a silent deferred update; an expired one gets a private follow-up.
    const more = onTime.json.data.components[0].components.at(-1).custom_id as string;
    const button = (customId: string): object => ({ type: 3, data: { custom_id: customId, component_type: 2 }, message: { id: "5", flags: 64 } });
    expect((await post(interaction(button(more), 2000))).json).toEqual({ type: 6 });
    expect((await post(interaction(button("mork:3:AAAAAAAAAAAA"), 2000))).json).toEqual({ type: 6 });
    await endpoint.drain();

    const { content: _, ...answer } = onTime.json.data as Record<string, unknown>;
    expect(patches.map((p) => p.route)).toEqual(Array(3).fill("/webhooks/200/secret-interaction-token/messages/@original"));
    expect((patches[0]!.options as { body: unknown }).body).toEqual({ ...answer, content: "" });
    expect((patches[1]!.options as { body: unknown }).body).toEqual({ ...answer, content: "" }); // the placeholder was already private
    expect((patches[2]!.options as { body: { embeds: Array<{ title: string }> } }).body.embeds[0]!.title).toMatch(/^4\. /);
    expect(posts).toEqual([
      {
        route: "/webhooks/200/secret-interaction-token",
        options: { auth: false, body: expect.objectContaining({ flags: 64, content: expect.stringContaining('"More" button has expired') }) },
      },
    ]);
  });

  it("404 for other paths, 405 for other methods", async () => {
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const get = await fetch(`${url}/`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await fetch(`${url}/healthz`, { method: "POST" })).status).toBe(405);
  });
});

describe("npm run serve:http", { timeout: 30_000 }, () => {
  it("needs DISCORD_PUBLIC_KEY, and says so in one line, in the configuration errors' format, before indexing anything", async () => {
    const cache = mkdtempSync(join(tmpdir(), "http-cache-"));
    const run = runTs("src/http/main.ts", { KNOWLEDGE_DIR: join(ROOT, "knowledge"), CACHE_DIR: cache, LOG_LEVEL: "debug" });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe(
      "configuration error: DISCORD_PUBLIC_KEY: MODE=http needs DISCORD_PUBLIC_KEY: copy the Public Key from your application's General Information page in the Developer Portal into .env\n",
    );
    expect(readdirSync(cache)).toEqual([]); // nothing was indexed (or cached)
    rmSync(cache, { recursive: true, force: true });
    // Every configuration error has that one form: a missing folder too.
    const noFolder = runTs("src/main.ts", { KNOWLEDGE_DIR: join(ROOT, "no-such-folder"), LOG_LEVEL: "debug" });
    expect((await noFolder.exit(20_000)).code).toBe(1);
    expect(noFolder.stderr).toBe(`configuration error: KNOWLEDGE_DIR: knowledge folder not found: ${join(ROOT, "no-such-folder")}\n`);
  });

  it("a port in use is one clear line", async () => {
    const blocker = createNetServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as AddressInfo).port;
    const run = runTs("src/http/main.ts", {
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe(`error: cannot listen on 127.0.0.1:${port}: the port is in use. Set PORT (and HOST) in .env.\n`);
    blocker.close();
  });

  it("MODE must be gateway or http", async () => {
    const run = runTs("src/main.ts", { KNOWLEDGE_DIR: join(ROOT, "knowledge"), MODE: "websocket" });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe("configuration error: MODE: MODE must be gateway or http\n");
  });
});
