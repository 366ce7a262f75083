// Answers: ranking, citations, typos, nothing-found, and bad input that changes nothing.
import { describe, expect, it } from "vitest";
import { route } from "../src/answer/router.js";
import { engineFor } from "./helpers.js";

const engine = engineFor(
  {
    "world/a.txt": [
      "date: 2019-09-02",
      "",
      "Ministers clash over network rules",
      "",
      "“The new rules are groundless accusations for political purposes,” said Foreign Minister Anna Berg.",
      "",
      "The regulator approved the merger of the two operators in January, officials said.",
      "",
      "“We will appeal the decision next month,” said Tom Reed, a lawyer for the smaller operator.",
    ].join("\n"),
    "b.md": "---\ntitle: Budget talks\n---\n\nThe budget talks collapsed on Friday after the finance minister walked out, aides said.\n",
  },
  { sourceBaseUrl: "https://git.example/repo/blob/main/knowledge" },
);

describe("who-said", () => {
  it("finds the speaker, role, quote and the cited line with a link", async () => {
    const a = await engine.whoSaid("groundless accusations");
    expect(a.results[0]).toMatchObject({
      speaker: "Anna Berg",
      role: "Foreign Minister",
      quote: "The new rules are groundless accusations for political purposes,",
    });
    expect(a.results[0]!.source).toMatchObject({
      file: "world/a.txt",
      lineStart: 5,
      lineEnd: 5,
      url: "https://git.example/repo/blob/main/knowledge/world/a.txt#L5",
    });
    const ex = a.results[0]!.source.excerpt;
    const [from, to] = a.results[0]!.highlight[0]!;
    expect(ex.slice(from, to)).toBe("The new rules are groundless accusations for political purposes,");
  });

  it("still finds the quote with a typo and in another case", async () => {
    expect((await engine.whoSaid("GROUNDLES accusatons")).results[0]?.speaker).toBe("Anna Berg");
  });

  it("answers nothing, with a message, when no quote matches", async () => {
    const a = await engine.whoSaid("quantum entanglement of bananas");
    expect(a.results).toEqual([]);
    expect(a.message).toMatch(/No quotation/);
  });
});

describe("when", () => {
  it("gives the expression as written and the resolved date", async () => {
    const a = await engine.when("regulator approved the merger");
    expect(a.results[0]).toMatchObject({ expression: "January", date: "2019-01" });
    expect(a.results[0]!.source.lineStart).toBe(7);
  });

  it("resolves a future reference forward", async () => {
    expect((await engine.when("appeal the decision")).results[0]).toMatchObject({ expression: "next month", date: "2019-10" });
  });
});

describe("search and sources", () => {
  it("ranks the passage with most of the words first and skips weak matches", async () => {
    const a = await engine.search("budget talks collapsed");
    expect(a.results[0]!.source.file).toBe("b.md");
    expect((await engine.search("ostrich migration patterns")).results).toEqual([]);
  });

  it("lists documents with title, date and passage count", async () => {
    const a = await engine.sources();
    expect(a.results.map((d) => [d.file, d.title, d.date, d.passages])).toEqual([
      ["b.md", "Budget talks", null, 1],
      ["world/a.txt", "Ministers clash over network rules", "2019-09-02", 3],
    ]);
  });
});

describe("bad input changes nothing and gets a clear message", () => {
  const before = engine.corpus.passages.length;
  it.each([
    ["", /Empty quote/],
    ["   \u200b\u200b  ", /Empty quote/],
    ["x".repeat(5000), /5,000 characters long; keep it under 500/],
    ["the of and", /Nothing to search for/],
  ])("who-said %#", async (input, message) => {
    const a = await engine.whoSaid(input);
    expect(a.results).toEqual([]);
    expect(a.message).toMatch(message);
  });

  it("odd Unicode is answered, not thrown", async () => {
    for (const q of ["🤖🤖🤖", "\u0000\u0007ping", "Ｇｒｏｕｎｄｌｅｓｓ accusations", "groundless\u202Eaccusations", "ä̸̢͔͖͎̥̗̦ccusations"]) {
      await expect(engine.whoSaid(q)).resolves.toBeDefined();
      await expect(engine.when(q)).resolves.toBeDefined();
      await expect(engine.search(q)).resolves.toBeDefined();
      await expect(engine.stance(q, q)).resolves.toBeDefined();
    }
    expect((await engine.whoSaid("Ｇｒｏｕｎｄｌｅｓｓ accusations")).results[0]?.speaker).toBe("Anna Berg");
    expect(engine.corpus.passages.length).toBe(before);
  });

  it("non-string input is refused with a message", async () => {
    expect((await engine.whoSaid(undefined)).message).toMatch(/Missing quote/);
    expect((await engine.stance(42)).message).toMatch(/Missing actor/);
  });
});

describe("plain-language routing", () => {
  it.each([
    ["who said groundless accusations?", { command: "who-said", query: "groundless accusations" }],
    ["Who said “the rules are wrong”", { command: "who-said", query: "the rules are wrong" }],
    ["when did the US bar Huawei?", { command: "when", query: "the US bar Huawei" }],
    ["what's Huawei's stance on the EU toolbox?", { command: "stance", actor: "Huawei", topic: "the EU toolbox" }],
    ["What is the position of Germany on tariffs", { command: "stance", actor: "Germany", topic: "tariffs" }],
    ["/stance actor:Acme Corp topic:the new rules", { command: "stance", actor: "Acme Corp", topic: "the new rules" }],
    ["/who-said quote:we will appeal", { command: "who-said", query: "we will appeal" }],
    ["sources", { command: "sources" }],
    ["5G spectrum auction", { command: "search", query: "5G spectrum auction" }],
    ["", { command: "empty" }],
  ])("%s", (text, expected) => {
    expect(route(text)).toEqual(expected);
  });
});
