// The pieces of the message context-menu commands that need no Discord: which words of a chat
// message are looked up, the HTTP endpoint's reading of a menu interaction, and the
// "Post publicly" button's custom_id; and any message text through the menus and their buttons.
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { EngineHolder } from "../src/runtime/holder.js";
import { quotationOf, searchTextOf } from "../src/answer/message-quote.js";
import { Answers } from "../src/bot/answers.js";
import type { BotContext } from "../src/bot/command.js";
import { Cooldown } from "../src/bot/cooldown.js";
import { handleInteraction } from "../src/bot/handle.js";
import { CommandOptions } from "../src/bot/options.js";
import { commandMap } from "../src/bot/registry.js";
import { FeedbackLog } from "../src/feedback/log.js";
import { callbackBody } from "../src/http/callback.js";
import { createLogger } from "../src/log.js";
import { messageProblems } from "./support/standin-validation.js";
import { tempDir } from "./helpers.js";
import { decodeCustomId, publishId } from "../src/bot/custom-ids.js";
import { QueryStore } from "../src/bot/query-store.js";
import { parseInteraction } from "../src/http/interaction.js";
import { ROOT } from "./support/bot-process.js";

describe("the quotation in a message", () => {
  it.each([
    ["“Every ferry must carry two lifeboats” — Alice Example", "Every ferry must carry two lifeboats"],
    ['did she really say "every ferry must carry two lifeboats"? <@123> https://example.org/a', "every ferry must carry two lifeboats"],
    ["> «the tide tables are printed in purple ink» ~ Bob", "the tide tables are printed in purple ink"],
    ["Alice Example said: every ferry must carry two lifeboats", "every ferry must carry two lifeboats"],
    ["every ferry must carry two lifeboats, Alice Example said.", "every ferry must carry two lifeboats"],
    ["every ferry must carry two lifeboats, according to the harbour master", "every ferry must carry two lifeboats"],
    ["**every ferry** must carry _two_ lifeboats", "every ferry must carry two lifeboats"],
  ])("%s → %s", (message, words) => {
    expect(quotationOf(message)).toBe(words);
  });

  it.each([
    // Nothing to strip: hyphens, a dash before a lower-case clause, a one-word quote, plain text.
    "The well-known sea-faring rule is simple",
    "The ferry is cheap — the only problem is it leaks",
    "Nobody calls it “safe” any more",
    "every ferry must carry two lifeboats",
  ])("keeps %s whole", (message) => {
    expect(quotationOf(message)).toBe(message);
  });

  it("has nothing for a message without text, and keeps searches within the query limit", () => {
    expect(quotationOf("<@123> https://example.org/x")).toBe("");
    expect(searchTextOf("")).toBe("");
    const long = searchTextOf("ferry ".repeat(200));
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long.endsWith("ferry")).toBe(true);
  });
});

describe("message menus over HTTP and the Post publicly button", () => {
  it("reads the target message's text from resolved.messages", () => {
    const parsed = parseInteraction({
      id: "9",
      token: "t",
      application_id: "1",
      type: 2,
      guild_id: "5",
      member: { user: { id: "7" } },
      data: {
        id: "2",
        name: "Who said this?",
        type: 3,
        target_id: "42",
        resolved: { messages: { 42: { id: "42", content: "“every ferry must carry two lifeboats”" } } },
      },
    });
    expect(parsed?.incoming).toMatchObject({
      kind: "command",
      name: "Who said this?",
      target: { content: "“every ferry must carry two lifeboats”" },
      userId: "7",
      guildId: "5",
    });
    const noMessage = parseInteraction({
      id: "9",
      token: "t",
      application_id: "1",
      type: 2,
      user: { id: "7" },
      data: { name: "Find sources", type: 3, target_id: "42" },
    });
    expect(noMessage?.incoming).toMatchObject({ kind: "command", target: { content: "" } });
  });

  it("round-trips the query in the custom_id, or through the store when it is too long", () => {
    const id = publishId({ command: "who-said", query: "two lifeboats" }, null)!;
    expect(id).toBe('pub:["w","two lifeboats"]');
    expect(decodeCustomId(id)).toEqual({ kind: "publish", query: { command: "who-said", query: "two lifeboats" } });
    const store = new QueryStore();
    const long = { command: "search" as const, query: "lifeboat ".repeat(20).trim() };
    const ref = publishId(long, store)!;
    expect(ref).toMatch(/^pubk:[\w-]+$/);
    const decoded = decodeCustomId(ref);
    expect(decoded).toMatchObject({ kind: "publish-ref" });
    expect(store.get((decoded as { key: string }).key)).toEqual(long);
    expect(publishId(long, null)).toBeNull();
    expect(decodeCustomId('pub:["x"]')).toBeNull();
  });
});

describe("message menus and vote buttons on any message", () => {
  const tmp = tempDir("menu-fuzz-");
  afterAll(() => tmp.cleanup());
  const holder = new EngineHolder(join(ROOT, "knowledge"));
  const feedback = new FeedbackLog(join(tmp.dir, "votes.jsonl"));
  const bot: BotContext = {
    holder,
    answers: new Answers(holder, { feedback: true }),
    cooldown: new Cooldown({ disabled: true }),
    log: createLogger("silent"),
    feedback,
  };
  const commands = commandMap();
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 3000 }),
    fc.constantFrom("", "“groundless accusations for political purposes” — Wang Yi", "<@1> **spectrum** auctions https://x.y"),
  );

  it("answer any message text within Discord's limits; their buttons answer within them too", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("Who said this?", "Find sources"), text, async (name, content) => {
        const reply = await handleInteraction(
          { kind: "command", name, options: new CommandOptions([]), target: { content }, userId: "1", guildId: null },
          bot,
          commands,
        );
        expect(reply.type).toBe("message");
        expect(messageProblems(callbackBody(reply).data)).toEqual([]);
        if (reply.type !== "message") return;
        expect(reply.ephemeral).toBe(true);
        for (const row of reply.message.components) {
          for (const b of row.components) {
            if (!("custom_id" in b) || !/^(pub|fb)/.test(b.custom_id)) continue;
            const pressed = await handleInteraction(
              { kind: "button", customId: b.custom_id, messageEphemeral: true, userId: "2", guildId: null },
              bot,
              commands,
            );
            expect(messageProblems(callbackBody(pressed).data)).toEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
