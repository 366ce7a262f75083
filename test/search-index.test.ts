// Retrieval: passages holding every word come first (posting-list intersection), MiniSearch on the
// rarest words otherwise, and typos are corrected against the corpus' own words.
import { describe, expect, it } from "vitest";
import { PassageSearch, SearchIndex } from "../src/index/search-index.js";
import { engineFor } from "./helpers.js";

const filler = (i: number) => `The council met again on day ${i} to discuss the budget and the harbour plan, officials said.`;
const engine = engineFor({
  "a.txt": [
    "Harbour budget talks",
    "",
    ...Array.from({ length: 40 }, (_, i) => [filler(i), ""]).flat(),
    "The harbour plan was approved after the mayor changed the budget for dredging work.",
    "",
  ].join("\n"),
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

describe("the all-words lists read from MiniSearch's internals", () => {
  const words = ["harbour", "council", "budget", "dredging", "ferry", "quay", "vote", "mayor", "tide", "plan", "union", "winter"];
  const docs: Record<string, string> = {};
  // A corpus with many overlaps: passage i holds the words whose bit is set in i.
  for (let d = 0; d < 6; d++) {
    const paras: string[] = [];
    for (let k = 1; k <= 40; k++) {
      const i = d * 40 + k;
      paras.push(`Paragraph about ${words.filter((_, b) => (i >> (b % 8)) & 1 || (b >= 8 && i % (b - 5) === 0)).join(" and ")} today.`);
    }
    docs[`doc${d}.txt`] = `Notes ${d}\n\n${paras.join("\n\n")}`;
  }
  const idx = engineFor(docs).index;

  it("equal MiniSearch's own AND search over the text, for every pair and triple of words, and words no passage has", () => {
    const queries = [
      ...words.flatMap((a, i) => words.slice(i + 1).flatMap((b, j) => [`${a} ${b}`, `${a} ${b} ${words[(i + j + 3) % words.length]}`])),
      "harbour zeppelin",
      "zeppelin",
      "the and of",
    ];
    let nonEmpty = 0;
    for (const q of queries) {
      const ours = idx.withAllWords(q);
      const theirs = idx.passages
        .search(q, { combineWith: "AND", fields: ["text"], fuzzy: false, prefix: false })
        .map((r) => r.id as number)
        .sort((a, b) => a - b);
      expect(ours, q).toEqual(theirs);
      if (ours.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it("survive a save and load (the loaded index is the same subclass)", () => {
    const loaded = SearchIndex.fromStored(idx.toStored());
    expect(loaded.passages).toBeInstanceOf(PassageSearch);
    for (const q of ["harbour council", "ferry quay vote", "tide zeppelin"]) expect(loaded.withAllWords(q), q).toEqual(idx.withAllWords(q));
  });
});
