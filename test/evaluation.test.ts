// Evaluative words scored with AFINN-165: sign, negation, degree words, names left out.
import { describe, expect, it } from "vitest";
import { evaluate, evaluationPolarity } from "../src/extract/evaluation.js";

const polarity = (text: string, skip?: (w: string) => boolean) => evaluationPolarity(evaluate(text, skip));

describe("evaluations", () => {
  it.each([
    ["a full embargo would be a disastrous error", "oppose"],
    ["the curfew was doing great harm to small shops", "oppose"],
    ["the count was rigged", "oppose"],
    ["the plan was not fair to anyone", "oppose"],
    ["the accord is an excellent and valuable step", "support"],
    ["the levy is a shameful mistake", "oppose"],
    ["nobody truly cares for the growers", "oppose"], // "nobody" turns the word around
  ])("%s → %s", (text, want) => expect(polarity(text)).toBe(want));

  it.each([
    "the meeting would take place on Monday",
    "the ministers met in the capital",
    "Justice Department officials arrived", // a name, not an evaluation
    "the plan was good in parts and bad in others", // both ways
    "the team won the final", // an event, not an evaluation
    "capable", // one weak word
    "nobody came to the meeting", // a negator alone evaluates nothing
  ])("none in: %s", (text) => expect(polarity(text)).toBeNull());

  it("leaves out the words it is told to (the topic's own)", () => {
    expect(polarity("he said the war must end", (w) => w === "war")).toBeNull();
    expect(polarity("the crisis was a disgrace")).toBe("oppose");
    expect(polarity("the crisis was handled", (w) => w === "crisis")).toBeNull();
  });

  it("names the strongest word and where it is", () => {
    const e = evaluate("a plainly disastrous plan");
    expect(e.word).toBe("disastrous");
    expect("a plainly disastrous plan".slice(e.start, e.end)).toBe("disastrous");
  });
});
