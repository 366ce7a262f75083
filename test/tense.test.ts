// The tense that governs a time expression, read from its verb group, in made-up sentences.
import { describe, expect, it } from "vitest";
import { isReportingTime, readTense, type Tense } from "../src/extract/tense.js";

const at = (sentence: string, expr: string) => {
  const i = sentence.indexOf(expr);
  if (i < 0) throw new Error(`no "${expr}" in "${sentence}"`);
  return [i, i + expr.length] as const;
};

const ROWS: Array<[sentence: string, expression: string, tense: Tense]> = [
  // auxiliaries and modals head the group, whatever participle follows
  ["The pier will be rebuilt by the county in August.", "August", "future"],
  ["The pier was rebuilt in August.", "August", "past"],
  ["The pier has been rebuilt since August.", "August", "past"],
  ["The council would vote on Friday.", "Friday", "future"],
  ["The council would have voted on Friday.", "Friday", "past"],
  ["Rain is expected on Friday.", "Friday", "future"],
  // an infinitive after a verb that looks ahead, or after an object told to act
  ["The mayor wants to reopen the pier by early August.", "early August", "future"],
  ["The court ordered the firm to pay the fine by Friday.", "Friday", "future"],
  ["The hearing was postponed until Friday.", "Friday", "future"],
  // a plan told in the past is still ahead (one carried out would be told as done) …
  ["The ferry was set to dock on Friday.", "Friday", "future"],
  ["The agency did not plan to act on Friday.", "Friday", "future"],
  // … but a bare participle has no tense of its own: the date decides
  ["A concert planned for Friday was called off.", "Friday", "unknown"],
  // a present-simple event verb right before the expression: a schedule
  ["The choirs meet again on Friday.", "Friday", "present"],
  ["The choirs met again on Friday.", "Friday", "past"],
  // a preposition before a comma is not the next verb's ("in 2005, scrapped")
  ["The board, which will meet in 2025, scrapped the fee on Friday.", "Friday", "past"],
  // a comma inside a number ends no clause
  ["The clinic treated 1,250 patients in the town between March and May.", "March", "past"],
  // a second verb of the same subject
  ["The pool closed in May and reopens on Friday.", "Friday", "present"],
  ["The pool closed in May and reopened on Friday.", "Friday", "past"],
  // the expression before its verb
  ["The council on Friday approved the budget.", "Friday", "past"],
  // each clause its own verb
  ["She said on Friday that the mill closed in May.", "May", "past"],
  ["She said on Friday that the mill will close in May.", "May", "future"],
  ["Friday's vote.", "Friday", "unknown"],
  // "could" is past ability as often as a possibility
  ["The owner could not be reached on Friday.", "Friday", "unknown"],
  // a plan named by its noun, or an event still to be held
  ["They talked about the planned visit in September.", "September", "future"],
  ["The club announced a match to be played on Friday.", "Friday", "future"],
  ["The driver was said to be hurt on Friday.", "Friday", "past"],

  // a decision or an agreement is about an act still to come
  ["The league has decided to admit two clubs in early March.", "early March", "future"],
  // a fronted expression with a verb that plans
  ["On Friday, the council planned to open the new library.", "Friday", "future"],
  // not a subject before the verb: a noun, not a schedule
  ["In a radio address Friday, the mayor thanked the crews.", "Friday", "past"],
  // a participle after a preposition describes a noun: the verb group before it decides
  ["The county will levy a fee on imported timber Saturday, a clerk said.", "Saturday", "future"],
  ["The port is expected to inspect crates with damaged seals on Monday.", "Monday", "future"],
  ["The guild will meet with retired pilots in June.", "June", "future"],
  ["The county levied a fee on imported timber Saturday.", "Saturday", "past"],
  ["A fee on imported timber Saturday.", "Saturday", "unknown"],
  // "until", "since" before the expression are prepositions: the verb before them governs
  ["The curfew lasts until Friday.", "Friday", "present"],
  ["The curfew lasted until Friday.", "Friday", "past"],
  ["The shops stay closed until Friday.", "Friday", "present"],
  ["The strike continues through Friday.", "Friday", "present"],
  ["The pool reopens on Friday.", "Friday", "present"],
  // a present verb that expects its object to act: ahead
  ["The port expects traffic to recover in March.", "March", "future"],
  ["The port expected traffic to recover in March.", "March", "past"],
];

describe("readTense", () => {
  it.each(ROWS)("%s [%s]", (sentence, expr, tense) => {
    expect(readTense(sentence, ...at(sentence, expr)).tense).toBe(tense);
  });

  it("takes the verb only as a hint for a date that modifies a noun", () => {
    const s = "Nobody explained the June 30 deadline to the tenants.";
    expect(readTense(s, ...at(s, "June 30"))).toEqual({ tense: "past", clear: false, modifier: true });
  });

  it("says whether the tense came from the expression's own clause", () => {
    const own = "The bridges closed on Friday.";
    expect(readTense(own, ...at(own, "Friday"))).toEqual({ tense: "past", clear: true });
    const other = "On Friday, the bridges closed.";
    expect(readTense(other, ...at(other, "Friday"))).toEqual({ tense: "past", clear: false });
  });
});

describe("isReportingTime", () => {
  const s = "The owners announced on Monday that the mill shut in May.";
  it("is the reporting verb's time when the verb is next to it", () => {
    expect(isReportingTime(s, ...at(s, "Monday"))).toBe(true);
    expect(isReportingTime("On Monday announced the board its plan.", 3, 9)).toBe(true);
  });
  it("is not the event's own time", () => {
    expect(isReportingTime(s, ...at(s, "May"))).toBe(false);
    const t = "The mill closed on Monday.";
    expect(isReportingTime(t, ...at(t, "Monday"))).toBe(false);
  });
});
