// /check and /said as plain answers (no Discord): the word diff, speaker matching, verdicts,
// the inverse of who-said, and the plain-language routes to both.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerCheck } from "../src/answer/check.js";
import { quotationOf } from "../src/answer/message-quote.js";
import { route } from "../src/answer/router.js";
import { answerSaid } from "../src/answer/said.js";
import { speakerMatcher } from "../src/answer/speaker-match.js";
import { alignWords } from "../src/answer/word-diff.js";
import { toJson } from "../src/render/json.js";
import { plain, renderText } from "../src/render/text.js";
import { engineFor } from "./helpers.js";

const engine = engineFor({
  "harbour.txt":
    'date 2021-03-04  Harbour notes\n\nThe harbour reopened on Monday after the storm.\n\nAlice Example, the harbour master, said: "Every ferry must carry two lifeboats and a working radio."\n\nBob Sample, a ferry captain, said: "The new timetable is a disaster for the island."\n',
  "market.txt":
    'date 2022-06-10  Market day\n\nThe fish market moved to the old warehouse.\n\nAlice Example said the market rents would double next year.\n\n"We cannot keep the stalls open in winter," Alice Example said.\n\nThe old warehouse leaks when it rains.\n',
});

describe("word diff", () => {
  it("finds the quotation inside a longer text and lists one changed word", () => {
    const text = 'The captain said: "Every ferry must carry two lifeboats." Then he left.';
    const a = alignWords("every ferry should carry two lifeboats", text)!;
    expect(text.slice(a.start, a.end)).toBe("Every ferry must carry two lifeboats");
    expect(a.changes).toEqual([{ query: "should", text: "must", start: text.indexOf("must"), end: text.indexOf("must") + 4 }]);
    expect(a.matched).toBe(5);
  });

  it("ignores case, punctuation, quote styles and contractions; nothing else", () => {
    const a = alignWords("we are NOT talking about bans, today", "“We’re not talking about bans today.”")!;
    expect(a.changes).toEqual([]);
    expect(a.similarity).toBe(1);
  });

  it("reports words the question adds and words it leaves out", () => {
    const added = alignWords("two big red lifeboats", "carry two red lifeboats")!;
    expect(added.changes.map((c) => [c.query, c.text])).toEqual([["big", ""]]);
    const dropped = alignWords("two lifeboats", "two spare lifeboats")!;
    expect(dropped.changes.map((c) => [c.query, c.text])).toEqual([["", "spare"]]);
  });

  it("finds nothing when no word is shared", () => {
    expect(alignWords("purple elephants", "Every ferry must carry two lifeboats")).toBeNull();
  });
});

describe("speaker matching", () => {
  it("knows a surname, an alias and someone speaking for an organization, and nobody else", () => {
    expect(speakerMatcher("Example")("Alice Example", null)).toBe("same");
    expect(speakerMatcher("U.S.")("United States", null)).toBe("same");
    expect(speakerMatcher("Harbourco")("Jo Bloggs", "Harbourco's spokeswoman")).toBe("on-behalf");
    expect(speakerMatcher("Bob Sample")("Alice Example", "the harbour master")).toBe("none");
    expect(speakerMatcher("Alice")(null, null)).toBe("none");
  });
});

describe("check", () => {
  it("exact: the words as the text has them, with the speaker and the line", async () => {
    const a = await answerCheck(engine, "“Every ferry must carry two lifeboats”");
    expect(a.verdict).toBe("exact");
    expect(a.results[0]).toMatchObject({ speaker: "Alice Example", role: "harbour master", quote: "Every ferry must carry two lifeboats", diff: [] });
    expect(a.results[0]!.source).toMatchObject({ file: "harbour.txt", lineStart: 5 });
  });

  it("close: shows the word the text has", async () => {
    const a = await answerCheck(engine, "Every ferry should carry two lifeboats and a working radio", "Alice Example");
    expect(a.verdict).toBe("close");
    expect(a.results[0]!.diff).toEqual([{ query: "should", text: "must" }]);
    expect(renderText(a, plain).split("\n")[0]).toBe("Close: the text says [-should-] {+must+} — quoting Alice Example, harbour master.");
  });

  it("other-speaker: names the speaker the text gives", async () => {
    const a = await answerCheck(engine, "The new timetable is a disaster for the island", "Alice Example");
    expect(a.verdict).toBe("other-speaker");
    expect(a.results[0]!.speaker).toBe("Bob Sample");
    expect(renderText(a, plain)).toMatch(/^Attributed to someone else: the text gives these words to Bob Sample, ferry captain — not Alice Example\./);
  });

  it("prefers the named speaker's words when someone else said them too", async () => {
    const a = await answerCheck(engine, "we cannot keep the stalls open in winter", "Alice");
    expect(a.verdict).toBe("exact");
    expect(a.results[0]!.speaker).toBe("Alice Example");
  });

  it("not-found: no results, and words without a speaker are not given one", async () => {
    const none = await answerCheck(engine, "The lighthouse is painted green");
    expect(none.verdict).toBe("not-found");
    expect(none.results).toEqual([]);
    expect(renderText(none, plain)).toBe("Not found: the documents do not say this, nor anything close to it.");
    const anonymous = await answerCheck(engine, "the old warehouse leaks when it rains");
    expect(anonymous.verdict).toBe("exact");
    expect(anonymous.results[0]!.speaker).toBeNull();
    expect(anonymous.message).toMatch(/not as anyone's quotation/);
  });

  it("bad input gets a message and no verdict line", async () => {
    const a = await answerCheck(engine, "   ");
    expect(a.results).toEqual([]);
    expect(renderText(a, plain)).toMatch(/^Empty quote/);
  });

  it("JSON: command, verdict, results with speaker, role, quote, diff and source", async () => {
    const j = toJson(await answerCheck(engine, "Every ferry should carry two lifeboats")) as { results: Array<Record<string, unknown>> };
    expect(Object.keys(j)).toEqual(["command", "verdict", "results"]);
    expect(Object.keys(j.results[0]!)).toEqual(["speaker", "role", "quote", "diff", "source"]);
    expect(Object.keys(j.results[0]!.source as object)).toEqual(["file", "lineStart", "lineEnd", "excerpt", "url"]);
    expect(toJson(await answerCheck(engine, "purple elephants dance"))).toEqual({ command: "check", verdict: "not-found", results: [] });
  });
});

describe("said", () => {
  it("lists a speaker's quotations and reported statements, full direct quotes first", async () => {
    const a = await answerSaid(engine, "Alice Example");
    expect(a.results.map((r) => r.quote)).toEqual([
      "Every ferry must carry two lifeboats and a working radio.",
      "We cannot keep the stalls open in winter,",
      expect.stringContaining("market rents would double"),
    ]);
    expect(a.results[2]!.direct).toBe(false);
    expect(a.results[0]!.docDate).toBe("2021-03-04");
    expect(renderText(a, plain).split("\n")[0]).toBe("1. Alice Example — harbour master, 4 March 2021");
  });

  it("with a topic: only what touches it, best first; and says when nothing does", async () => {
    const a = await answerSaid(engine, "Example", "market rents");
    expect(a.results[0]!.quote).toContain("market rents would double");
    expect(a.results.every((r) => r.source.file === "market.txt")).toBe(true);
    const none = await answerSaid(engine, "Bob Sample", "market rents");
    expect(none.results).toEqual([]);
    expect(none.message).toBe('"Bob Sample" is quoted 1 time in the documents, but not about "market rents".');
  });

  it("quotations whose own paragraph has the topic come first; the headline alone counts only when nothing else does", async () => {
    expect((await answerSaid(engine, "Alice Example", "market")).results.map((r) => r.quote)).toEqual([expect.stringContaining("market rents would double")]);
    expect((await answerSaid(engine, "Alice Example", "day")).results.map((r) => r.source.file)).toEqual(["market.txt", "market.txt"]);
  });

  it("an unknown speaker gets suggestions, never someone else's words", async () => {
    const a = await answerSaid(engine, "Alicia Exemple");
    expect(a.results).toEqual([]);
    expect(a.suggestions).toContain("Alice Example");
    expect(toJson(await answerSaid(engine, "Bob"))).toMatchObject({
      command: "said",
      results: [{ speaker: "Bob Sample", quote: "The new timetable is a disaster for the island.", source: { file: "harbour.txt" } }],
    });
  });
});

describe("routes", () => {
  it("what did X say (about Y)? is said; stance and who-said questions are unchanged", () => {
    expect(route("what did Alice Example say?")).toEqual({ command: "said", speaker: "Alice Example", topic: null });
    expect(route("What has Huawei said about the EU toolbox?")).toEqual({ command: "said", speaker: "Huawei", topic: "the EU toolbox" });
    expect(route("/said speaker:Huawei topic:toolbox")).toEqual({ command: "said", speaker: "Huawei", topic: "toolbox" });
    expect(route("/said Huawei about the toolbox")).toEqual({ command: "said", speaker: "Huawei", topic: "the toolbox" });
    expect(route("who said groundless accusations?")).toEqual({ command: "who-said", query: "groundless accusations" });
    expect(route("what does Huawei think about the toolbox?")).toMatchObject({ command: "stance", actor: "Huawei" });
  });

  it("/check and did X say \"…\"? are check; a bare word 'check' stays a search", () => {
    expect(route("/check quote:every ferry must carry speaker:Alice")).toEqual({ command: "check", query: "every ferry must carry", speaker: "Alice" });
    expect(route("/check “every ferry must carry”")).toEqual({ command: "check", query: "every ferry must carry", speaker: null });
    expect(route('did Alice Example say "every ferry must carry two lifeboats"?')).toEqual({
      command: "check",
      query: "every ferry must carry two lifeboats",
      speaker: "Alice Example",
    });
    expect(route("check the ferry timetable")).toEqual({ command: "search", query: "check the ferry timetable" });
  });
});

describe("any input", () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("", "  ", "“”", "'s", "don't", "every ferry must", "— Alice", "<@1> https://x"),
  );
  it("check, said and the message menus' word picking never throw, and answer within their contract", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.option(text), async (quote, speaker) => {
        const a = await answerCheck(engine, quote, speaker);
        expect(["exact", "close", "other-speaker", "not-found"]).toContain(a.verdict);
        if (a.verdict === "not-found") expect(a.results).toEqual([]);
        for (const r of a.results) expect(r.source.lineStart).toBeGreaterThan(0);
        const s = await answerSaid(engine, quote, speaker);
        for (const r of s.results) expect(r.speaker).toBeTruthy();
        expect(quotationOf(quote).length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 300 },
    );
  });
});
