// The word-by-word lexicon matcher used for speech verbs and stance cues.
import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "../src/text/phrases.js";

describe("PhraseMatcher", () => {
  const m = new PhraseMatcher<string>([
    ["said", "verb"],
    ["according to", "phrase"],
    ["agreed", "verb"],
    ["agreed to", "phrase"],
  ]);
  const found = (text: string, from?: number, to?: number) => m.matches(text, from, to).map((x) => [text.slice(x.start, x.end), x.phrase, x.value]);

  it("finds whole words in any case, longest phrase first", () => {
    expect(found("He SAID they Agreed  to it, according to Reuters.")).toEqual([
      ["SAID", "said", "verb"],
      ["Agreed  to", "agreed to", "phrase"],
      ["according to", "according to", "phrase"],
    ]);
  });

  it("ignores parts of words and words glued to other letters", () => {
    expect(found("unsaid saidé resaid sayings agreedto")).toEqual([]);
  });

  it("keeps to the range and reports offsets in the whole text", () => {
    const text = "said. Then he said it.";
    expect(m.matches(text, 5).map((x) => x.start)).toEqual([14]);
    expect(m.matches(text, 0, 4).map((x) => x.start)).toEqual([0]);
  });
});
