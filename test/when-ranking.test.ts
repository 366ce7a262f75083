// Which expression a "when" answer picks in a sentence with several: the one in the clause of the
// matched words, and the event's own time before the time it was reported. Made-up articles.
import { describe, expect, it } from "vitest";
import { engineFor } from "./helpers.js";

const engine = engineFor({
  "mill.md": [
    "---",
    "title: Mill closes after strike",
    "date: 2021-06-16",
    "---",
    "",
    "The owners announced on Monday that the paper mill shut in May after a long strike.",
    "",
    "The union voted on Tuesday to accept the offer, and the quarry reopened in April.",
    "",
    "The harbour works will be finished in five years, the port said on Friday.",
    "",
    "Fishing quotas have been cut for more than a year now, and the fleet sails again on Thursday.",
    "",
    "The lighthouse first shone in 1887 and was automated in the 1960s.",
    "",
    "Divers on Sunday reached the crew of a trawler stranded since June 9 off the cape.",
    "",
    "The cyclist who was detained in Oxley on Monday by two traffic wardens was freed by a judge on Thursday.",
    "",
  ].join("\n"),
});

// Two articles about one event: the time of each sentence is fronted, once before a comma.
const ferries = engineFor({
  "plan.md": ["---", "title: Island fares", "date: 2022-03-02", "---", "", "Next week, the ferry line will raise fares on the island route.", ""].join("\n"),
  "done.md": ["---", "title: Island fares", "date: 2022-03-02", "---", "", "Earlier this year the ferry line raised fares on the island route.", ""].join("\n"),
});

describe("when: a fronted expression", () => {
  it("belongs to the clause after its comma", async () => {
    expect((await ferries.when("ferry line raise fares island route")).results[0]).toMatchObject({ expression: "Next week" });
  });

  it("finds nothing for another route", async () => {
    expect((await ferries.when("airline cut fares mainland")).results).toEqual([]);
  });
});

describe("when: which expression in the sentence", () => {
  it("dates the reported event, not the report", async () => {
    expect((await engine.when("paper mill shut")).results[0]).toMatchObject({ expression: "May", date: "2021-05" });
  });

  it("keeps the reporting time when the question is about the report itself", async () => {
    expect((await engine.when("owners announced")).results[0]).toMatchObject({ expression: "Monday", date: "2021-06-14" });
  });

  it("prefers the expression in the clause of the matched words", async () => {
    expect((await engine.when("union voted accept offer")).results[0]).toMatchObject({ expression: "Tuesday", date: "2021-06-15" });
    expect((await engine.when("quarry reopened")).results[0]).toMatchObject({ expression: "April", date: "2021-04" });
  });

  it("dates a future span from the article and ranks it over the report", async () => {
    expect((await engine.when("harbour works finished")).results[0]).toMatchObject({ expression: "in five years", date: "2026" });
  });

  it("prefers the clause of the matched verb over that of a shared subject", async () => {
    expect((await engine.when("lighthouse automated")).results[0]).toMatchObject({ expression: "the 1960s", date: "196" });
    expect((await engine.when("lighthouse first shone")).results[0]).toMatchObject({ expression: "1887", date: "1887" });
  });

  it("counts 'since' before an expression as a preposition, not a new clause", async () => {
    expect((await engine.when("trawler stranded")).results[0]).toMatchObject({ expression: "June 9", date: "2021-06-09" });
    expect((await engine.when("divers reached crew")).results[0]).toMatchObject({ expression: "Sunday", date: "2021-06-13" });
  });

  it("measures from the matched verb, not from a place both events share", async () => {
    expect((await engine.when("cyclist freed Oxley")).results[0]).toMatchObject({ expression: "Thursday", date: "2021-06-10" });
    expect((await engine.when("cyclist detained Oxley")).results[0]).toMatchObject({ expression: "Monday", date: "2021-06-14" });
  });

  it("ranks 'now' below a real date in the same sentence", async () => {
    expect((await engine.when("fleet sails again")).results[0]).toMatchObject({ expression: "Thursday", date: "2021-06-17" });
  });

  it("finds nothing for an event the documents do not mention", async () => {
    expect((await engine.when("volcano erupted")).results).toEqual([]);
  });
});
