// Retrieval: passages holding every word come first (posting-list intersection), MiniSearch on the
// rarest words otherwise, and typos are corrected against the corpus' own words.
import { describe, expect, it } from "vitest";
import { engineFor } from "./helpers.js";

const filler = (i: number) => `The council met again on day ${i} to discuss the budget and the harbour plan, officials said.`;
const engine = engineFor({
  "a.txt": ["Harbour budget talks", "", ...Array.from({ length: 40 }, (_, i) => [filler(i), ""]).flat(), "The harbour plan was approved after the mayor changed the budget for dredging work.", ""].join("\n"),
});

describe("search index", () => {
  it("finds the one passage with all the words among many with some of them", () => {
    const hits = engine.index.searchPassages("mayor changed budget dredging");
    expect(engine.passage(hits[0]!.id as number).text).toContain("dredging");
    expect(hits).toHaveLength(1);
  });

  it("falls back to ranking on the rarest words when no passage has them all", () => {
    const hits = engine.index.searchPassages("dredging harbour zeppelin");
    expect(engine.passage(hits[0]!.id as number).text).toContain("dredging");
  });

  it("knows how rare a word is and corrects a misspelt one", () => {
    expect(engine.index.vocabulary.df.get("dredg")).toBe(1);
    expect(engine.index.vocabulary.df.get("council")).toBe(40);
    expect(engine.index.vocabulary.focus("council dredging budget harbour officials plan", 2)).toBe("dredging council");
    expect(engine.index.vocabulary.correct("the mayer aproved dredgin")).toBe("the mayor approved dredging");
  });
});
