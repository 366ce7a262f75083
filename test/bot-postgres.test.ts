// The bot on PostgreSQL (STORE=postgres) against the Discord stand-in, with the store on PGlite (no
// service): answers, autocomplete, "Show source", DMs, /add and /remove all go through the store.
// The bot runs in this process (PGlite cannot be shared with a child), its indexer too. Starting on
// a store already indexed from the folder, answering and autocompleting build no search index.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBot } from "../src/bot/client.js";
import { loadConfig } from "../src/config.js";
import { SearchIndex } from "../src/index/search-index.js";
import { createLogger } from "../src/log.js";
import { indexFolder, openPostgresHolder, type PostgresHolder } from "../src/runtime/postgres.js";
import type { Db } from "../src/store/postgres/db.js";
import { DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { STANDIN_TOKEN } from "./support/standin-bot.js";

// PGlite starts a WebAssembly PostgreSQL: generous limits, so nothing depends on the machine's speed.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

const EPHEMERAL = 64;
const MANAGE_SERVER = String(1 << 5);

let knowledge: string;
let db: Db;
let opened: PostgresHolder;
let standIn: DiscordStandIn;
let stopped: Promise<number>;
const logged: string[] = [];
let builds: ReturnType<typeof vi.spyOn>[] = [];
let users = 0;
const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${430000000000000000n + BigInt(++users)}`, ...extra });
const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
const buttonIds = (data: Json): string[] => (data.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.custom_id));
const built = (): number => builds.reduce((n, spy) => n + spy.mock.calls.length, 0);

function answered(sent: SentInteraction, timeoutMs = 30_000): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, timeoutMs);
}

async function command(name: string, options: Json[] = [], ctx: InteractionContext = asUser()): Promise<{ sent: SentInteraction; data: Json }> {
  const sent = await standIn.chatInput(name, options, ctx);
  return { sent, data: (await answered(sent)).body.data };
}

/** The final text of a deferred answer (/add, /remove). */
async function deferred(sent: SentInteraction): Promise<string> {
  const first = await answered(sent);
  expect(first.body.type).toBe(5);
  await standIn.waitForRequest(
    (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && standIn.interactionResponses(sent.id).includes(r),
    60_000,
  );
  return standIn.originalMessage(sent.id).content;
}

async function choices(name: string, option: string, typed: string): Promise<string[]> {
  const sent = await standIn.autocomplete(name, [str(option, typed, true)], asUser());
  const callback = await answered(sent);
  expect(callback.body.type).toBe(8);
  return callback.body.data.choices.map((c: Json) => c.name);
}

beforeAll(async () => {
  knowledge = mkdtempSync(join(tmpdir(), "bot-postgres-"));
  mkdirSync(join(knowledge, "notes"));
  writeFileSync(
    join(knowledge, "notes/orchard.txt"),
    'date 2022-05-10  Orchard notes\n\nThe growers met on Monday.\n\nJosé Núñez, the orchard keeper, said: "The pears ripen before the apples this year."\n',
  );
  writeFileSync(join(knowledge, "quarry.txt"), 'date 2021-11-02  Quarry closes\n\n"The quarry will close in spring," said Mara Holt, the site manager.\n');
  db = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
  // As `npm run index` would have done before the bot starts.
  await indexFolder(db, knowledge, { cacheDir: null, onWarning: () => {} });
  builds = [vi.spyOn(SearchIndex, "build"), vi.spyOn(SearchIndex, "buildAsync"), vi.spyOn(SearchIndex, "fromStored")];
  opened = await openPostgresHolder(db, knowledge, { cacheDir: null, onWarning: () => {} });
  standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500, token: STANDIN_TOKEN });
  const config = loadConfig({
    DISCORD_TOKEN: STANDIN_TOKEN,
    DISCORD_API_BASE: standIn.apiBase,
    KNOWLEDGE_DIR: knowledge,
    STORE: "postgres",
    DATABASE_URL: "postgres://bot@localhost/unused",
    COOLDOWN: "off",
  });
  stopped = startBot({ config, holder: opened.holder, log: createLogger("info", (l) => logged.push(l)) });
  for (let i = 0; i < 1500 && !logged.some((l) => l.startsWith("Logged in as")); i++) await new Promise((r) => setTimeout(r, 20));
  expect(logged.join("\n")).toMatch(/Logged in as .*, serving 2 documents/);
});

afterAll(async () => {
  // A fatal close code stops the bot the way Discord would (it resolves with exit code 1).
  if (standIn) {
    await standIn.dropGateway(4004).catch(() => undefined);
    await stopped;
    await standIn.stop();
  }
  await opened?.close();
  vi.restoreAllMocks();
  rmSync(knowledge, { recursive: true, force: true });
});

describe("the bot on PostgreSQL (PGlite) against the Discord stand-in", () => {
  it("started on a store already indexed from the folder without reading it again", () => {
    expect(opened.holder.lastReport).toMatchObject({ indexed: false, documents: 2 });
    expect(built()).toBe(0);
  });

  it("answers /who-said from the store, with a Show source button that shows the cited line", async () => {
    const asked = await command("who-said", [str("quote", "the pears ripen before the apples")]);
    expect(asked.data.embeds[0].title).toContain("José Núñez");
    const [source] = buttonIds(asked.data);
    expect(source).toMatch(/^src:0:5:5:[0-9a-f]{8}:notes\/orchard\.txt$/);
    const shown = (await answered(await standIn.button(source!, standIn.originalMessage(asked.sent.id), asUser()))).body.data;
    expect(shown.flags).toBe(EPHEMERAL);
    expect(shown.embeds[0].title).toBe("notes/orchard.txt · line 5");
    expect(shown.embeds[0].description).toContain('› 5 │ José Núñez, the orchard keeper, said: "The pears ripen');
    expect((await command("who-said", [str("quote", "the lighthouse glows green at midnight")])).data.embeds?.[0]?.title ?? "").not.toContain("said");
    expect(built()).toBe(0);
  });

  it("autocompletes actors and speakers from the store, accents and case aside, and offers nothing for an unknown name", async () => {
    expect(await choices("stance", "actor", "nunez")).toContain("José Núñez");
    expect(await choices("said", "speaker", "HOLT")).toEqual(["Mara Holt"]);
    expect(await choices("stance", "actor", "zzzz")).toEqual([]);
    expect(built()).toBe(0);
  });

  it("answers a plain question in a DM", async () => {
    const since = standIn.requests.length;
    const sent = await standIn.messageCreate({ content: "who said the quarry will close in spring?", dm: true, userId: asUser().userId });
    const post = await standIn.waitForRequest(
      (r) => standIn.requests.indexOf(r) >= since && r.method === "POST" && r.path === `/api/v10/channels/${sent.channel_id}/messages`,
      30_000,
    );
    expect(post.body.embeds[0].title).toContain("Mara Holt");
    expect(built()).toBe(0);
  });

  it("/add writes the file, replaces the store's contents, and answers from it; /remove takes it out again", async () => {
    const manager = asUser({ permissions: MANAGE_SERVER });
    const file = standIn.attach(
      "ferry-note.txt",
      new TextEncoder().encode('date 2023-01-09  Ferry note\n\n"The night ferry leaves at nine sharp," said Ola Brekke, the harbour clerk.\n'),
    );
    const addedText = await deferred(
      await standIn.chatInput("add", [{ name: "file", type: 11, value: file.id }], manager, { attachments: { [file.id]: file } }),
    );
    expect(addedText).toMatch(/^Added `added\/ferry-note\.txt`: \*\*Ferry note\*\* \(9 January 2023\), 1 passage\.$/);
    expect((await command("who-said", [str("quote", "the night ferry leaves at nine")])).data.embeds[0].title).toContain("Ola Brekke");
    expect(await choices("remove", "file", "ferry")).toEqual(["added/ferry-note.txt"]);

    const removedText = await deferred(await standIn.chatInput("remove", [str("file", "added/ferry-note.txt")], manager));
    expect(removedText).toBe("Removed `added/ferry-note.txt`; it no longer answers questions.");
    expect((await command("who-said", [str("quote", "the night ferry leaves at nine")])).data.embeds?.[0]?.title ?? "").not.toContain("Ola Brekke");
    expect(await choices("said", "speaker", "brekke")).toEqual([]);
  });
});
