// When a word counts as another with a typo (src/text/typos.ts): the rule, the distance it is
// measured by, what a text holds of a word by it, and the words one edit away.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  betterCorrection,
  editDistance,
  FOUND_EXACT,
  FOUND_TYPO,
  foundIn,
  isTypoOf,
  NOT_FOUND,
  oneEditAway,
  swapped,
  swapsOf,
  typoDistance,
  typoEdits,
  typosIn,
} from "../src/text/typos.js";
import SearchableMap from "minisearch/SearchableMap";

/** Levenshtein distance by the textbook's full table, for reference. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** Every string of `alphabet` up to `max` letters long. */
function allStrings(alphabet: string, max: number): string[] {
  let level = [""];
  const out = [""];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...level);
  }
  return out;
}

describe("editDistance", () => {
  it.each([
    ["harbour", "harbour", 2, 0],
    ["harbor", "harbour", 2, 1],
    ["bord", "board", 1, 1],
    ["dredging", "bridging", 2, 2],
    ["cod", "ferry", 1, 2],
  ])("%s → %s within %i is %i", (a, b, max, want) => {
    expect(editDistance(a, b, max)).toBe(want);
  });

  it("is the Levenshtein distance up to the bound, and more than the bound beyond it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "c", "é"), maxLength: 9 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c", "é"), maxLength: 9 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, max) => {
          const d = distance(a, b);
          if (d <= max) expect(editDistance(a, b, max)).toBe(d);
          else expect(editDistance(a, b, max)).toBeGreaterThan(max);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe("typoEdits and isTypoOf", () => {
  it("allow no edit under four letters, one up to nine, two from ten", () => {
    expect([typoEdits("tax"), typoEdits("taxes"), typoEdits("tariffss"), typoEdits("lifeboats"), typoEdits("harbourage")]).toEqual([0, 1, 1, 1, 2]);
  });

  it("count a swap of neighbouring letters as one slip, at any length", () => {
    expect(isTypoOf("quay", "quya")).toBe(true);
    expect(isTypoOf("budget", "bugdet")).toBe(true);
    expect(isTypoOf("harbourmaster", "harbuormaster")).toBe(true);
    // two swaps, or a swap and another slip, are two slips
    expect(isTypoOf("budget", "ubgdet")).toBe(false);
    expect(isTypoOf("tariffs", "atriffx")).toBe(false);
  });

  it("allow two slips only from ten letters", () => {
    expect(isTypoOf("harbourmaster", "harbormastr")).toBe(true);
    expect(isTypoOf("lifeboats", "lifebaots")).toBe(true);
    // two edits from a word of eight letters often make another word: not a typo of it
    expect(isTypoOf("position", "positive")).toBe(false);
    expect(isTypoOf("mariners", "marine")).toBe(false);
  });

  it("count a word within those edits, of at least four letters, and nothing for a short query word", () => {
    expect(isTypoOf("harbour", "harbor")).toBe(true);
    expect(isTypoOf("harbour", "harboured")).toBe(false);
    expect(isTypoOf("lifeboats", "lifebaots")).toBe(true);
    expect(isTypoOf("tax", "tux")).toBe(false);
    expect(isTypoOf("taxes", "tax")).toBe(false);
  });
});

describe("swapped and typoDistance", () => {
  it("find one swap of neighbouring letters, and nothing else", () => {
    expect(swapped("harbour", "harbuor")).toBe(true);
    expect(swapped("harbour", "hrabour")).toBe(true);
    expect(swapped("harbour", "harbour")).toBe(false);
    expect(swapped("harbour", "harbor")).toBe(false);
    expect(swapped("harbour", "rahbour")).toBe(false);
    expect(swapped("harbour", "hrabuor")).toBe(false);
  });

  it("swapsOf gives each swap of two different neighbours once, and nothing for a word without one", () => {
    expect(swapsOf("quay").sort()).toEqual(["qauy", "quya", "uqay"]);
    expect(swapsOf("book").sort()).toEqual(["boko", "obok"]);
    expect(swapsOf("aaa")).toEqual([]);
    expect(swapsOf("a")).toEqual([]);
  });

  it("typosIn finds a tree's words within the rule: one edit or a swap for one slip, fuzzyGet's own without swaps or beyond one", () => {
    const tree = new SearchableMap<number>();
    for (const [w, n] of [
      ["harbour", 5],
      ["harbor", 3],
      ["hrabour", 1],
      ["harobur", 2],
      ["arbours", 4],
    ] as const)
      tree.set(w, n);
    const found = (max: number, swaps?: boolean) =>
      typosIn(tree, "harbour", max, swaps)
        .map(([w, n, d]) => `${w}:${n}:${d}`)
        .sort();
    expect(found(1)).toEqual(["harbor:3:1", "harbour:5:0", "harobur:2:1", "hrabour:1:1"]);
    expect(found(1, false)).toEqual(["harbor:3:1", "harbour:5:0"]);
    // two edits reach the swaps by themselves (at two), and "arbours"
    expect(found(2)).toEqual(["arbours:4:2", "harbor:3:1", "harbour:5:0", "harobur:2:2", "hrabour:1:2"]);
    expect(typosIn(tree, "quay", 1)).toEqual([]);
  });

  it("betterCorrection prefers fewer edits, then the more frequent word, then the first in alphabetical order", () => {
    const c = (word: string, d: number, n: number) => ({ word, d, n });
    expect(betterCorrection(c("bay", 1, 1), null)).toBe(true);
    expect(betterCorrection(c("bay", 1, 1), c("quay", 2, 50))).toBe(true);
    expect(betterCorrection(c("bay", 1, 9), c("key", 1, 3))).toBe(true);
    expect(betterCorrection(c("key", 1, 3), c("bay", 1, 9))).toBe(false);
    expect(betterCorrection(c("bay", 1, 3), c("key", 1, 3))).toBe(true);
    expect(betterCorrection(c("key", 1, 3), c("bay", 1, 3))).toBe(false);
  });

  it("is the edit distance, but one for a single swap", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (a, b, max) => {
          expect(typoDistance(a, b, max)).toBe(swapped(a, b) ? 1 : editDistance(a, b, max));
          expect(typoDistance(a, b, max)).toBeLessThanOrEqual(editDistance(a, b, max));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe("foundIn", () => {
  it("says exactly, a typo away or not at all", () => {
    const stems = new Set(["harbor", "board", "dredg"]);
    expect(foundIn("board", stems)).toBe(FOUND_EXACT);
    expect(foundIn("harbour", stems)).toBe(FOUND_TYPO);
    expect(foundIn("zeppelin", stems)).toBe(NOT_FOUND);
    expect(foundIn("bor", new Set(["bar"]))).toBe(NOT_FOUND);
  });
});

describe("oneEditAway", () => {
  it("gives every string of the alphabet one edit away, and nothing else", () => {
    const every = allStrings("abc", 5);
    for (const word of ["", "a", "ab", "cab", "abca"]) {
      const got = oneEditAway(word, "abc");
      expect(new Set(got).size).toBe(got.length);
      expect(new Set(got)).toEqual(new Set(every.filter((s) => distance(word, s) === 1)));
    }
  });

  it("gives the swaps of neighbouring letters too when asked, and only then", () => {
    expect(oneEditAway("abc", "abc", true)).toEqual(expect.arrayContaining(["bac", "acb"]));
    expect(oneEditAway("abc", "abc")).not.toContain("bac");
    // a swap of equal letters is the word itself
    expect(oneEditAway("aab", "ab", true)).not.toContain("aab");
  });

  it("keeps the word's own letters outside the alphabet, and never gives the word itself", () => {
    expect(oneEditAway("é", "a").sort()).toEqual(["", "a", "aé", "éa"]);
    expect(oneEditAway("aa", "a")).not.toContain("aa");
  });
});
