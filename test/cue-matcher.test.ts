// Lexicon words found by base form: regular inflections match, derived words do not.
import { describe, expect, it } from "vitest";
import { baseForms, CueMatcher } from "../src/extract/cue-matcher.js";

describe("base forms of a written word", () => {
  it.each([
    ["signed", "sign"],
    ["signing", "sign"],
    ["signs", "sign"],
    ["criticised", "criticise"],
    ["denies", "deny"],
    ["denied", "deny"],
    ["barred", "bar"],
    ["banning", "ban"],
    ["opposes", "oppose"],
    ["Welcomed", "welcome"],
  ])("%s can be %s", (word, base) => expect(baseForms(word)).toContain(base));

  it.each([
    ["supporters", "support"],
    ["backer", "back"],
    ["signal", "sign"],
    ["banner", "ban"],
  ])("%s is not %s", (word, base) => expect(baseForms(word)).not.toContain(base));
});

describe("finding phrases", () => {
  const m = new CueMatcher<string>([
    ["call for", "support"],
    ["call", "frame"],
    ["take issue with", "criticism"],
    ["took issue with", "criticism"],
    ["sign", "support"],
  ]);
  const found = (text: string) => m.matches(text).map((x) => `${text.slice(x.start, x.end)}=${x.phrase}${x.baseForm ? "" : "*"}`);

  it.each([
    ["They called for calm.", ["called for=call for*"]],
    ["She calls them often.", ["calls=call*"]],
    ["He took issue with it.", ["took issue with=took issue with"]],
    ["Both are taking issue with it.", ["taking issue with=take issue with*"]],
    ["Ministers will sign.", ["sign=sign"]],
    ["Ministers had signed, signing again.", ["signed=sign*", "signing=sign*"]],
  ])("%s", (text, want) => expect(found(text)).toEqual(want));

  it.each(["The signal failed.", "A recall was ordered.", "The signatories met.", "Recalling it, they left."])("finds nothing in: %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("needs the words of a phrase side by side", () => {
    expect(found("They called, for once, quietly.")).toEqual(["called=call*"]);
  });
});

describe("gap words inside a phrase", () => {
  // A copula's adverb or negation may stand inside a phrase that starts with the copula.
  const m = new CueMatcher<string>(
    [
      ["is against", "criticism"],
      ["call for", "support"],
    ],
    (first, word) => first === "is" && /^(?:not|firmly|\p{Ll}+ly)$/u.test(word),
  );
  const found = (text: string) => m.matches(text).map((x) => text.slice(x.start, x.end));

  it.each([
    ["Acme is firmly against it.", ["is firmly against"]],
    ["Acme is not against it.", ["is not against"]],
    ["Acme is not firmly against it.", ["is not firmly against"]],
    ["Acme is against it.", ["is against"]],
  ])("%s", (text, want) => expect(found(text)).toEqual(want));

  it.each(["Acme is not, on balance, against it.", "Acme is very much not really against it.", "They called loudly for calm.", "It is a vote against it."])(
    "finds nothing in: %s",
    (text) => expect(found(text)).toEqual([]),
  );
});
