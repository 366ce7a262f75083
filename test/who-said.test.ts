// who-said never guesses: it answers only when a quotation holds the asked words closely enough
// (most of them, and in the order asked), and it merges results that cite the same words at the
// same lines. Documents and questions are written for these tests.
import { describe, expect, it } from "vitest";
import { closeEnough, WHO_SAID_MIN_ORDERED } from "../src/answer/who-said.js";
import { makeQuery } from "../src/answer/match.js";
import { engineFor } from "./helpers.js";

const engine = engineFor({
  "harbour.txt": [
    "date: 2024-03-02",
    "",
    "Harbour plan splits the council",
    "",
    "“The harbour plan is the best news this town has had in a decade,” said Mayor Ana Silva.",
    "",
    "Tom Baker, a retired fisherman, disagreed. “They never asked the fishing families about the plan,” he said.",
    "",
    "“Build the wall now,” said Grace Lin. At the second meeting, to cheers, “Build the wall now,” said Grace Lin.",
    "",
    "The council will vote on the plan in April, officials said.",
  ].join("\n"),
});

describe("who-said answers when the quotation holds the asked words", () => {
  const rows: Array<[string, string]> = [
    ["best news this town has had", "Ana Silva"],
    ["never asked the fishing families", "Tom Baker"],
    ["the harbour plan is the best news", "Ana Silva"],
    // a word left out of the middle still keeps most of the words in order
    ["never asked fishing families about the plan", "Tom Baker"],
  ];
  it.each(rows)("%s → %s", async (query, speaker) => {
    expect((await engine.whoSaid(query)).results[0]?.speaker).toBe(speaker);
  });
});

describe("who-said finds nothing for made-up quotations", () => {
  // Words of the document, in combinations the document never says.
  const rows = ["council fishing decade wall", "the town the plan the", "families cheers harbour meeting", "mayor disagreed retired wall news"];
  it.each(rows)("%s", async (query) => {
    const a = await engine.whoSaid(query);
    expect(a.results).toEqual([]);
  });
});

describe("closeEnough: the acceptance rule", () => {
  const q = makeQuery("the best news this town has had");
  const rows: Array<[string, { coverage: number; phrase: number }, boolean]> = [
    ["all words, in order", { coverage: 1, phrase: 1 }, true],
    ["all words, half in order", { coverage: 1, phrase: WHO_SAID_MIN_ORDERED }, true],
    ["all words, scattered", { coverage: 1, phrase: 2 / 7 }, false],
    ["too few words", { coverage: 0.5, phrase: 0.5 }, false],
  ];
  it.each(rows)("%s", (_name, m, ok) => {
    expect(closeEnough(m, q)).toBe(ok);
  });

  it("one distinctive word among filler must be found as written", () => {
    const one = makeQuery("the wall the");
    expect(closeEnough({ coverage: 1, phrase: 2 / 3 }, one)).toBe(false);
    expect(closeEnough({ coverage: 1, phrase: 1 }, one)).toBe(true);
  });
});

describe("who-said merges results that cite the same words at the same lines", () => {
  it("a quotation said twice on one line is one result", async () => {
    const a = await engine.whoSaid("build the wall now");
    expect(a.results).toHaveLength(1);
    expect(a.results[0]).toMatchObject({ speaker: "Grace Lin", quote: "Build the wall now," });
  });
});
