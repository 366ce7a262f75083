// One table per named refiner, in made-up sentences: what it keeps, widens or trims, and what
// it must drop. Article date: Wednesday 16 June 2021.
import { describe, expect, it } from "vitest";
import { REFINERS } from "../src/extract/time-refiners.js";
import { extractTimes } from "../src/extract/times.js";
import { splitSentences } from "../src/text/sentences.js";

const DOC = "2021-06-16";
const times = (text: string) => extractTimes(text, splitSentences(text), DOC).map((t) => [t.text, t.value]);
type Row = [sentence: string, expected: Array<[string, string | null]>];

const TABLES: Record<string, Row[]> = {
  "part-of-day-date": [
    ["Raiders burned the depot on the night of June 3.", [["night of June 3", "2021-06-03"]]],
    ["Crews dug through the night Saturday.", [["night Saturday", "2021-06-12"]]],
    ["The vote came on the morning of May 20.", [["morning of May 20", "2021-05-20"]]],
    ["The shift ends at night.", []],
  ],
  "not-a-date": [
    ["The recipe needs 1/2 cup of sugar.", []],
    ["Doors open at 7 p.m. for members.", []],
    ["They may march again, the organisers said.", []],
    ["They plan to march to the square.", []],
    ["She led the March of the Farmers through town.", []],
    ["At the moment the river is calm.", []],
    ["A weekend pass costs more.", []],
    // a weekday in the name of a paper, a habit or a day of its own
    ["The Sunday Herald printed the letter.", []],
    ["Crowds gathered for Friday prayers.", []],
    ["Shares crashed on Black Monday.", []],
    ["Rents rose in May across the county.", [["May", "2021-05"]]],
    // a part of the day alone, or in a name
    ["The fire started in the morning, the chief said on Friday.", [["Friday", "2021-06-11"]]],
    ["She told the Morning Hour show that she would run.", []],
  ],
  "trim-span": [
    ["The vote was held on Thursday.", [["Thursday", "2021-06-10"]]],
    ["The audit ended in Jan. and was published later.", [["Jan.", "2021-01"]]],
    ["The pool reopened in 1998.", [["1998", "1998"]]],
    ["The pool reopened in March.", [["March", "2021-03"]]],
  ],
  "keep-modifiers": [
    ["Rescuers reached the hut early Sunday.", [["early Sunday", "2021-06-13"]]],
    ["The talks broke down late yesterday.", [["late yesterday", "2021-06-15"]]],
    ["The grant money arrives around July 1.", [["around July 1", "2021-07-01"]]],
    ["Output in the 2019 period rose.", [["the 2019 period", "2019"]]],
    ["The deal closed in late 2006 for cash.", [["late 2006", "2006"]]],
    ["The bridge could reopen as early as next month.", [["as early as next month", "2021-07"]]],
    // "about" joins a numeric date only: here it is about a vote.
    ["They argued about Monday's vote.", [["Monday", "2021-06-14"]]],
    ["The late king was buried in the chapel.", []],
    // a decade or a century is a noun with its article; a period word after a year joins it
    ["Trams ran here until the late 1950s.", [["the late 1950s", "195"]]],
    ["Ticket sales rose in the 2012 fiscal year.", [["the 2012 fiscal year", "2012"]]],
    ["The vault was sealed until the year 2050.", [["the year 2050", "2050"]]],
    // a clock time right before its day
    ["The levee gave way at 4:15 a.m. Monday.", [["4:15 a.m. Monday", "2021-06-14"]]],
    ["The levee gave way at 4:15 a.m.", []],
  ],
  "day-pair": [
    [
      "The hearings were held on May 11 and 12 in the old hall.",
      [
        ["May 11", "2021-05-11"],
        ["12", "2021-05-12"],
      ],
    ],
    // a count after the day, a share
    ["On May 3 and 4 boats sank in the gale.", [["May 3", "2021-05-03"]]],
    [
      "Rents rose on May 3 and 4% on May 5.",
      [
        ["May 3", "2021-05-03"],
        ["May 5", "2021-05-05"],
      ],
    ],
  ],
  "decade-pair": [
    [
      "Rents soared in the 1970s and 80s.",
      [
        ["the 1970s", "197"],
        ["80s", "198"],
      ],
    ],
    [
      "The estate changed hands in the 1990s and 00s.",
      [
        ["the 1990s", "199"],
        ["00s", "200"],
      ],
    ],
    // alone, "the 80s" is an age or a temperature
    ["Highs will reach the 80s today.", [["today", "2021-06-16"]]],
    ["Her aunt is in her 90s.", []],
  ],
};

describe("time refiners", () => {
  it("every named refiner has a table", () => {
    expect(REFINERS.map((r) => r.name).sort()).toEqual(Object.keys(TABLES).sort());
  });
  for (const [name, rows] of Object.entries(TABLES)) {
    describe(name, () => {
      it.each(rows)("%s", (sentence, expected) => {
        expect(times(sentence)).toEqual(expected);
      });
    });
  }
});
