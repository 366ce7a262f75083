// The bot as `npm start` runs it with STORE=postgres on a real server (TEST_DATABASE_URL, e.g.
// `.ci/with-postgres`): it indexes the folder in a child process (`npm run index --json`), answers
// from the database, and /add re-indexes the same way. Skipped without a server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { InteractionContext, Json, RecordedRequest, SentInteraction } from "./support/discord-standin.js";
import { type StandInBot, startStandInBot } from "./support/standin-bot.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

const url = process.env.TEST_DATABASE_URL;
const MANAGE_SERVER = String(1 << 5);

describe.runIf(url)("the bot process on a PostgreSQL server", () => {
  let knowledge: string;
  let running: StandInBot;
  let users = 0;
  const asUser = (extra: InteractionContext = {}): InteractionContext => ({ userId: `${440000000000000000n + BigInt(++users)}`, ...extra });
  const answered = (sent: SentInteraction, timeoutMs = 60_000): Promise<RecordedRequest> =>
    running.standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, timeoutMs);
  const whoSaid = async (quote: string): Promise<Json> =>
    (await answered(await running.standIn.chatInput("who-said", [{ name: "quote", type: 3, value: quote }], asUser()))).body.data;

  beforeAll(async () => {
    knowledge = mkdtempSync(join(tmpdir(), "bot-pg-server-"));
    writeFileSync(join(knowledge, "kiln.txt"), 'date 2020-08-20  Kiln fired\n\n"The kiln reached its heat by noon," said Tove Lind, the potter.\n');
    running = await startStandInBot(
      { KNOWLEDGE_DIR: knowledge, STORE: "postgres", DATABASE_URL: url, CACHE_DIR: join(knowledge, ".no-cache") },
      { loginTimeoutMs: 120_000 },
    );
  });

  afterAll(async () => {
    await running?.stop();
    if (knowledge) rmSync(knowledge, { recursive: true, force: true });
  });

  it("indexed the folder into the database at start-up and answers from it", async () => {
    expect(running.bot.stderr).toMatch(/Indexed 1 documents \(\d+ passages?\) into PostgreSQL as generation \d+/);
    expect(running.bot.stderr).not.toMatch(/embedded store/);
    expect((await whoSaid("the kiln reached its heat by noon")).embeds[0].title).toContain("Tove Lind");
  });

  it("/add re-indexes through the indexer process, and the new document answers", async () => {
    const file = running.standIn.attach(
      "glaze.txt",
      new TextEncoder().encode('date 2020-09-01  Glaze test\n\n"Blue glaze cracks in the cold," said Esa Moll, the glazer.\n'),
    );
    const sent = await running.standIn.chatInput("add", [{ name: "file", type: 11, value: file.id }], asUser({ permissions: MANAGE_SERVER }), {
      attachments: { [file.id]: file },
    });
    expect((await answered(sent)).body.type).toBe(5);
    await running.standIn.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && running.standIn.interactionResponses(sent.id).includes(r),
      120_000,
    );
    expect(running.standIn.originalMessage(sent.id).content).toMatch(/^Added `added\/glaze\.txt`/);
    expect((await whoSaid("blue glaze cracks in the cold")).embeds[0].title).toContain("Esa Moll");
  });
});
