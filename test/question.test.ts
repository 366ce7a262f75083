// One Question type for every way in: the schema accepts what the CLI, --batch, the router and the
// bot send, normalizes absent options to null, and refuses the rest with one clear message.
import { describe, expect, it } from "vitest";
import { parseQuestion, QuestionError } from "../src/answer/question.js";
import { route } from "../src/answer/router.js";

describe("parseQuestion", () => {
  it.each([
    [
      { command: "who-said", query: "the ferry is late" },
      { command: "who-said", query: "the ferry is late" },
    ],
    [
      { command: "stance", actor: "Harbour Board" },
      { command: "stance", actor: "Harbour Board", topic: null },
    ],
    [
      { command: "stance", actor: "Harbour Board", topic: undefined },
      { command: "stance", actor: "Harbour Board", topic: null },
    ],
    [
      { command: "check", query: "every ferry", speaker: "Ann Lee" },
      { command: "check", query: "every ferry", speaker: "Ann Lee" },
    ],
    [
      { command: "said", speaker: "Ann Lee", topic: null },
      { command: "said", speaker: "Ann Lee", topic: null },
    ],
    [{ command: "sources", extra: 1 }, { command: "sources" }],
  ])("accepts %j", (input, want) => {
    expect(parseQuestion(input)).toEqual(want);
  });

  it.each([
    [null, "a query must be a JSON object"],
    [[1, 2], "a query must be a JSON object"],
    ["who-said", "a query must be a JSON object"],
    [{ command: "shout", query: "x" }, 'unknown command "shout"; use who-said, when, stance, search, sources, check or said'],
    [{ query: "x" }, "unknown command undefined"],
    [{ command: "when" }, 'missing field "query"'],
    [{ command: "when", query: 5 }, 'missing field "query"'],
    [{ command: "stance", actor: "A", topic: 3 }, 'missing field "topic"'],
    [{ command: "said", topic: "ferries" }, 'missing field "speaker"'],
  ])("refuses %j", (input, message) => {
    expect(() => parseQuestion(input)).toThrow(QuestionError);
    expect(() => parseQuestion(input)).toThrow(message);
  });

  it("takes every question the plain-language router makes as it is", () => {
    for (const line of [
      "who said the ferry is late?",
      "when did the quay close?",
      "what is the Harbour Board's stance on dredging?",
      "what did Ann Lee say about ferries?",
      "sources",
      "/check quote:every ferry speaker:Ann Lee",
      "ferry timetable",
    ]) {
      const r = route(line);
      if (r.command === "help" || r.command === "empty") throw new Error(`routed to ${r.command}: ${line}`);
      expect(parseQuestion(r)).toEqual(r);
    }
  });
});
