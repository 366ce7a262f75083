// /check and /said in the real bot (`npm start` as a child process) against the local Discord
// stand-in: each verdict, a speaker with and without a topic, autocomplete, "More", and the
// plain-language questions in a DM and an @mention; the message context menus; 👍/👎 votes
// written to FEEDBACK_FILE and summarised by `npm run feedback`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/bot-process.js";
import { type DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { type StandInBot, startStandInBot } from "./support/standin-bot.js";
import { messagePayload, userPayload } from "./support/standin-payloads.js";

const EPHEMERAL = 64;

let standIn: DiscordStandIn;
let running: StandInBot | undefined;
let knowledge: string;
let feedbackFile: string;
let users = 0;
const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${420000000000000000n + BigInt(++users)}`, ...extra });
const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

function answered(sent: SentInteraction): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, 8000);
}

async function command(name: string, options: Json[] = [], ctx: InteractionContext = asUser()): Promise<{ sent: SentInteraction; data: Json; type: number }> {
  const sent = await standIn.chatInput(name, options, ctx);
  const callback = await answered(sent);
  return { sent, data: callback.body.data, type: callback.body.type };
}

const buttonIds = (data: Json): string[] => (data.components ?? []).flatMap((row: Json) => row.components.map((b: Json) => b.custom_id));

function postIn(channelId: string, since: number): Promise<RecordedRequest> {
  return standIn.waitForRequest(
    (r) => standIn.requests.indexOf(r) >= since && r.method === "POST" && r.path === `/api/v10/channels/${channelId}/messages`,
    8000,
  );
}

beforeAll(async () => {
  knowledge = mkdtempSync(join(tmpdir(), "check-bot-knowledge-"));
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  feedbackFile = join(knowledge, "votes", "feedback.jsonl");
  running = await startStandInBot({ KNOWLEDGE_DIR: knowledge, CACHE_DIR: join(knowledge, ".cache"), FEEDBACK_FILE: feedbackFile }, { loginTimeoutMs: 30_000 });
  ({ standIn } = running);
}, 40_000);

afterAll(async () => {
  await running?.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

let messageIds = 0;
/** A message context-menu command on a message with `content`, as Discord sends it (the message under resolved). */
async function menu(name: string, content: string, ctx: InteractionContext = asUser()): Promise<{ sent: SentInteraction; data: Json; type: number }> {
  const targetId = `${430000000000000000n + BigInt(++messageIds)}`;
  const target = messagePayload({
    id: targetId,
    channelId: ctx.dm ? "1" : standIn.channelId,
    author: userPayload("440000000000000001", "someone"),
    data: { content },
  });
  const sent = await standIn.rawInteraction(2, { id: "1", name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } }, ctx);
  const callback = await answered(sent);
  return { sent, data: callback.body.data, type: callback.body.type };
}

describe("message context menus against the Discord stand-in", { timeout: 20_000 }, () => {
  it('"Who said this?" answers privately for the quoted words, and "Post publicly" shares the answer', async () => {
    const { sent, data, type } = await menu("Who said this?", "lol <@123> someone told me “groundless accusations for political purposes” — is that real?");
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].title).toBe("Wang Yi — China’s foreign minister");
    const publish = buttonIds(data).at(-1)!;
    expect(publish).toBe('pub:["w","groundless accusations for political purposes"]');
    const pressed = await standIn.button(publish, standIn.originalMessage(sent.id), asUser());
    const shared = (await answered(pressed)).body;
    expect(shared.type).toBe(4);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(shared.data.embeds[0].title).toBe("Wang Yi — China’s foreign minister");
    expect(buttonIds(shared.data).some((id) => id.startsWith("pub:"))).toBe(false);
  });

  it("strips the attribution from an unquoted message, and works in a DM", async () => {
    const { data } = await menu("Who said this?", "We're not talking about bans today - Wang Yi", asUser({ dm: true }));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].title).toBe("Julian King — European Security Commissioner");
  });

  it('"Find sources" searches the message\'s words; an empty message gets a clear private note', async () => {
    const { data } = await menu("Find sources", "**spectrum auctions** https://example.org/x");
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].description.toLowerCase()).toContain("spectrum");
    expect(buttonIds(data).at(-1)).toBe('pub:["s","spectrum auctions"]');
    const empty = await menu("Find sources", "");
    expect(empty.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^That message has no text to look up/) });
  });
});

describe("/check and /said against the Discord stand-in", { timeout: 20_000 }, () => {
  it("/check exact: the verdict embed, then the cited quotation", async () => {
    const { data, type } = await command("check", [str("quote", "groundless accusations for political purposes")]);
    expect(type).toBe(4);
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds[0]).toMatchObject({
      title: "Exact: “groundless accusations for political purposes”",
      description: "Exact: the documents say exactly this, quoting Wang Yi, China’s foreign minister.",
    });
    expect(data.embeds[1].title).toBe("Wang Yi — China’s foreign minister");
    expect(data.embeds[1].description).toContain("“**groundless accusations for political purposes**”");
    expect(data.embeds[1].footer.text).toMatch(/^002_732ad33b9a9136f5\.txt · line 26 · /);
  });

  it("/check close: the word the question changed struck out, the text's in bold", async () => {
    const { data } = await command("check", [str("quote", "“baseless accusations for political purposes”"), str("speaker", "Wang Yi")]);
    expect(data.embeds[0].description).toBe("Close: the text says ~~baseless~~ **groundless** — quoting Wang Yi, China’s foreign minister.");
    expect(data.embeds[1].description).toContain("“**groundless** accusations for political purposes”");
  });

  it("/check other-speaker names who the text gives the words to", async () => {
    const { data } = await command("check", [str("quote", "We're not talking about bans today"), str("speaker", "Wang Yi")]);
    expect(data.embeds[0].description).toBe(
      "Attributed to someone else: the text gives these words to Julian King, European Security Commissioner — not Wang Yi.",
    );
    expect(data.embeds[1].title).toBe("Julian King — European Security Commissioner");
  });

  it("/check not-found is a short private answer", async () => {
    const { data } = await command("check", [str("quote", "Huawei will open a factory on the moon")]);
    expect(data).toMatchObject({ flags: EPHEMERAL, content: "Not found: the documents do not say this, nor anything close to it." });
    expect(data.embeds ?? []).toEqual([]);
  });

  it("/said without a topic lists the speaker's quotations, and More pages them", async () => {
    const first = await command("said", [str("speaker", "Julian King")]);
    expect(first.data.embeds.map((e: Json) => e.title)).toEqual([
      "1. Julian King — European Security Commissioner",
      "2. Julian King — security union commissioner",
      "3. Julian King — European Security Commissioner",
    ]);
    expect(first.data.embeds[0].description).toContain("**We’re not talking about bans today");
    const more = buttonIds(first.data).find((id) => id.startsWith("more:"))!;
    expect(more).toBe('more:3:["d","Julian King",null]');
    const sent = await standIn.button(more, standIn.originalMessage(first.sent.id), asUser());
    const next = (await answered(sent)).body.data;
    expect(next.embeds[0].title).toMatch(/^4\. Julian King/);
  });

  it("/said with a topic keeps what touches it; autocomplete offers quoted speakers only", async () => {
    const { data } = await command("said", [str("speaker", "Julian King"), str("topic", "supply chain transparency")]);
    expect(data.embeds[0].title).toMatch(/^(1\. )?Julian King — security union commissioner$/);
    expect(data.embeds[0].description).toContain("**supply-chain integrity");
    const sent = await standIn.autocomplete("said", [str("speaker", "wan", true)], asUser());
    const choices = (await answered(sent)).body.data.choices as Json[];
    expect(choices.map((c) => c.name)).toEqual(["Wang Yi"]);
  });

  it('"what did X say about Y?" in a DM and in an @mention answers like /said', async () => {
    let since = standIn.requests.length;
    const dm = await standIn.messageCreate({ content: "what did Abraham Liu say?", dm: true, userId: asUser().userId });
    const post = await postIn(dm.channel_id, since);
    expect(post.body.embeds[0].title).toBe("Abraham Liu — Huawei’s Chief Representative to the European Institutions");
    expect(post.body.embeds[0].description).toContain("**However, we believe a security approach");

    since = standIn.requests.length;
    await standIn.messageCreate({ content: "what did Julian King say about bans?", mentionBot: true, userId: asUser().userId });
    const mention = await postIn(standIn.channelId, since);
    expect(mention.body.embeds[0].description).toContain("**We’re not talking about bans today");
  });
});

describe("feedback against the Discord stand-in", { timeout: 30_000 }, () => {
  it("puts 👍/👎 under answers; votes are appended with the question, the cited lines and a hashed user", async () => {
    const asker = asUser();
    const { sent, data } = await command("who-said", [str("quote", "groundless accusations")], asker);
    const rows = data.components as Json[];
    const votes = rows.at(-1).components as Json[];
    expect(votes.map((b) => [b.emoji?.name, b.custom_id])).toEqual([
      ["👍", 'fb:u:["w","groundless accusations"]'],
      ["👎", 'fb:d:["w","groundless accusations"]'],
    ]);
    const voter = asUser();
    const down = await standIn.button(votes[1].custom_id, standIn.originalMessage(sent.id), voter);
    expect((await answered(down)).body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("👎 noted") });
    const up = await standIn.button(votes[0].custom_id, standIn.originalMessage(sent.id), asUser());
    await answered(up);
    const lines = readFileSync(feedbackFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Json);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(["time", "command", "question", "file", "lines", "vote", "user"]);
    expect(lines[0]).toMatchObject({
      command: "who-said",
      question: "/who-said groundless accusations",
      file: "002_732ad33b9a9136f5.txt",
      lines: [26, 26],
      vote: "down",
      user: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(JSON.stringify(lines)).not.toContain(voter.userId!);
    expect(lines[1]).toMatchObject({ vote: "up" });

    const summary = spawnSync(process.execPath, ["--import", "tsx", "src/feedback/main.ts"], {
      encoding: "utf8",
      env: { ...process.env, FEEDBACK_FILE: feedbackFile, DISCORD_TOKEN: "" },
      timeout: 30_000,
    });
    expect(summary.status).toBe(0);
    expect(summary.stdout).toBe(
      "2 votes on 1 question: 1 👍, 1 👎.\n\nMost 👎 first:\n1. 1 👎 1 👍  /who-said groundless accusations\n   answered with 002_732ad33b9a9136f5.txt:26\n",
    );
  });
});
