// The real bot (`npm start`'s entry point, as a child process) against the local Discord stand-in:
// what it sends for every command, button, autocomplete, DM and mention, and that it stays up
// through rate limits, server errors and gateway drops. One bot serves the whole file; each test
// asks as a different user so the per-user cooldown only bites where it is under test.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { actorNames } from "../src/bot/actors.js";
import { toChoices } from "../src/render/discord.js";
import { ROOT, type ChildRun } from "./support/bot-process.js";
import { type DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { STANDIN_TOKEN as TOKEN, type StandInBot, startStandInBot } from "./support/standin-bot.js";

const SOURCE_BASE_URL = "https://example.org/kb";
const LONG_NAME = `${"x".repeat(110)}.txt`;
const EPHEMERAL = 64;

let standIn: DiscordStandIn;
let bot: ChildRun;
let running: StandInBot | undefined;
let knowledge: string;
/** The index as the bot built it at start-up (before tests change files), for expectations that depend on the engine's data. */
let indexed: Engine;
const standInLog: string[] = [];

let users = 0;
/** A fresh user per question keeps each test clear of the others' cooldown. */
const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${410000000000000000n + BigInt(++users)}`, ...extra });
const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
const bool = (name: string, value: boolean): Json => ({ name, type: 5, value });

/** The successful callback (or the last one after retries) of an interaction. */
function answered(sent: SentInteraction, timeoutMs = 5000): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, timeoutMs);
}

async function command(name: string, options: Json[] = [], ctx: InteractionContext = asUser()): Promise<{ sent: SentInteraction; data: Json; type: number }> {
  const sent = await standIn.chatInput(name, options, ctx);
  const callback = await answered(sent);
  return { sent, data: callback.body.data, type: callback.body.type };
}

async function press(customId: string, message: Json, ctx: InteractionContext = asUser()): Promise<{ sent: SentInteraction; data: Json; type: number }> {
  const sent = await standIn.button(customId, message, ctx);
  const callback = await answered(sent);
  return { sent, data: callback.body.data, type: callback.body.type };
}

/** The "Show source" custom_id the bot should make: position, lines, the file's content hash, the file. */
const srcId = (position: number, lineStart: number, lineEnd: number, file: string): string =>
  `src:${position}:${lineStart}:${lineEnd}:${indexed.corpus.documents.find((d) => d.file === file)!.hash.slice(0, 8)}:${file}`;

/** The custom_ids of a message's buttons, in order. */
const buttonIds = (data: Json): string[] => (data.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.custom_id));
const buttonLabels = (data: Json): string[] => (data.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.label));

/** The bot's next post in a channel (a DM or mention answer), after `since` requests. */
function postIn(channelId: string, since: number): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => standIn.requests.indexOf(r) >= since && r.method === "POST" && r.path === `/api/v10/channels/${channelId}/messages`);
}

const isCallback = (r: { method: string; path: string }): boolean => r.method === "POST" && r.path.endsWith("/callback");

beforeAll(async () => {
  knowledge = mkdtempSync(join(tmpdir(), "bot-knowledge-"));
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  mkdirSync(join(knowledge, "notes"));
  writeFileSync(
    join(knowledge, "notes/harbour.txt"),
    'date 2021-03-04  Harbour notes\n\nThe harbour reopened on Monday after the storm.\n\nAlice Example, the harbour master, said: "The lighthouse keeper never sleeps on Tuesdays."\n\nThe ferries resumed their usual timetable.\n',
  );
  writeFileSync(
    join(knowledge, "ferry.txt"),
    'date 2020-05-06  Ferry notes\n\nBob Sample, a ferry captain, said: "The tide tables are printed in purple ink."\n',
  );
  writeFileSync(
    join(knowledge, LONG_NAME),
    'date 2019-01-02  Pier rules\n\nCarol Longname, the pier warden, said: "Marmalade sandwiches are strictly forbidden on the pier."\n',
  );

  indexed = Engine.fromFolder(knowledge);
  running = await startStandInBot({ KNOWLEDGE_DIR: knowledge, SOURCE_BASE_URL }, { standIn: { log: (line) => standInLog.push(line) } });
  ({ standIn, bot } = running);
}, 30_000);

afterAll(async () => {
  await running?.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

describe("the bot against the Discord stand-in", { timeout: 15_000 }, () => {
  it("logs in with only non-privileged intents and says what it serves", async () => {
    expect(bot.stderr).toMatch(/^Logged in as Stand-in Bot, serving 8 documents$/m);
    // Checked right after login: nothing was registered with the stand-in.
    await bot.waitForStderr(/No slash commands are registered yet: run `npm run deploy-commands`/);
    // Guilds | GuildMessages | DirectMessages; no MessageContent, members or presences.
    expect(standIn.identifies[0]!.intents).toBe(1 | (1 << 9) | (1 << 12));
    expect(standIn.identifies[0]!.token).toBe(TOKEN);
  });

  it("/who-said finds Wang Yi, with the bold quote, a link to the line and a source button", async () => {
    const { data, type } = await command("who-said", [str("quote", "groundless accusations")]);
    expect(type).toBe(4);
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds).toHaveLength(1);
    const [embed] = data.embeds;
    expect(embed.title).toBe("Wang Yi — China’s foreign minister");
    expect(embed.description).toContain("“**groundless accusations for political purposes**”");
    expect(embed.url).toBe(`${SOURCE_BASE_URL}/002_732ad33b9a9136f5.txt#L26`);
    expect(embed.footer.text).toBe("002_732ad33b9a9136f5.txt · line 26 · Brussels Faces US Clash Over Plan To Monitor Huawei 5G Security · undated");
    expect(buttonLabels(data)).toEqual(["Show source"]);
    expect(buttonIds(data)).toEqual([srcId(0, 26, 26, "002_732ad33b9a9136f5.txt")]);
  });

  it("/when resolves the Polish executive's sacking to January 2019, and says when a date is unknown", async () => {
    const { data } = await command("when", [str("event", "Huawei sacked an executive in Poland")]);
    expect(data.embeds[0].title).toMatch(/^(1\. )?January → January 2019$/);
    expect(data.embeds[0].description).toContain("In **January**, Huawei sacked an executive in Poland");
    expect(data.embeds[0].footer.text).toBe("004_d1183fcb53e46cb8.txt · line 101 · US presses on with European 5G security campaign · 2 September 2019");

    const undated = await command("when", [str("event", "Wang Yi branded western suspicions")]);
    expect(undated.data.embeds[0].title).toBe("last week → date unknown (the article is undated)");
  });

  it("/stance answers about Huawei (evidence embeds, or a short private 'no evidence')", async () => {
    const { data } = await command("stance", [str("actor", "Huawei"), str("topic", "EU toolbox")]);
    if (data.embeds?.length) {
      expect(data.embeds[0].title).toMatch(/^Huawei on EU toolbox: /);
      expect(data.embeds[0].description).toMatch(/for, \d+ against/);
    } else {
      expect(data.flags).toBe(EPHEMERAL);
      expect(data.content).toContain("**Huawei** on EU toolbox: no evidence in the documents.");
    }
  });

  it("/search shows three hits and More; More on a shared answer sends the next page privately", async () => {
    const first = await command("search", [str("query", "Huawei")]);
    expect(first.data.embeds).toHaveLength(3);
    expect(first.data.embeds.map((e: Json) => e.title)).toEqual([
      expect.stringMatching(/^1\. /),
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^3\. /),
    ]);
    expect(buttonLabels(first.data)).toEqual(["Show source 1", "Show source 2", "Show source 3", expect.stringMatching(/^More \(\d+ left\)$/)]);
    const more = buttonIds(first.data)[3];
    expect(more).toBe('more:3:["s","Huawei"]');

    const original = standIn.originalMessage(first.sent.id);
    const next = await press(more!, original);
    expect(next.type).toBe(4);
    expect(next.data.flags).toBe(EPHEMERAL);
    expect(next.data.embeds.map((e: Json) => e.title)).toEqual([
      expect.stringMatching(/^4\. /),
      expect.stringMatching(/^5\. /),
      expect.stringMatching(/^6\. /),
    ]);
    expect(buttonIds(next.data)).toContain('more:6:["s","Huawei"]');
    // The shared message is left alone.
    expect(standIn.originalMessage(first.sent.id).embeds[0].title).toMatch(/^1\. /);
  });

  it("/search private:true answers ephemerally, and More pages it in place", async () => {
    const first = await command("search", [str("query", "Huawei"), bool("private", true)]);
    expect(first.data.flags).toBe(EPHEMERAL);
    const original = standIn.originalMessage(first.sent.id);
    const next = await press(buttonIds(first.data).at(-1)!, original);
    expect(next.type).toBe(7); // UPDATE_MESSAGE
    expect(next.data.embeds[0].title).toMatch(/^4\. /);
    expect(standIn.originalMessage(next.sent.id)).toMatchObject({ id: original.id, flags: EPHEMERAL });
  });

  it("a query too long for a custom_id keeps working through the short-key store; an unknown key has expired", async () => {
    const long = "Huawei 5G security ".repeat(6).trim();
    const first = await command("search", [str("query", long)]);
    const more = buttonIds(first.data).find((id) => id.startsWith("mork:"));
    expect(more).toMatch(/^mork:3:[\w-]{12}$/);
    const next = await press(more!, standIn.originalMessage(first.sent.id));
    expect(next.data.embeds[0].title).toMatch(/^4\. /);

    const expired = await press("mork:3:AAAAAAAAAAAA", standIn.originalMessage(first.sent.id));
    expect(expired.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('"More" button has expired') });
  });

  it("an interaction that reaches the bot late (created 2 s ago) is deferred at once, then edited with the same answer", async () => {
    const onTime = await command("search", [str("query", "Huawei")]);
    const late = await standIn.chatInput("search", [str("query", "Huawei")], asUser({ createdAgoMs: 2000 }));
    const placeholder = (await answered(late)).body;
    expect([placeholder.type, placeholder.data?.flags ?? 0]).toEqual([5, 0]); // public, like the answer
    const edit = await standIn.waitForRequest((r) => r.method === "PATCH" && standIn.interactionResponses(late.id).includes(r));
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: "", embeds: onTime.data.embeds, components: onTime.data.components });

    // private:true: the placeholder is private too; More on a private answer is a silent deferred update, then an edit in place.
    const priv = await standIn.chatInput("search", [str("query", "Huawei"), bool("private", true)], asUser({ createdAgoMs: 2000 }));
    expect((await answered(priv)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await standIn.waitForRequest((r) => r.method === "PATCH" && standIn.interactionResponses(priv.id).includes(r));
    const original = standIn.originalMessage(priv.id);
    const more = await standIn.button(buttonIds(original).at(-1)!, original, asUser({ createdAgoMs: 2000 }));
    expect((await answered(more)).body).toMatchObject({ type: 6 });
    await standIn.waitForRequest((r) => r.method === "PATCH" && standIn.interactionResponses(more.id).includes(r));
    const paged = standIn.originalMessage(more.id);
    expect([paged.id, paged.flags, paged.embeds.map((e: Json) => e.title.slice(0, 3))]).toEqual([original.id, EPHEMERAL, ["4. ", "5. ", "6. "]]);

    // Each was answered exactly once: one callback, one edit.
    for (const s of [late, priv, more])
      expect(
        standIn
          .interactionResponses(s.id)
          .filter((r) => r.status < 300)
          .map((r) => r.method),
      ).toEqual(["POST", "PATCH"]);
  });

  it("/sources lists the documents with dates and passage counts", async () => {
    const { data } = await command("sources");
    expect(data.embeds[0].title).toBe("Sources: 8 documents");
    expect(data.embeds[0].description).toContain("[US presses on with European 5G security campaign](https://example.org/kb/004_d1183fcb53e46cb8.txt)");
    expect(data.embeds[0].description).toContain("2 September 2019 · 7 passages");
    expect(data.components ?? []).toEqual([]);
  });

  it("/help is private", async () => {
    const { data } = await command("help");
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].title).toBe("How to ask");
    expect(data.embeds[0].description).toContain("`/who-said quote:<words>` — who said it");
  });

  it("private:true makes any answer ephemeral; nothing found is always ephemeral, with the engine's message", async () => {
    const priv = await command("who-said", [str("quote", "groundless accusations"), bool("private", true)]);
    expect(priv.data.flags).toBe(EPHEMERAL);
    expect(priv.data.embeds[0].title).toContain("Wang Yi");

    const none = await command("who-said", [str("quote", "purple elephants dancing")]);
    expect(none.data).toMatchObject({ flags: EPHEMERAL, content: 'No quotation in the documents matches "purple elephants dancing".' });
    expect(none.data.embeds ?? []).toEqual([]);
  });

  it("slash commands work in a DM with the bot, buttons included", async () => {
    const ctx = asUser({ dm: true });
    const asked = await command("when", [str("event", "Huawei sacked an executive in Poland")], ctx);
    expect(asked.data.embeds[0].title).toMatch(/January → January 2019$/);
    const shown = await press(buttonIds(asked.data)[0]!, standIn.originalMessage(asked.sent.id), ctx);
    expect(shown.data.embeds[0].description).toContain("› 101 │ In January, Huawei sacked an executive in Poland");
  });

  it("Show source replies privately with the cited line and three lines around it, numbered", async () => {
    const asked = await command("who-said", [str("quote", "lighthouse keeper never sleeps")]);
    expect(buttonIds(asked.data)).toEqual([srcId(0, 5, 5, "notes/harbour.txt")]);
    const shown = await press(srcId(0, 5, 5, "notes/harbour.txt"), standIn.originalMessage(asked.sent.id));
    expect(shown.data.flags).toBe(EPHEMERAL);
    const [embed] = shown.data.embeds;
    expect(embed.title).toBe("notes/harbour.txt · line 5");
    expect(embed.url).toBe(`${SOURCE_BASE_URL}/notes/harbour.txt#L5`);
    expect(embed.footer.text).toBe("Harbour notes · 4 March 2021");
    const lines = embed.description.split("\n");
    expect(lines[0]).toBe("```");
    expect(lines.slice(1, -1).map((l: string) => l.slice(0, 4))).toEqual(["  2 ", "  3 ", "  4 ", "› 5 ", "  6 ", "  7 "]);
    expect(embed.description).toContain('› 5 │ Alice Example, the harbour master, said: "The lighthouse keeper never sleeps on Tuesdays."');
  });

  // The bot reloads the folder live, so the index may or may not have caught up when the button
  // is pressed: the answer is the same either way, because the button remembers the file's hash.
  it("Show source says so when the file changed or was deleted since the answer", async () => {
    const ferry = await command("who-said", [str("quote", "tide tables printed in purple ink")]);
    const ferryButton = buttonIds(ferry.data)[0]!;
    writeFileSync(join(knowledge, "ferry.txt"), `${readFileSync(join(knowledge, "ferry.txt"), "utf8")}\nA later correction.\n`);
    const changed = await press(ferryButton, standIn.originalMessage(ferry.sent.id));
    expect(changed.data.flags).toBe(EPHEMERAL);
    expect(changed.data.content).toContain("`ferry.txt` changed since this answer was given");
    expect(changed.data.embeds[0].description).toContain("› 3 │ Bob Sample");

    const harbour = await command("who-said", [str("quote", "lighthouse keeper never sleeps")]);
    unlinkSync(join(knowledge, "notes/harbour.txt"));
    const gone = await press(buttonIds(harbour.data)[0]!, standIn.originalMessage(harbour.sent.id));
    expect(gone.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("`notes/harbour.txt` is no longer in the knowledge folder") });
  });

  it("a file name too long for a custom_id is cited by its hash, and Show source still finds it", async () => {
    const asked = await command("who-said", [str("quote", "marmalade sandwiches forbidden")]);
    const [id] = buttonIds(asked.data);
    expect(id).toMatch(/^srh:0:3:3:[0-9a-f]{8}:[\w-]{16}$/);
    const shown = await press(id!, standIn.originalMessage(asked.sent.id));
    expect(shown.data.embeds[0].description).toContain("› 3 │ Carol Longname");
  });

  it("stale buttons and unknown commands get a clear private message", async () => {
    const stale = await press("vote:yes", { components: [] });
    expect(stale.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("no longer works") });
    const unknown = await command("frobnicate");
    expect(unknown.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("I don't know /frobnicate") });
  });

  it("autocompletes /stance actors from the index, filtered, most mentioned first, at most 25", async () => {
    const typed = async (value: string): Promise<Json[]> => {
      const sent = await standIn.autocomplete("stance", [str("actor", value, true)], asUser());
      const callback = await answered(sent);
      expect(callback.body.type).toBe(8);
      return callback.body.data.choices;
    };
    const expected = (value: string) => toChoices(actorNames(indexed), value);
    const jul = await typed("jul");
    expect(jul).toEqual(expected("jul"));
    expect(jul.map((c) => c.name)).toContain("Julian King");
    expect(jul.every((c) => /jul/i.test(c.name))).toBe(true);
    const all = await typed("");
    expect(all).toEqual(expected(""));
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.map((c) => c.name)).toEqual(expect.arrayContaining(["Julian King", "Wang Yi"]));
    expect(await typed("zzzz")).toEqual([]);
  });

  it("answers plain questions in a DM, routed like the terminal prompt, with embeds and buttons", async () => {
    const since = standIn.requests.length;
    const sent = await standIn.messageCreate({ content: "who said groundless accusations?", dm: true, userId: asUser().userId });
    const post = await postIn(sent.channel_id, since);
    expect(post.status).toBe(200);
    expect(post.body.message_reference.message_id).toBe(sent.id);
    expect(post.body.embeds[0].title).toBe("Wang Yi — China’s foreign minister");
    expect(post.body.components[0].components[0]).toMatchObject({ label: "Show source", custom_id: srcId(0, 26, 26, "002_732ad33b9a9136f5.txt") });
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const helpSince = standIn.requests.length;
    const help = await standIn.messageCreate({ content: "help", dm: true, userId: asUser().userId });
    expect((await postIn(help.channel_id, helpSince)).body.embeds[0].title).toBe("How to ask");
  });

  it("answers @mentions in a server and ignores messages that do not mention it", async () => {
    const since = standIn.requests.length;
    await standIn.messageCreate({ content: "when did Huawei sack an executive in Poland?", userId: asUser().userId });
    const mention = await standIn.messageCreate({ content: "when did Huawei sack an executive in Poland?", mentionBot: true, userId: asUser().userId });
    const post = await postIn(standIn.channelId, since);
    expect(post.body.message_reference.message_id).toBe(mention.id);
    expect(post.body.embeds[0].title).toMatch(/January → January 2019$/);
    expect(standIn.requests.slice(since).filter((r) => r.path === `/api/v10/channels/${standIn.channelId}/messages`)).toHaveLength(1);

    const stanceSince = standIn.requests.length;
    await standIn.messageCreate({ content: "what's Huawei's stance on the EU toolbox?", mentionBot: true, userId: asUser().userId });
    const stance = await postIn(standIn.channelId, stanceSince);
    expect(stance.body.content ?? stance.body.embeds[0].title).toMatch(/Huawei\*{0,2} on (the )?EU toolbox/);

    const searchSince = standIn.requests.length;
    await standIn.messageCreate({ content: "Prague summit", mentionBot: true, userId: asUser().userId });
    const search = await postIn(standIn.channelId, searchSince);
    expect(search.body.embeds.length).toBeGreaterThan(0);
    expect(search.body.embeds[0].footer.text).toContain("003_883e24a648429f8e.txt");
  });

  it("slows down a user who asks too fast (5 per 10 s), in commands and in DMs", async () => {
    const user = asUser();
    for (let i = 0; i < 5; i++) expect((await command("search", [str("query", "Huawei")], user)).data.embeds).toHaveLength(3);
    const refused = await command("search", [str("query", "Huawei")], user);
    expect(refused.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/Try again in \d+ s\./) });

    const dmUser = asUser().userId!;
    let since = standIn.requests.length;
    let channel = "";
    for (let i = 0; i < 5; i++) {
      const sent = await standIn.messageCreate({ content: "Prague summit", dm: true, userId: dmUser });
      channel = sent.channel_id;
      await postIn(channel, since);
      since = standIn.requests.length;
    }
    await standIn.messageCreate({ content: "Prague summit", dm: true, userId: dmUser });
    expect((await postIn(channel, since)).body.content).toMatch(/Try again in \d+ s\./);
  });

  it("rides out a 429 on the interaction callback (waits Retry-After) and answers the next question", async () => {
    standIn.failNext(isCallback, { status: 429, retryAfter: 0.5 });
    const sent = await standIn.chatInput("who-said", [str("quote", "groundless accusations")], asUser());
    await answered(sent);
    expect(standIn.interactionResponses(sent.id).map((r) => r.status)).toEqual([429, 204]);
    expect((await command("search", [str("query", "Huawei")])).data.embeds).toHaveLength(3);
  });

  it("retries a 500; when Discord keeps failing it logs an id, tells the user, and stays up", async () => {
    standIn.failNext(isCallback, { status: 500 });
    const once = await standIn.chatInput("who-said", [str("quote", "groundless accusations")], asUser());
    await answered(once);
    expect(standIn.interactionResponses(once.id).map((r) => r.status)).toEqual([500, 204]);

    standIn.failNext(isCallback, { status: 500 }, 4); // discord.js tries 1 + 3 retries
    const failing = await standIn.chatInput("who-said", [str("quote", "groundless accusations")], asUser());
    const told = await answered(failing);
    expect(standIn.interactionResponses(failing.id).map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    const id = /Something went wrong \(id ([0-9a-f]{6})\)/.exec(told.body.data.content)?.[1];
    expect(told.body.data.flags).toBe(EPHEMERAL);
    expect(id).toBeDefined();
    await bot.waitForStderr(new RegExp(`error: \\[${id}\\] /who-said failed: HTTPError 500`));
    expect(bot.stderr).not.toMatch(/\/interactions\/\d+\/(?!\[token\])[^/\s]+\/callback/); // interaction tokens are masked

    expect((await command("search", [str("query", "Huawei")])).data.embeds).toHaveLength(3);
  });

  it("resumes after the gateway drops (close 4000 and an abrupt 1006) and keeps answering", async () => {
    await standIn.dropGateway(4000);
    const during = await standIn.chatInput("who-said", [str("quote", "groundless accusations")], asUser());
    await standIn.waitForResume(1, 10_000);
    expect((await answered(during)).body.data.embeds[0].title).toContain("Wang Yi");

    await standIn.dropGateway(1006);
    await standIn.waitForResume(2, 10_000);
    expect((await command("when", [str("event", "Huawei sacked an executive in Poland")])).data.embeds[0].title).toContain("January 2019");
    expect(standIn.identifies).toHaveLength(1);
    await bot.waitForStderr(/gateway shard 0 resumed/);
  });

  it("/reindex defers, reloads the folder and reports the counts; it is refused outside servers", async () => {
    writeFileSync(join(knowledge, "added.txt"), 'date 2022-02-02  Added later\n\nDora New, a lock keeper, said: "Canal boats must give way to swans."\n');
    const refused = await command("reindex", [], asUser()); // the stand-in's default member: no Manage Server
    expect(refused.data).toMatchObject({ flags: EPHEMERAL, content: "/reindex needs the Manage Server permission in this server." });
    const sent = await standIn.chatInput("reindex", [], asUser({ permissions: String(1 << 5) }));
    const deferred = await answered(sent);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    await standIn.waitForRequest((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && standIn.interactionResponses(sent.id).includes(r));
    // harbour.txt was deleted above and added.txt is new: still 8.
    expect(standIn.originalMessage(sent.id).content).toMatch(/^Reindexed \*\*8\*\* documents: \d+ passages, \d+ quotes/);
    expect((await command("who-said", [str("quote", "canal boats give way to swans")])).data.embeds[0].title).toBe("Dora New — lock keeper");

    const dm = await command("reindex", [], asUser({ dm: true }));
    expect(dm.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("works in a server") });
  });

  it("never prints the token, and the stand-in saw no malformed request", () => {
    expect(bot.stdout + bot.stderr).not.toContain(TOKEN);
    expect(standInLog.join("\n")).not.toContain(TOKEN);
    expect(standIn.internalErrors).toEqual([]);
    expect(standIn.requests.filter((r) => r.status === 400)).toEqual([]);
  });

  it("shuts down cleanly on SIGTERM with exit code 0", async () => {
    bot.kill("SIGTERM");
    expect(await bot.exit(10_000)).toEqual({ code: 0, signal: null });
    expect(bot.stderr).toMatch(/SIGTERM received: disconnecting from Discord/);
    expect(bot.stderr.slice(bot.stderr.indexOf("SIGTERM received"))).not.toMatch(/lost its connection|error/);
  });
});
