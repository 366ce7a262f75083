// Starting and deploying as a bot owner would, and every way that can fail: a rejected token, an
// unreachable API, missing ids. Each failure is one clear line on stderr, a non-zero exit, no stack
// trace and never the token.
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandPayload } from "../src/bot/deploy.js";
import { ROOT, runTs, type ChildRun } from "./support/bot-process.js";
import { DiscordStandIn, type Json } from "./support/discord-standin.js";

const TOKEN = "fake-token.for-the-stand-in.never-real";
const WRONG_TOKEN = "wrong-token.that-discord-will-refuse.xyz";
const KNOWLEDGE_DIR = join(ROOT, "knowledge");

let standIn: DiscordStandIn;

beforeEach(async () => {
  standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500, token: TOKEN });
});

afterEach(async () => {
  await standIn.stop();
  expect(standIn.internalErrors).toEqual([]);
});

/**
 * Runs to completion and checks the shape every failure must have: one `error:` line and no other
 * warning or error (the start-up info line about indexing may come first), no stack, no secret.
 */
async function failsWithOneLine(run: ChildRun, secret: string): Promise<string> {
  const exit = await run.exit(20_000);
  expect(exit.code).not.toBe(0);
  expect(exit.code).not.toBeNull();
  const lines = run.stderr
    .trim()
    .split("\n")
    .filter((l) => !/^Indexed \d+ documents in /.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(run.stdout + run.stderr).not.toContain(secret);
  return lines[0]!;
}

const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe("starting the bot", { timeout: 30_000 }, () => {
  it("a token Discord rejects (401 on /gateway/bot): one clear line, exit 1, token never shown", async () => {
    const run = runTs("src/main.ts", { DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_BASE: standIn.apiBase, KNOWLEDGE_DIR });
    const line = await failsWithOneLine(run, WRONG_TOKEN);
    expect(line).toBe(
      "error: Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and put the new one in .env.",
    );
    expect(standIn.requests.find((r) => r.path === "/api/v10/gateway/bot")?.status).toBe(401);
    expect(standIn.identifies).toHaveLength(0);
  });

  it("the fatal line is shown even with LOG_LEVEL=warn, and is then the only output", async () => {
    const run = runTs("src/main.ts", { DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_BASE: standIn.apiBase, KNOWLEDGE_DIR, LOG_LEVEL: "warn" });
    expect((await run.exit(20_000)).code).toBe(1);
    expect(run.stderr).toBe(
      "error: Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and put the new one in .env.\n",
    );
    expect(run.stdout).toBe("");
  });

  it("an unreachable API (closed port): one clear line naming the address, exit 1", async () => {
    const apiBase = `http://127.0.0.1:${await closedPort()}/api`;
    const run = runTs("src/main.ts", { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiBase, KNOWLEDGE_DIR });
    const line = await failsWithOneLine(run, TOKEN);
    expect(line).toBe(`error: Cannot reach the Discord API at ${apiBase} (ECONNREFUSED): check the network connection and DISCORD_API_BASE.`);
  });
});

describe("npm run deploy-commands", { timeout: 30_000 }, () => {
  const deploy = (env: Record<string, string | undefined>): ChildRun => runTs("src/bot/deploy.ts", { DISCORD_API_BASE: standIn.apiBase, ...env });

  it("registers every command in the guild with one bulk PUT, idempotently, and says what it did", async () => {
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: standIn.applicationId, DISCORD_GUILD_ID: standIn.guildId };
    const first = deploy(env);
    expect(await first.exit(20_000)).toEqual({ code: 0, signal: null });
    expect(first.stdout.trim()).toBe(
      `Registered 14 commands in server ${standIn.guildId} (available now): /who-said, /when, /stance, /search, /sources, /check, /said, /timeline, /help, /reindex, /add, /remove, "Who said this?" (message menu), "Find sources" (message menu)`,
    );
    expect(first.stderr).toBe("");

    const puts = standIn.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ path: `/api/v10/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`, status: 200 });
    expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(commandPayload())));
    const ids = standIn.registeredCommands(standIn.guildId).map((c) => c.id);

    const again = deploy(env);
    expect((await again.exit(20_000)).code).toBe(0);
    expect(standIn.registeredCommands(standIn.guildId).map((c) => c.id)).toEqual(ids); // same commands, updated in place
    expect(standIn.registeredCommands()).toEqual([]); // nothing global
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    const run = deploy({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: standIn.applicationId });
    expect((await run.exit(20_000)).code).toBe(0);
    expect(run.stdout).toMatch(/^Registered 14 commands globally/);
    expect(standIn.registeredCommands().map((c) => c.name)).toEqual([
      "who-said",
      "when",
      "stance",
      "search",
      "sources",
      "check",
      "said",
      "timeline",
      "help",
      "reindex",
      "add",
      "remove",
      "Who said this?",
      "Find sources",
    ]);
  });

  it("needs DISCORD_CLIENT_ID and DISCORD_TOKEN, and says so in one line", async () => {
    const noId = await failsWithOneLine(deploy({ DISCORD_TOKEN: TOKEN }), TOKEN);
    expect(noId).toBe("error: deploy-commands needs DISCORD_CLIENT_ID (the application id): copy it from the Developer Portal into .env.");
    const nothing = await failsWithOneLine(deploy({}), TOKEN);
    expect(nothing).toMatch(/^error: deploy-commands needs DISCORD_TOKEN \(the bot token\) and DISCORD_CLIENT_ID/);
    expect(standIn.requests).toEqual([]);
  });

  it("a rejected token and a wrong guild are one clear line each", async () => {
    const bad = await failsWithOneLine(deploy({ DISCORD_TOKEN: WRONG_TOKEN, DISCORD_CLIENT_ID: standIn.applicationId }), WRONG_TOKEN);
    expect(bad).toMatch(/^error: Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    const guild = await failsWithOneLine(
      deploy({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: standIn.applicationId, DISCORD_GUILD_ID: "123456789012345678" }),
      TOKEN,
    );
    expect(guild).toMatch(/^error: Discord refused access to server 123456789012345678 for application \d+: check DISCORD_CLIENT_ID/);
  });
});

describe("the command definitions", () => {
  const byName = (name: string): Json => commandPayload().find((c) => c.name === name)!;

  it("answering commands work in servers, the bot's DMs and group DMs, for guild and user installs, with an optional private flag", () => {
    for (const name of ["who-said", "when", "stance", "search", "sources"]) {
      const c = byName(name);
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
      expect(c.default_member_permissions).toBeUndefined();
      expect(c.options.at(-1)).toMatchObject({ name: "private", type: 5 });
      expect(c.options.at(-1).required ?? false).toBe(false);
    }
    expect(byName("who-said").options[0]).toMatchObject({ name: "quote", type: 3, required: true, max_length: 500 });
    expect(byName("when").options[0]).toMatchObject({ name: "event", type: 3, required: true });
    expect(byName("search").options[0]).toMatchObject({ name: "query", type: 3, required: true });
    expect(byName("stance").options.slice(0, 2)).toMatchObject([
      { name: "actor", type: 3, required: true, autocomplete: true, max_length: 100 },
      { name: "topic", type: 3, required: false },
    ]);
  });

  it("/reindex is for members with Manage Server, in servers only", () => {
    expect(byName("reindex")).toMatchObject({ default_member_permissions: "32", contexts: [0], integration_types: [0] });
  });

  it("/add takes one required attachment and /remove an autocompleted name; both for Manage Server, in servers only", () => {
    for (const name of ["add", "remove"]) expect(byName(name)).toMatchObject({ default_member_permissions: "32", contexts: [0], integration_types: [0] });
    expect(byName("add").options).toEqual([expect.objectContaining({ name: "file", type: 11, required: true })]);
    expect(byName("remove").options).toEqual([expect.objectContaining({ name: "file", type: 3, required: true, autocomplete: true })]);
  });
});
