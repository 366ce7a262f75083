// Which actor keys a stance question reads (answer/actor-match.ts). Names are written for the test.
import { describe, expect, it } from "vitest";
import { actorMatcher, wordsEveryMatchHolds } from "../src/answer/actor-match.js";
import { actorKey, normalizeActor } from "../src/extract/actors.js";

describe("the keys a name matches", () => {
  it.each([
    ["Greta Lindholm", "greta lindholm"],
    ["Lindholm", "greta lindholm"],
    ["bus drivers", "local bus drivers"],
    ["Port Authority", "port authority of valdera"],
    ["the Harbour Board", "harbour board"],
  ])("%s matches %s", (name, key) => expect(actorMatcher(name)(key)).toBe(true));

  it.each([
    ["Greta Lindholm", "greta"],
    ["Greta Lindholm", "lindholm group"],
    ["bus drivers", "bus companies"],
    ["Port Authority", "port authority officials"],
    ["Federation of Small Traders", "federation of farmers"],
  ])("%s does not match %s", (name, key) => expect(actorMatcher(name)(key)).toBe(false));
});

describe("the words every matching key holds", () => {
  it("are the last words of the name and of its key", () => {
    expect(wordsEveryMatchHolds("Federation of Small Traders")).toEqual(["traders"]);
    expect(wordsEveryMatchHolds("the nurses' union")).toEqual(["union"]);
  });

  // Keys made of the names' words and others, in every order and length: each the matcher accepts
  // holds one of the words, so fetching only keys that do loses nothing.
  const names = [
    "Greta Lindholm",
    "Lindholm",
    "bus drivers",
    "local bus drivers",
    "Port Authority",
    "the Harbour Board",
    "Federation of Small Traders",
    "Ortiz's",
    "U.S.",
  ];
  const words = [...new Set(names.flatMap((n) => normalizeActor(n).split(" ")).concat(["of", "the", "valdera", "officials", "government", "group"]))];
  const keys = new Set<string>();
  for (const a of words) {
    keys.add(a);
    for (const b of words) {
      keys.add(`${a} ${b}`);
      for (const c of words) keys.add(`${a} ${b} ${c}`);
    }
  }
  for (const n of names) keys.add(normalizeActor(n)).add(actorKey(n).key);

  it.each(names)("%s", (name) => {
    const matches = actorMatcher(name);
    const held = wordsEveryMatchHolds(name);
    const matched = [...keys].filter((k) => matches(k));
    expect(matched.length).toBeGreaterThan(0);
    for (const k of matched) expect(k.split(" ").some((w) => held.includes(w))).toBe(true);
  });
});
