// Time expressions: the literal text, and an ISO value at the precision the text gives, resolved
// against the document date and the sentence's tense — or null when the text does not fix it.
import { describe, expect, it } from "vitest";
import { extractTimes } from "../src/extract/times.js";
import { splitSentences } from "../src/text/sentences.js";

const times = (text: string, docDate: string | null) => extractTimes(text, splitSentences(text), docDate).map((t) => [t.text, t.value]);
const one = (text: string, docDate: string | null) => times(text, docDate)[0];

describe("with a document date (Monday 2 September 2019)", () => {
  const d = "2019-09-02";
  it("explicit dates keep their precision", () => {
    expect(one("The toolbox was endorsed in January 2020.", d)).toEqual(["January 2020", "2020-01"]);
    expect(one("It happened on Dec. 21, 1988 over Scotland.", d)).toEqual(["Dec. 21, 1988", "1988-12-21"]);
    expect(one("The plant opened in 1995 after years of delay.", d)).toEqual(["1995", "1995"]);
    expect(one("Politics changed in the post-1959 era.", d)).toEqual(["the post-1959 era", "1959"]);
  });

  it("a bare month is the previous one in a past sentence and the next one in a future sentence", () => {
    expect(one("In January, the company sacked an executive.", d)).toEqual(["January", "2019-01"]);
    expect(one("The countries are expected to join in April.", d)).toEqual(["April", "2020-04"]);
  });

  it("a bare weekday likewise", () => {
    expect(one("Bombs exploded Friday outside the embassy.", d)).toEqual(["Friday", "2019-08-30"]);
    expect(one("The team planned to leave on Thursday for the capital.", d)).toEqual(["Thursday", "2019-09-05"]);
    expect(one("The minister will speak on Monday.", d)).toEqual(["Monday", "2019-09-02"]);
  });

  it("a month and day without a year is the nearest one", () => {
    expect(one("Members must report back by July 15 after the assessments.", d)).toEqual(["July 15", "2019-07-15"]);
    expect(one("The hearing is set for Oct. 3.", d)).toEqual(["Oct. 3", "2019-10-03"]);
  });

  it("keeps modifiers chrono drops and resolves them", () => {
    expect(one("The US last August formally barred its agencies.", d)).toEqual(["last August", "2019-08"]);
    expect(one("A document published earlier this month urged a common approach.", d)).toEqual(["earlier this month", "2019-09"]);
    expect(one("The countries will agree on measures by the end of December.", d)).toEqual(["by the end of December", "2019-12"]);
    expect(one("The summit is next month in Prague.", d)).toEqual(["next month", "2019-10"]);
    expect(one("Prices rose late-November as supplies fell.", d)).toEqual(["late-November", "2018-11"]);
    expect(one("Sales fell two months ago, the company said.", d)).toEqual(["two months ago", "2019-07"]);
    expect(one("It was found last Thanksgiving off the coast.", d)).toEqual(["last Thanksgiving", "2018-11-22"]);
  });

  it("relative days and weeks, the weekend and seasons", () => {
    expect(one("Today, I'm here to tell you we have a suspect.", d)).toEqual(["Today", "2019-09-02"]);
    expect(one("He will travel tomorrow to the capital.", d)).toEqual(["tomorrow", "2019-09-03"]);
    expect(one("Two men were sought last week for questioning.", d)).toEqual(["last week", "2019-08-26/2019-09-01"]);
    expect(one("The decision was confirmed over the weekend by the court.", d)).toEqual(["the weekend", "2019-08-31/2019-09-01"]);
    expect(one("The deal will be signed next summer.", d)).toEqual(["next summer", "2020-06/2020-08"]);
    expect(one("Voters go to the polls on Election Day in the state.", d)).toEqual(["Election Day", "2019-11-05"]);
  });

  it("vague references are found but not given a date", () => {
    expect(one("They were set to make a declaration in the coming days.", d)).toEqual(["in the coming days", null]);
  });
});

describe("without a document date", () => {
  it("relative expressions stay unresolved, explicit ones do not", () => {
    expect(times("The US itself last August formally barred its agencies. It was endorsed in January 2020.", null)).toEqual([
      ["last August", null],
      ["January 2020", "2020-01"],
    ]);
    const [t] = extractTimes("Ansip said in December that the bloc should be worried.", splitSentences("Ansip said in December that the bloc should be worried."), null);
    expect(t).toMatchObject({ text: "December", value: null, unresolved: "undated" });
  });
});

describe("what is not a time", () => {
  it("ignores prices, fractions, times of day alone, 9/11 and verbs like may or march", () => {
    const text = "It cost $753 million. The trip took 5 1/2 hours. The show airs from 6:00 a.m. to 9:00 a.m. Eastern. A 9/11 widow spoke. They may march on the capital. It is the risk for the next 10 to 20 years.";
    expect(times(text, "2019-09-02")).toEqual([]);
  });
});
