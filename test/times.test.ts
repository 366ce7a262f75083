// Time expressions end to end: the literal text, and an ISO value at the precision the text
// gives, resolved against the document date and the tense of the verb that governs it — or null
// when the text does not fix it. Sentences are made up for the test.
import { describe, expect, it } from "vitest";
import { extractTimes } from "../src/extract/times.js";
import { splitSentences } from "../src/text/sentences.js";

const times = (text: string, docDate: string | null) => extractTimes(text, splitSentences(text), docDate).map((t) => [t.text, t.value]);
const one = (text: string, docDate: string | null) => times(text, docDate)[0];
type Row = [sentence: string, expression: string, value: string | null];

// Monday 2 September 2019.
const D = "2019-09-02";

describe("with a document date (Monday 2 September 2019)", () => {
  const table = (rows: Row[]) => it.each(rows)("%s", (sentence, expression, value) => expect(one(sentence, D)).toEqual([expression, value]));

  describe("explicit dates keep their precision", () => {
    table([
      ["The canal was finished in January 2020.", "January 2020", "2020-01"],
      ["The lighthouse burned on Dec. 3, 1971 in a gale.", "Dec. 3, 1971", "1971-12-03"],
      ["The rink opened in 1995 after years of delay.", "1995", "1995"],
      ["Farming changed in the post-1950 decades.", "post-1950", "1950"],
    ]);
  });

  describe("a bare month or weekday by the tense of its verb", () => {
    table([
      ["In January, the bakery hired a new chef.", "January", "2019-01"],
      ["The two towns are expected to merge in April.", "April", "2020-04"],
      ["The roof collapsed Friday after heavy rain.", "Friday", "2019-08-30"],
      ["The choir hoped to travel on Thursday to the coast.", "Thursday", "2019-09-05"],
      ["The mayor will be sworn in as the new head of the board in June.", "June", "2020-06"],
      ["The rowing clubs race again Saturday.", "Saturday", "2019-09-07"],
      // The article's own weekday is that day.
      ["The mayor will speak on Monday.", "Monday", "2019-09-02"],
      ["The ferry was set to dock on Monday after its trial run.", "Monday", "2019-09-02"],
    ]);
  });

  describe("the present of an event verb is a schedule, except in a headline", () => {
    table([
      ["The flower show opens in May.", "May", "2020-05"],
      ["The new toll takes effect on March 3.", "March 3", "2020-03-03"],
      ["The pool, shut for a month, reopens in August.", "August", "2020-08"],
      ["Schools reopen on Friday.", "Friday", "2019-09-06"],
      // a state, not an event: the nearest
      ["Rents are higher in August.", "August", "2019-08"],
      // a headline (no final stop) tells news just past
      ["Flower show opens in August", "August", "2019-08"],
    ]);
  });

  describe("a month and day without a year: the tense when its own clause gives one, else the nearest", () => {
    table([
      ["The tenants must pay by July 15 after the survey.", "July 15", "2019-07-15"],
      ["The hearing is set for Oct. 3.", "Oct. 3", "2019-10-03"],
      // A clear past is not overridden by a nearer date ahead.
      ["The levee broke on Oct. 3.", "Oct. 3", "2018-10-03"],
      // A date before a noun: the verb only hints; near dates go to the nearest, far ones by it.
      ["Nobody explained the Sept. 30 deadline to the tenants.", "Sept. 30", "2019-09-30"],
      ["Divers have searched the lake since the April 20 storm.", "April 20", "2019-04-20"],
      ["An expected release Friday of August jobs data could lift shares.", "Friday", "2019-09-06"],
      ["A release of August jobs data is expected to lift shares.", "August", "2019-08"],
      // A weekday with the date: the year in which they agree.
      ["The club wrote to members on Tuesday, Sept. 3, about fees.", "Tuesday, Sept. 3", "2019-09-03"],
      ["The club has invited three mayors to a dinner in Leeds, England, on Oct. 3 to mark its jubilee.", "Oct. 3", "2019-10-03"],
    ]);
  });

  describe("modifiers are kept and resolved", () => {
    table([
      ["The town last August banned cars from its centre.", "last August", "2019-08"],
      ["A report published earlier this month urged caution.", "earlier this month", "2019-09"],
      ["The towns will settle the dispute by the end of December.", "by the end of December", "2019-12"],
      ["The fair is next month in Ghent.", "next month", "2019-10"],
      ["Prices rose late-November as supplies fell.", "late-November", "2018-11"],
      ["Sales fell two months ago, the shop said.", "two months ago", "2019-07"],
      ["The boat was found last Easter off the cape.", "last Easter", "2019-04-21"],
      ["The mine reopened in late 2016 under new owners.", "late 2016", "2016"],
      ["The crews arrived early Saturday.", "early Saturday", "2019-08-31"],
    ]);
  });

  describe("relative days and weeks, the weekend, seasons, holidays", () => {
    table([
      ["Today, the park reopens to the public.", "Today", "2019-09-02"],
      ["He will travel tomorrow to the capital.", "tomorrow", "2019-09-03"],
      ["Two boats were seized last week near the port.", "last week", "2019-08-26/2019-09-01"],
      ["The ruling was upheld over the weekend by the judges.", "the weekend", "2019-08-31/2019-09-01"],
      ["The pact will be signed next summer.", "next summer", "2020-06/2020-08"],
      ["Voters go to the polls on Election Day in the state.", "Election Day", "2019-11-05"],
      ["The repairs have taken more than a month now.", "now", "2019-09-02"],
      // a part of the day with nothing else that looks like a time in the sentence
      ["The barn burned down last night.", "last night", "2019-09-01"],
      ["The vote was counted this morning.", "this morning", "2019-09-02"],
    ]);
  });

  describe("a date counted from the story, not the article", () => {
    it.each([
      // a bare month after a date of another year in the sentence, when the verb agrees
      [
        "The canal opened in June 2004 and froze in July.",
        [
          ["June 2004", "2004-06"],
          ["July", "2004-07"],
        ],
      ],
      [
        "The canal opened in December 2004 and froze in March.",
        [
          ["December 2004", "2004-12"],
          ["March", "2005-03"],
        ],
      ],
      [
        "The pit closed in 1998 and flooded on Oct. 3.",
        [
          ["1998", "1998"],
          ["Oct. 3", "1998-10-03"],
        ],
      ],
      // a year told in a relative clause sets no year for the month after it
      [
        "The pit, which opened in 1962, was shut in March.",
        [
          ["1962", "1962"],
          ["March", "2019-03"],
        ],
      ],
      // the verb looks ahead: the month is not that year's
      [
        "Since 2008 the firm has grown, and it will list its shares in March.",
        [
          ["2008", "2008"],
          ["March", "2020-03"],
        ],
      ],
      // the second date of a pair is on or after the first
      [
        "The fair ran between Jan. 5 and Jan. 9.",
        [
          ["Jan. 5", "2019-01-05"],
          ["Jan. 9", "2019-01-09"],
        ],
      ],
      [
        "The works will run from Nov. 20 to Jan. 8.",
        [
          ["Nov. 20", "2019-11-20"],
          ["Jan. 8", "2020-01-08"],
        ],
      ],
      [
        "The audit lasted from May 2005 to March.",
        [
          ["May 2005", "2005-05"],
          ["March", "2006-03"],
        ],
      ],
      // a clause with no verb of its own: the day nearest the date before it
      [
        "The vote was on Dec. 20 and the count on Jan. 5.",
        [
          ["Dec. 20", "2018-12-20"],
          ["Jan. 5", "2019-01-05"],
        ],
      ],
      // the next day counts from the story's last date, in this paragraph or an earlier one
      [
        "The kiln cracked on Aug. 20. Work stopped.\n\nThe next day, the potters left.",
        [
          ["Aug. 20", "2019-08-20"],
          ["The next day", "2019-08-21"],
        ],
      ],
      // the next day counts from the last date of the paragraph
      [
        "The dam burst on Friday. The next day, the army sent boats.",
        [
          ["Friday", "2019-08-30"],
          ["The next day", "2019-08-31"],
        ],
      ],
    ])("%s", (text, expected) => expect(times(text, D)).toEqual(expected));
  });

  describe("a range of days", () => {
    table([
      ["The fair ran from March 4 to 6 in the square.", "March 4 to 6", "2019-03-04/2019-03-06"],
      ["The fair ran March 4-6.", "March 4-6", "2019-03-04/2019-03-06"],
    ]);
  });

  describe("what the text does not fix stays null", () => {
    table([
      ["The towns were set to issue a statement in the coming days.", "in the coming days", null],
      ["Exports hit their highest level in ten years.", "in ten years", null],
      ["The band split a month after the tour ended.", "a month after", null],
    ]);
  });
});

describe("the story's last date, over the passages of a document", () => {
  it("dates the next day in a later passage, and a count of days only within its own", () => {
    const state = { story: null };
    const run = (text: string) => extractTimes(text, splitSentences(text), D, state).map((t) => [t.text, t.value]);
    expect(run("The kiln cracked on Aug. 20.")).toEqual([["Aug. 20", "2019-08-20"]]);
    expect(run("The next day, the potters left.")).toEqual([["The next day", "2019-08-21"]]);
    expect(run("If nobody bids, the sale ends five days later.")).toEqual([["five days later", null]]);
  });
});

describe("without a document date", () => {
  it("relative expressions stay unresolved, explicit ones do not", () => {
    expect(times("The town last August banned cars. The canal opened in January 2020.", null)).toEqual([
      ["last August", null],
      ["January 2020", "2020-01"],
    ]);
    // a decade in words, a century counted from the article
    expect(times("Jazz clubs thrived in the twenties. Seas will rise this century.", null)).toEqual([
      ["the twenties", null],
      ["this century", null],
    ]);
    const text = "The mayor said in December that the budget was short.";
    expect(extractTimes(text, splitSentences(text), null)[0]).toMatchObject({ text: "December", value: null, unresolved: "undated" });
    expect(extractTimes("The repairs are done now.", splitSentences("The repairs are done now."), null)[0]).toMatchObject({
      value: null,
      unresolved: "undated",
    });
  });
});

describe("what is not a time", () => {
  it("ignores prices, fractions, times of day alone, 9/11-style numbers and verbs like may or march", () => {
    const more = "The club drew 3-2 with the visitors. The desk is staffed 24/7. The 1600 block of Main Street was closed.";
    expect(times(more, D)).toEqual([]);
    const text =
      "The repairs cost $412 million. The walk took 5 1/2 hours. The market runs from 6:00 a.m. to 9:00 a.m. daily. A 9/11 memorial stood there. They may march on the square. The trees need the next 15 to 25 years to grow.";
    expect(times(text, D)).toEqual([]);
  });
});

describe("a dateline", () => {
  it("dates the article, not an event of the story", () => {
    expect(times("OSLO, 2 September 2019 - Last year, the port board raised its fees.", D)).toEqual([["Last year", "2018"]]);
    expect(times("OSLO, Sept. 2, 2019 (Wire) -- The board met on Friday.", D)).toEqual([["Friday", "2019-08-30"]]);
    expect(times("Sept. 2 (Wire) — The board met on Friday.", D)).toEqual([["Friday", "2019-08-30"]]);
  });

  it("is only a dateline at the start of a paragraph, in capitals", () => {
    expect(times("The board met on 2 September 2019 - a Monday.", D)).toEqual([
      ["2 September 2019", "2019-09-02"],
      ["Monday", "2019-09-02"],
    ]);
    expect(times("The fees rose. OSLO, 2 September 2019 - nobody came.", D).map(([t]) => t)).toEqual(["2 September 2019"]);
  });
});
