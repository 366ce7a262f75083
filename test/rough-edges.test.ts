// Rough edges a new user met (issue 9): what the bot says when it corrects or suggests words, an
// empty /stance actor, punctuation-only input at the prompt, and stance questions without "'s".
// The documents here are written for these tests.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { EngineHolder } from "../src/runtime/holder.js";
import { answer } from "../src/answer/dispatch.js";
import { route } from "../src/answer/router.js";
import { renderNothingFound } from "../src/render/discord.js";
import { renderText } from "../src/render/text.js";
import { startRepl } from "../src/repl.js";
import { engineFor, writeKnowledge } from "./helpers.js";

const DOCS = {
  "harbour.txt": [
    "date: 2020-04-01",
    "",
    "Harbour works begin",
    "",
    "The new breakwater could potentially become deeply embedded in the town's economy, the council said.",
    "",
    "“These delays are entirely unacceptable,” said Mara Quill, the harbour master.",
    "",
    "The fishermen's union opposes the dredging plan, its chair said.",
  ].join("\n"),
};
const engine = engineFor(DOCS);

describe("did you mean", () => {
  it("offers words as the documents write them, never index stems", async () => {
    const suggestions = await engine.backend.suggest("potentially becoming deeply");
    expect(suggestions.length).toBeGreaterThan(0);
    const written = new Set(DOCS["harbour.txt"].toLowerCase().match(/[a-z’']+/g));
    for (const s of suggestions) for (const w of s.split(" ")) expect(written, `"${w}" in "${s}"`).toContain(w);
    expect(suggestions.join(" ")).not.toMatch(/\b(potenti|becom|deepli)\b/);
  });

  it("a question that finds nothing suggests the words as written, in the terminal and on Discord", async () => {
    const a = await answer(engine, { command: "when", query: "deeply embeded economies" });
    expect(a.results).toEqual([]);
    expect(a.suggestions).toEqual(["deeply embedded economy"]);
    expect(renderText(a)).toContain("Did you mean: deeply embedded economy?");
    expect(renderNothingFound(a).content).toContain("Did you mean: **deeply embedded economy**?");
  });
});

describe("a spell-corrected query", () => {
  it("is shown as a correction of what was typed, not as if it had been typed", async () => {
    const a = await answer(engine, { command: "who-said", query: "entirly unaceptable" });
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.message).toBe('Showing results for "entirely unacceptable" (corrected from "entirly unaceptable").');
    expect(renderText(a)).toContain('(corrected from "entirly unaceptable")');
  });

  it("a query that needed no correction says nothing about one", async () => {
    expect((await answer(engine, { command: "who-said", query: "entirely unacceptable" })).message).toBeUndefined();
  });
});

describe("/stance with an empty actor", () => {
  it("gives one clear message, with no 'no evidence' line about nobody", async () => {
    for (const line of ["/stance actor:", "/stance actor: topic:dredging", "/stance"]) {
      const routed = route(line);
      expect(routed.command).toBe("stance");
      const a = await answer(engine, routed as Exclude<typeof routed, { command: "empty" | "help" }>);
      expect(renderText(a)).toBe("Empty actor: give me a few words to look for.");
      expect(renderNothingFound(a).content).toBe("Empty actor: give me a few words to look for.");
    }
  });

  it("a named actor with no evidence still says so first", async () => {
    const a = await answer(engine, { command: "stance", actor: "Nobody Inparticular", topic: null });
    expect(renderText(a).split("\n")[0]).toBe("Nobody Inparticular: no evidence in the documents.");
  });
});

describe("punctuation only at the terminal prompt", () => {
  it("gets a clear reply; a blank line still gets none", async () => {
    const kb = writeKnowledge(DOCS);
    const holder = new EngineHolder(kb.dir);
    kb.cleanup();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (d: Buffer) => (printed += d.toString()));
    const done = startRepl(holder, { input, output, style: { bold: (s) => s, dim: (s) => s }, prompt: "> " });
    input.end("!!!\n\n?!.\n");
    await done;
    const replies = printed
      .split("> ")
      .slice(1)
      .map((r) => r.trim());
    expect(replies[0]).toBe('Nothing to search for in "!!!": use a few distinctive words.');
    expect(replies[1]).toBe("");
    expect(replies[2]).toBe('Nothing to search for in "?!.": use a few distinctive words.');
  });
});

describe("stance questions in other words", () => {
  it.each([
    ["what is the US stance on Huawei?", "US", "Huawei"],
    ["What's the European Commission position on 5G?", "European Commission", "5G"],
    ["what was the union position regarding the dredging plan", "union", "the dredging plan"],
    ["where does the union stand on dredging?", "the union", "dredging"],
    ["the union's position on dredging", "the union", "dredging"],
    ["Mara Quill’s stance on the delays?", "Mara Quill", "the delays"],
  ])("%s → stance", (q, actor, topic) => {
    expect(route(q)).toEqual({ command: "stance", actor, topic });
  });

  it.each(["what is the weather on Mars?", "a strong stance on dredging was taken by the council", "who said what is the US stance on Huawei"])(
    "%s is not a stance question",
    (q) => {
      expect(route(q).command).not.toBe("stance");
    },
  );
});
