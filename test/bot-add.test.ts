// /add and /remove end to end: the real bot process against the Discord stand-in, which serves
// the uploaded attachment the way Discord's CDN does.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildRun } from "./support/bot-process.js";
import { type DiscordStandIn, type InteractionContext, type Json, type RecordedRequest, type SentInteraction } from "./support/discord-standin.js";
import { STANDIN_TOKEN as TOKEN, type StandInBot, startStandInBot } from "./support/standin-bot.js";
import { pdfWithPages } from "./support/office-files.js";

const EPHEMERAL = 64;
const MANAGE_SERVER = String(1 << 5);

let standIn: DiscordStandIn;
let bot: ChildRun;
let running: StandInBot | undefined;
let knowledge: string;
let users = 0;
const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${420000000000000000n + BigInt(++users)}`, ...extra });
const manager = (): InteractionContext => asUser({ permissions: MANAGE_SERVER });
const str = (name: string, value: string, focused?: boolean): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

function answered(sent: SentInteraction, timeoutMs = 5000): Promise<RecordedRequest> {
  return standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, timeoutMs);
}

/** Sends /add with `file` attached; the final answer's text (deferred answers are awaited). */
async function add(file: Json | null, ctx: InteractionContext = manager()): Promise<{ content: string; flags: number }> {
  const sent = file
    ? await standIn.chatInput("add", [{ name: "file", type: 11, value: file.id }], ctx, { attachments: { [file.id]: file } })
    : await standIn.chatInput("add", [], ctx);
  return finalAnswer(sent);
}

async function finalAnswer(sent: SentInteraction): Promise<{ content: string; flags: number }> {
  const first = await answered(sent);
  if (first.body.type === 5) {
    await standIn.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && standIn.interactionResponses(sent.id).includes(r),
      30_000,
    );
    return { content: standIn.originalMessage(sent.id).content, flags: first.body.data?.flags ?? 0 };
  }
  return { content: first.body.data.content, flags: first.body.data.flags ?? 0 };
}

async function whoSaid(quote: string): Promise<Json> {
  const sent = await standIn.chatInput("who-said", [str("quote", quote)], asUser());
  return (await answered(sent)).body.data;
}

const articlePdf = (): Promise<Uint8Array> =>
  pdfWithPages(
    [
      [
        { text: "Lighthouse Keepers Ask for Better Boats", x: 60, top: 70, size: 18 },
        { text: "June 14, 2022", x: 60, top: 95 },
        { text: "The keepers of the northern lights met the coast guard this week", x: 60, top: 125 },
        { text: "and asked for faster boats to reach the outer rocks in winter.", x: 60, top: 140 },
        { text: "“We cannot wait three days for the sea to calm down,” said", x: 60, top: 160 },
        { text: "Ines Falk, a keeper on the outer rock, after the meeting ended.", x: 60, top: 175 },
      ],
    ],
    { title: "Lighthouse Keepers Ask for Better Boats" },
  );

beforeAll(async () => {
  knowledge = mkdtempSync(join(tmpdir(), "bot-add-"));
  mkdirSync(join(knowledge, "notes"));
  writeFileSync(
    join(knowledge, "notes/harbour.txt"),
    'date 2021-03-04  Harbour notes\n\nAlice Example, the harbour master, said: "The lighthouse keeper never sleeps on Tuesdays."\n',
  );
  running = await startStandInBot({ KNOWLEDGE_DIR: knowledge });
  ({ standIn, bot } = running);
}, 30_000);

afterAll(async () => {
  await running?.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

describe("/add and /remove against the Discord stand-in", { timeout: 40_000 }, () => {
  it("refuses members without Manage Server, and DMs, without downloading anything", async () => {
    const file = standIn.attach("keepers.pdf", await articlePdf());
    expect(await add(file, asUser())).toEqual({ content: "/add needs the Manage Server permission in this server.", flags: EPHEMERAL });
    expect(await add(file, asUser({ dm: true }))).toMatchObject({ content: expect.stringContaining("works in a server") });
    expect(standIn.attachmentDownloads.size).toBe(0);
    expect(existsSync(join(knowledge, "added"))).toBe(false);
  });

  it("adds a PDF: downloads it, indexes it, reports title, date and passages, and answers from it with a page", async () => {
    const file = standIn.attach("Keepers report (final).pdf", await articlePdf(), { contentType: "application/pdf" });
    const userId = "430000000000000001";
    const got = await add(file, { userId, permissions: MANAGE_SERVER });
    expect(got.flags).toBe(EPHEMERAL);
    expect(got.content).toBe("Added `added/Keepers-report-final.pdf`: **Lighthouse Keepers Ask for Better Boats** (14 June 2022), 2 passages.");
    expect(readdirSync(join(knowledge, "added"))).toEqual(["Keepers-report-final.pdf"]);
    await bot.waitForStderr(new RegExp(`added added/Keepers-report-final\\.pdf \\(\\d+ bytes\\) on request of ${userId}`));
    const answer = await whoSaid("wait three days for the sea to calm down");
    expect(answer.embeds[0].title).toContain("Ines Falk");
    expect(answer.embeds[0].footer.text).toMatch(/^added\/Keepers-report-final\.pdf · p\. 1, lines 5–6 · Lighthouse Keepers/);
    // "Show source" reads the PDF again and shows the page's lines, numbered as cited.
    const button = answer.components[0].components.find((b: Json) => b.label === "Show source");
    const shown = await answered(await standIn.button(button.custom_id, answer, asUser()));
    const view = shown.body.data.embeds[0];
    expect(view.title).toBe("added/Keepers-report-final.pdf · p. 1, lines 5–6");
    expect(view.description).toMatch(/› 5 │ “We cannot wait three days for the sea to calm down,” said/);
    expect(view.description).toMatch(/ {2}2 │ June 14, 2022/);
  });

  it("never overwrites: the same name again is refused and the first file stays", async () => {
    const again = standIn.attach("Keepers report (final).pdf", await pdfWithPages([[{ text: "Something else entirely, written later on.", x: 60, top: 100 }]]));
    expect((await add(again)).content).toBe("`added/Keepers-report-final.pdf` already exists. Remove it first with /remove, or rename your file.");
    expect((await whoSaid("wait three days for the sea to calm down")).embeds[0].title).toContain("Ines Falk");
  });

  it("refuses wrong types, oversized files, fakes and unindexable files with one clear line each", async () => {
    expect((await add(standIn.attach("tool.exe", Buffer.from("MZ....")))).content).toMatch(/^`tool\.exe` is not a file type I can index/);
    expect((await add(standIn.attach("huge.pdf", Buffer.from("%PDF-1.7"), { size: 50 * 1024 * 1024 }))).content).toBe(
      "`huge.pdf` is 50.0 MB, over the 10.0 MB limit for added files.",
    );
    expect((await add(standIn.attach("fake.pdf", Buffer.from("just words")))).content).toBe("`fake.pdf` is not a PDF file.");
    const scan = await pdfWithPages([[]]);
    expect((await add(standIn.attach("scan.pdf", scan))).content).toBe(
      "Could not index `added/scan.pdf`, so it was not kept: no text layer (a scanned PDF?): run it through OCR first.",
    );
    expect(readdirSync(join(knowledge, "added"))).toEqual(["Keepers-report-final.pdf"]);
    expect((await add(null)).content).toBe("Attach the document to add in the `file` option.");
  });

  it("/remove offers only added files and deletes the one picked; the answers go with it", async () => {
    const sent = await standIn.autocomplete("remove", [str("file", "keep", true)], manager());
    const choices = (await answered(sent)).body.data.choices;
    expect(choices).toEqual([{ name: "added/Keepers-report-final.pdf", value: "added/Keepers-report-final.pdf" }]);
    const none = await standIn.autocomplete("remove", [str("file", "harbour", true)], manager());
    expect((await answered(none)).body.data.choices).toEqual([]);

    const outside = await finalAnswer(await standIn.chatInput("remove", [str("file", "../notes/harbour.txt")], manager()));
    expect(outside.content).toMatch(/is not a file added with \/add/);
    expect(existsSync(join(knowledge, "notes/harbour.txt"))).toBe(true);
    const refused = await finalAnswer(await standIn.chatInput("remove", [str("file", "added/Keepers-report-final.pdf")], asUser()));
    expect(refused.content).toBe("/remove needs the Manage Server permission in this server.");

    const userId = "430000000000000002";
    const removed = await finalAnswer(
      await standIn.chatInput("remove", [str("file", "added/Keepers-report-final.pdf")], { userId, permissions: MANAGE_SERVER }),
    );
    expect(removed.content).toBe("Removed `added/Keepers-report-final.pdf`; it no longer answers questions.");
    await bot.waitForStderr(new RegExp(`removed added/Keepers-report-final\\.pdf on request of ${userId}`));
    expect(readdirSync(join(knowledge, "added"))).toEqual([]);
    expect((await whoSaid("wait three days for the sea to calm down")).embeds[0]?.title ?? "").not.toContain("Ines Falk");
  });

  it("never printed the token", () => {
    expect(bot.stdout + bot.stderr).not.toContain(TOKEN);
  });
});
