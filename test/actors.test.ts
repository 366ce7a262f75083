// Actors: named mentions, lower-case groups, and the keys that make aliases one actor. Sentences
// are written for the test; each table has cases that must find nothing.
import { describe, expect, it } from "vitest";
import { actorKey, actorMentions, isPersonLike, nounChunkAfter, nounChunkBefore, normalizeActor } from "../src/extract/actors.js";

const names = (s: string) => actorMentions(s, 0, () => true).map((m) => m.name);

describe("named actors in a sentence", () => {
  it.each([
    ["Chile and Peru rejected the quota.", ["Chile", "Peru"]],
    ["In July Acme warned the board.", ["Acme"]],
    ["Acme met the regulator in March.", ["Acme"]],
    ["If Norway agrees, the talks go on.", ["Norway"]],
    ["Nonetheless, Norway agreed.", ["Norway"]],
    ["Mayor Ben Ortiz spoke first.", ["Ben Ortiz"]],
    ["The Harbour Commission of Lima met.", ["Harbour Commission of Lima"]],
    ["Chinese diplomats left early.", ["China"]],
  ])("%s", (sentence, want) => expect(names(sentence)).toEqual(want));

  it.each(["In July the talks resumed.", "But nobody came.", "The weather turned on Monday."])("finds nothing in: %s", (s) => expect(names(s)).toEqual([]));
});

describe("lower-case groups as subjects and objects", () => {
  const before = (s: string, verb: string) => nounChunkBefore(s, 0, s.indexOf(verb))?.text ?? null;
  const after = (s: string, verb: string) => nounChunkAfter(s, s.indexOf(verb) + verb.length, s.length)?.text ?? null;
  it.each([
    ["Some local bus drivers have rejected it.", "rejected", "local bus drivers"],
    ["Yesterday the nurses' union backed it.", "backed", "nurses' union"],
    ["The residents strongly opposed it.", "opposed", "residents"],
    ["Dairy farmers will not accept it.", "accept", "farmers"],
  ])("subject of: %s", (s, verb, want) => expect(before(s, verb)).toBe(want));

  it.each([
    ["The new plan would ban it.", "ban"],
    ["It was rejected.", "rejected"],
    ["They quickly rejected it.", "rejected"],
    ["The weather has blocked it.", "blocked"],
  ])("no acting group before the verb in: %s", (s, verb) => expect(before(s, verb)).toBeNull());

  it.each([
    ["The verdict angered the fishermen's union.", "angered", "fishermen's union"],
    ["The ruling upset many small traders.", "upset", "small traders"],
  ])("object of: %s", (s, verb, want) => expect(after(s, verb)).toBe(want));

  it.each([
    ["The verdict angered them.", "angered"],
    ["The verdict angered the whole town.", "angered"],
  ])("no acting group after the verb in: %s", (s, verb) => expect(after(s, verb)).toBeNull());
});

describe("actor keys", () => {
  it.each([
    ["the Government of the Republic of Korea", "south korea"],
    ["Korean government", "south korea"],
    ["the nurses' union", "nurses union"],
    ["Washington", "united states"],
    ["Acme's", "acme"],
  ])("%s → %s", (name, key) => expect(actorKey(name).key).toBe(key));

  it("normalizes dots, case, a leading 'the' and possessives", () => {
    expect(normalizeActor("The U.N.")).toBe("un");
    expect(normalizeActor("farmers' league")).toBe("farmers league");
  });

  it("tells a person's name from an organization's", () => {
    const m = (text: string) => ({ key: normalizeActor(text), name: text, text, start: 0, end: text.length });
    expect(isPersonLike(m("Ruth Okafor"))).toBe(true);
    expect(isPersonLike(m("Harbour Commission"))).toBe(false);
    expect(isPersonLike(m("Bank of Lima"))).toBe(false);
    expect(isPersonLike(m("Acme"))).toBe(false);
  });
});
