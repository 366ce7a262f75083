// /timeline through the real bot (`npm start`'s entry point) against the local Discord stand-in:
// the picture arrives as an attachment of the deferred answer, the items in time order with their
// sources; an interaction that reaches the bot late is acknowledged at once and completed the same
// way; refusals are private text. No timing is asserted: the answer is always deferred.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { DISCORD_LISTED } from "../src/render/timeline-discord.js";
import { itemDate, itemWhere } from "../src/render/timeline-text.js";
import { ROOT, type ChildRun } from "./support/bot-process.js";
import { type DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { STANDIN_TOKEN as TOKEN, type StandInBot, startStandInBot } from "./support/standin-bot.js";

const EPHEMERAL = 64;

let standIn: DiscordStandIn;
let bot: ChildRun;
let running: StandInBot | undefined;
let knowledge: string;
let indexed: Engine;

let users = 0;
const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${420000000000000000n + BigInt(++users)}`, ...extra });
const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
const bool = (name: string, value: boolean): Json => ({ name, type: 5, value });

function callback(sent: SentInteraction): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, 30_000);
}

function edit(sent: SentInteraction): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.method === "PATCH" && r.status < 300 && standIn.interactionResponses(sent.id).includes(r), 60_000);
}

beforeAll(async () => {
  knowledge = mkdtempSync(join(tmpdir(), "timeline-bot-"));
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  indexed = Engine.fromFolder(knowledge);
  running = await startStandInBot({ KNOWLEDGE_DIR: knowledge });
  ({ standIn, bot } = running);
}, 30_000);

afterAll(async () => {
  await running?.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

describe("/timeline against the Discord stand-in", { timeout: 90_000 }, () => {
  it("actor:United States topic:Huawei — deferred, then the picture and the dated US statements in order with their sources", async () => {
    const sent = await standIn.chatInput("timeline", [str("actor", "United States"), str("topic", "Huawei")], asUser());
    const placeholder = (await callback(sent)).body;
    expect([placeholder.type, placeholder.data?.flags ?? 0]).toEqual([5, 0]); // public "thinking…"
    const patch = await edit(sent);
    expect(patch.body.files).toEqual([expect.objectContaining({ filename: "timeline.png", contentType: "image/png" })]);
    expect(patch.body.files[0].size).toBeGreaterThan(1000);

    const message = standIn.originalMessage(sent.id)!;
    expect(message.attachments.map((a: Json) => a.filename)).toEqual(["timeline.png"]);
    const [embed] = message.embeds;
    expect(embed.title).toBe("Timeline: United States on Huawei");
    expect(embed.image.url).toBe("attachment://timeline.png");

    // The same items, in the same order, as the engine gives: each with its date and file:line.
    const expected = await indexed.timeline("United States", "Huawei", DISCORD_LISTED);
    const dated = expected.results.filter((r) => r.date);
    expect(dated.length).toBeGreaterThan(0);
    const description: string = embed.description;
    let at = -1;
    for (const [k, r] of dated.entries()) {
      const head = description.indexOf(`**${k + 1}. ${itemDate(r)}**`);
      expect(head).toBeGreaterThan(at);
      expect(description.indexOf(itemWhere(r), head)).toBeGreaterThan(head);
      at = head;
    }
    expect(embed.footer.text).toMatch(/\d+ dated items?, \d+ undated \(counted, not placed\)/);
    expect(
      standIn
        .interactionResponses(sent.id)
        .filter((r) => r.status < 300)
        .map((r) => r.method),
    ).toEqual(["POST", "PATCH"]);
  });

  it("a late interaction (created 2 s ago), asked privately, is acknowledged privately at once and completed with the picture", async () => {
    const sent = await standIn.chatInput("timeline", [str("topic", "Huawei"), bool("private", true)], asUser({ createdAgoMs: 2000 }));
    expect((await callback(sent)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const patch = await edit(sent);
    expect(patch.body.files.map((f: Json) => f.filename)).toEqual(["timeline.png"]);
    expect(standIn.originalMessage(sent.id)!.embeds[0].title).toBe("Timeline: on Huawei");
    expect(
      standIn
        .interactionResponses(sent.id)
        .filter((r) => r.status < 300)
        .map((r) => r.method),
    ).toEqual(["POST", "PATCH"]);
  });

  it("neither actor nor topic: a private text answer at once, no picture", async () => {
    const sent = await standIn.chatInput("timeline", [], asUser());
    const body = (await callback(sent)).body;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/Give an actor, a topic, or both/);
  });

  it("an actor the documents never quote: the deferred answer says so, with no picture", async () => {
    const sent = await standIn.chatInput("timeline", [str("actor", "Zebulon Quartermaine")], asUser());
    expect((await callback(sent)).body.type).toBe(5);
    const patch = await edit(sent);
    expect(patch.body.files ?? []).toEqual([]);
    expect(standIn.originalMessage(sent.id)!.content).toMatch(/no quotations or stances of "Zebulon Quartermaine"/);
  });

  it("a plain-words timeline in a DM gets the same picture and list", async () => {
    const since = standIn.requests.length;
    const sent = await standIn.messageCreate({ content: "timeline of United States on Huawei", dm: true, userId: asUser().userId });
    const post = await standIn.waitForRequest(
      (r) => standIn.requests.indexOf(r) >= since && r.method === "POST" && r.path === `/api/v10/channels/${sent.channel_id}/messages`,
      60_000,
    );
    expect(post.status).toBe(200);
    expect(post.body.files.map((f: Json) => f.filename)).toEqual(["timeline.png"]);
    expect(post.body.embeds[0]).toMatchObject({ title: "Timeline: United States on Huawei", image: { url: "attachment://timeline.png" } });
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("autocompletes actors from the index", async () => {
    const sent = await standIn.autocomplete("timeline", [str("actor", "uni", true)], asUser());
    const choices = (await callback(sent)).body.data.choices.map((c: Json) => c.name);
    expect(choices).toContain("United States");
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("never prints the token, and the stand-in saw no malformed request", () => {
    expect(bot.stdout + bot.stderr).not.toContain(TOKEN);
    expect(standIn.internalErrors).toEqual([]);
    expect(standIn.requests.filter((r) => r.status === 400)).toEqual([]);
  });
});
