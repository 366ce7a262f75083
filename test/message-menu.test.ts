// The pieces of the message context-menu commands that need no Discord: which words of a chat
// message are looked up, the HTTP endpoint's reading of a menu interaction, and the
// "Post publicly" button's custom_id.
import { describe, expect, it } from "vitest";
import { quotationOf, searchTextOf } from "../src/answer/message-quote.js";
import { decodeCustomId, publishId } from "../src/bot/custom-ids.js";
import { QueryStore } from "../src/bot/query-store.js";
import { parseInteraction } from "../src/http/interaction.js";

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
      id: "9", token: "t", application_id: "1", type: 2, guild_id: "5", member: { user: { id: "7" } },
      data: { id: "2", name: "Who said this?", type: 3, target_id: "42", resolved: { messages: { 42: { id: "42", content: "“every ferry must carry two lifeboats”" } } } },
    });
    expect(parsed?.incoming).toMatchObject({ kind: "command", name: "Who said this?", target: { content: "“every ferry must carry two lifeboats”" }, userId: "7", guildId: "5" });
    const noMessage = parseInteraction({ id: "9", token: "t", application_id: "1", type: 2, user: { id: "7" }, data: { name: "Find sources", type: 3, target_id: "42" } });
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
