// One table per named parser: sentences where it finds an expression (with the value it resolves
// to) and sentences where it must find nothing. Article date: Wednesday 16 June 2021 unless a row
// says otherwise. Every sentence here is made up for the test.
import { describe, expect, it } from "vitest";
import * as chrono from "chrono-node/en";
import { newsChrono, PARSERS, REPLACED_PARSERS, REPLACED_REFINERS } from "../src/extract/time-parsers.js";
import { extractTimes } from "../src/extract/times.js";
import { splitSentences } from "../src/text/sentences.js";

const DOC = "2021-06-16";
type Row = [sentence: string, expected: Array<[string, string | null]>, docDate?: string];

const times = (text: string, docDate: string = DOC) => extractTimes(text, splitSentences(text), docDate).map((t) => [t.text, t.value]);

const TABLES: Record<string, Row[]> = {
  "modified-month": [
    ["The bakery reopened last March after the flood.", [["last March", "2021-03"]]],
    ["Farmers expect the harvest by late July.", [["by late July", "2021-07"]]],
    ["The orchard changed hands in mid-October.", [["mid-October", "2020-10"]]],
    ["The band will march through the old town.", []],
  ],
  "modified-weekday": [
    ["The ferry sailed last Friday with half its cars.", [["last Friday", "2021-06-11"]]],
    ["The council votes next Tuesday on the budget.", [["next Tuesday", "2021-06-22"]]],
    ["The last one out switched off the lights.", []],
  ],
  "relative-period": [
    ["Bread prices climbed earlier this month.", [["earlier this month", "2021-06"]]],
    ["The museum closed its doors last week.", [["last week", "2021-06-07/2021-06-13"]]],
    ["The monthly fee for members rose sharply.", []],
    ["The mayor left in the last year of her term.", []],
    ["The clerk was accused last month of fraud.", [["last month", "2021-05"]]],
    ["Fares rose this past week.", [["this past week", "2021-06-07/2021-06-13"]]],
    // "the following year" counts from the story's date, never from the article.
    [
      "The kiln was built in 1987 and fired the following year.",
      [
        ["1987", "1987"],
        ["the following year", "1988"],
      ],
    ],
    ["The kiln was fired the following year.", [["the following year", null]]],
    // "the previous year" with no date before it: the article's previous year.
    ["Wool exports fell 3% from the previous year.", [["the previous year", "2020"]]],
    [
      "In 1996, wool exports fell 3% from the previous year.",
      [
        ["1996", "1996"],
        ["the previous year", "1995"],
      ],
    ],
  ],
  "units-ago": [
    ["The mill shut two years ago.", [["two years ago", "2019"]]],
    ["The stadium opened a decade ago.", [["a decade ago", "2011"]]],
    ["Ticket sales rose 4% from a year earlier.", [["a year earlier", "2020"]]],
    // Counted from the date before it in the sentence, at that date's precision.
    [
      "The storm struck on March 3, 2018, and two days later the roads reopened.",
      [
        ["March 3, 2018", "2018-03-03"],
        ["two days later", "2018-03-05"],
      ],
    ],
    [
      "The storm struck in 2018, and three days later the roads reopened.",
      [
        ["2018", "2018"],
        ["three days later", null],
      ],
    ],
    // A relation to another event, with no date of its own.
    ["The crew left a week before the strike began.", [["a week before", null]]],
    ["The crew worked for three long days.", []],
    // a comparison, not a date
    [
      "The ship will dock on June 30, three days later than planned.",
      [
        ["June 30", "2021-06-30"],
        ["three days later", null],
      ],
    ],
  ],
  "few-units-ago": [
    ["The quarry closed a few years ago.", [["a few years ago", null]]],
    ["Several weeks later the well ran dry.", [["Several weeks later", null]]],
    ["A few of the days were wet.", []],
  ],
  "relative-day": [
    [
      "The ferry sank on Monday, and the next day divers found the wreck.",
      [
        ["Monday", "2021-06-14"],
        ["the next day", "2021-06-15"],
      ],
    ],
    [
      "The dyke broke on May 2, 2019; the previous day the pumps had failed.",
      [
        ["May 2, 2019", "2019-05-02"],
        ["the previous day", "2019-05-01"],
      ],
    ],
    [
      "The mill reopened on Friday and closed again the day after.",
      [
        ["Friday", "2021-06-11"],
        ["the day after", "2021-06-12"],
      ],
    ],
    // With no date before it, the day is not fixed.
    ["Guards had checked the gate the previous day.", [["the previous day", null]]],
    // A relation to another event.
    ["The crew left the day before the ballot.", []],
    // two days from the article
    ["The talks resume the day after tomorrow.", [["the day after tomorrow", "2021-06-18"]]],
    ["The ballot was held the day before yesterday.", [["the day before yesterday", "2021-06-14"]]],
    [
      "The fleet sailed on Sunday and the crowd left that afternoon.",
      [
        ["Sunday", "2021-06-13"],
        ["that afternoon", "2021-06-13"],
      ],
    ],
    ["The day before last Friday's launch, the crew left.", [["last Friday", "2021-06-11"]]],
    ["The days before the ballot were tense.", []],
    [
      "The bakery opened on May 3, 2019. Queues formed that day.",
      [
        ["May 3, 2019", "2019-05-03"],
        ["that day", "2019-05-03"],
      ],
    ],
    ["Few thought that day would come.", []],
    [
      "The storm hit on Monday. Residents had been warned the previous evening.",
      [
        ["Monday", "2021-06-14"],
        ["the previous evening", "2021-06-13"],
      ],
    ],
  ],
  recurring: [
    ["The market opens every Thursday.", [["every Thursday", null]]],
    ["The club meets each spring in the old hall.", [["each spring", null]]],
    ["The library shuts on Mondays.", []],
  ],
  "half-year": [
    ["Shipments doubled in the first half of 2005.", [["the first half of 2005", "2005-H1"]]],
    ["Profit fell in the first half.", [["the first half", "2021-H1"]]],
    ["Exports should recover in the second half of the year.", [["the second half of the year", "2021-H2"]]],
    ["Wool sales sagged in the second half of last year.", [["the second half of last year", "2020-H2"]]],
    ["Ship traffic should pick up in the second half.", [["the second half", "2021-H2"]]],
    ["The firm expects sales to recover in the second half.", [["the second half", "2021-H2"]]],
    // the halves of a game, a film, a story
    ["The visitors scored twice in the second half.", []],
    ["The first half of the film drags.", []],
  ],
  "short-year": [
    ["The choir was founded in '98.", [["'98", "1998"]]],
    ["The style peaked in the early '90s.", [["the early '90s", "199"]]],
    ["She graduated with the class of '05.", [["class of '05", "2005"]]],
    ["He said 'ok' and left.", []],
  ],
  "year-earlier": [
    ["Year-ago sales were much weaker.", [["Year-ago", "2020"]]],
    ["Margins beat the year-earlier level.", [["the year-earlier", "2020"]]],
    ["Loans fell from the year-ago quarter.", [["the year-ago quarter", "2020"]]],
    ["The five-year plan was dropped.", []],
  ],
  "in-units": [
    ["The new bridge will open in five years.", [["in five years", "2026"]]],
    ["The lease will run out in 18 months.", [["in 18 months", "2022-12"]]],
    // A span, not a point: the lowest level over five years.
    ["Unemployment fell to its lowest level in five years.", [["in five years", null]]],
    ["The vaccine will reach the town in a year's time.", [["in a year's time", "2022"]]],
    // a rate, not a point
    ["One carrier can infect ten people in a day.", []],
    ["In five of the games the visitors scored first.", []],
  ],
  "month-of-year": [
    ["The lease ends in March of next year.", [["March of next year", "2022-03"]]],
    ["The record was set in September last year.", [["September last year", "2020-09"]]],
    ["The fair opened on 4 July of this year.", [["4 July of this year", "2021-07-04"]]],
    ["The works end on March 3 next year.", [["March 3 next year", "2022-03-03"]]],
    ["The year of the flood was hard.", []],
  ],
  "fiscal-year": [
    ["The agency will spend more in the current fiscal year.", [["the current fiscal year", "2021"]]],
    ["Revenue fell in the last fiscal year.", [["the last fiscal year", "2020"]]],
    // Fiscal years start in different months: the one a past sentence reports is not fixed.
    ["Results for the fiscal year were weak.", [["the fiscal year", null]]],
    ["The fiscal policy of the state changed.", []],
  ],
  quarter: [
    ["Sales rose in the third quarter of 2020.", [["the third quarter of 2020", "2020-Q3"]]],
    ["Sales rose in the first quarter.", [["the first quarter", "2021-Q1"]]],
    ["Sales will rise in the fourth quarter.", [["the fourth quarter", "2021-Q4"]]],
    ["Orders will pick up in the first quarter of next year.", [["the first quarter of next year", "2022-Q1"]]],
    ["A quarter of the staff left.", []],
    ["She opened a cafe in the old quarter.", []],
  ],
  "q-quarter": [
    ["Sales rose in Q3 2004.", [["Q3 2004", "2004-Q3"]]],
    ["Margins fell in Q2 of 2020.", [["Q2 of 2020", "2020-Q2"]]],
    ["Orders will pick up in Q4.", [["Q4", "2021-Q4"]]],
    ["The Q7 sedan sold well.", []],
  ],
  "year-end": [
    ["The loan will be repaid by year-end.", [["year-end", "2021"]]],
    ["Cash at year end stood at $2 million.", [["year end", "2020"]]],
    ["The yearly endowment grew.", []],
  ],
  "full-year": [
    ["The firm raised its full-year forecast.", [["full-year", "2021"]]],
    ["Full-year profit rose 5%.", [["Full-year", "2020"]], "2021-02-10"],
    ["The full yearbook was printed.", []],
  ],
  "spelled-year": [
    ["The abbey was founded in eighteen sixty-two.", [["eighteen sixty-two", "1862"]]],
    ["The rule has stood since two thousand and five.", [["two thousand and five", "2005"]]],
    ["Voting began in nineteen oh nine.", [["nineteen oh nine", "1909"]]],
    ["Twenty fifteen-year-olds joined the choir.", []],
    ["She scored in nineteen of the games.", []],
    ["The trust sold a block of two thousand flats.", []],
    ["Nothing changed until two thousand, when the yard closed.", [["two thousand", "2000"]]],
    ["The rule dates from two thousand and was amended twice.", [["two thousand", "2000"]]],
  ],
  weekend: [
    ["The fair drew crowds over the weekend.", [["the weekend", "2021-06-12/2021-06-13"]]],
    ["A weekend pass costs more.", []],
    ["The strike began this past weekend.", [["this past weekend", "2021-06-12/2021-06-13"]]],
    ["The weekend edition sold out.", []],
  ],
  "vague-span": [
    ["A decision is due in the coming days.", [["in the coming days", null]]],
    ["The days grew longer.", []],
  ],
  "end-of-period": [
    ["The works will finish by the end of the year.", [["by the end of the year", "2021"]]],
    ["The end of the road was near.", []],
  ],
  year: [
    ["The pool opened in 1995 after delays.", [["1995", "1995"]]],
    ["The style was popular in the 1980s.", [["the 1980s", "198"]]],
    // "the 1800s" is a century; "the 2000s" the decade, as news uses it
    ["Whalers worked the bay in the 1800s.", [["the 1800s", "18"]]],
    // a decade with an apostrophe after "the"; elsewhere the year's possessive
    ["Mills closed across the region in the 1970's.", [["the 1970's", "197"]]],
    ["The firm's 1990's losses were a record.", [["1990", "1990"]]],
    ["Hiring slowed in the 2000s.", [["the 2000s", "200"]]],
    // a season or a fiscal year written with two digits after the dash or the slash
    ["The club went down in the 1998-99 season.", [["the 1998-99 season", "1998/1999"]]],
    ["Grants rose in 2009/10 at most schools.", [["2009/10", "2009/2010"]]],
    ["Coal output will peak in 1999-00.", [["1999-00", "1999/2000"]]],
    // a date written the ISO way, a street number
    ["The levy was paid on 2019-04-05 by cheque.", [["2019-04-05", "2019-04-05"]]],
    ["Police sealed off the 1400 block of Elm Road.", []],
    ["Profit in fiscal 2019 rose.", [["fiscal 2019", "2019"]]],
    ["It cost 1995 dollars to fix.", []],
    ["The 2000 workers went home.", []],
    // a span of years written with a dash
    ["The dam was rebuilt in 1998-2001 by the state.", [["1998-2001", "1998/2001"]]],
    // numbers that name or count things
    ["Passengers on Flight 1549 were safe.", []],
    ["The guests in Room 1812 complained.", []],
    ["The model 2000 mixer sold well.", []],
    ["Runners wore No. 1999 on their vests.", []],
    ["The plant has 1500 employees.", []],
  ],
  century: [
    ["The chapel was built in the 12th century.", [["the 12th century", "11"]]],
    ["Whaling began here in the late eighteenth century.", [["the late eighteenth century", "17"]]],
    ["Such kilns spread in the 15th and 16th centuries.", [["the 15th and 16th centuries", "14/15"]]],
    ["The guild has met since the twenty-first century began.", [["the twenty-first century", "20"]]],
    // a century before the era: a time, but no ISO value
    ["The fort was raised in the 3rd century BC.", [["the 3rd century BC", null]]],
    // the era of a thing, a century counted from something else, an ordinal of another noun
    ["A 17th-century barn burned down.", []],
    ["The town sold an 18th century organ.", []],
    ["The second century of the dynasty was calm.", []],
    ["She finished 19th in the race.", []],
  ],
  "relative-long": [
    ["Sea levels will rise sharply this century.", [["this century", "20"]]],
    ["The canal silted up last century.", [["last century", "20"]], "2101-05-01"],
    ["Two new lines will open later this decade.", [["later this decade", "202"]]],
    ["The port hopes to double its trade by the end of the decade.", [["by the end of the decade", "202"]]],
    // a past sentence's decade is the story's, not the article's
    ["By the end of the decade the mill had closed.", [["By the end of the decade", null]]],
    // either turn; a stretch of years back or ahead
    ["The inn was busy at the turn of the century.", [["the turn of the century", null]]],
    ["The levy will raise $2 billion over the next decade.", [["next decade", null]]],
    ["The decade of the flood was grim.", []],
  ],
  "decade-span": [
    ["Farm prices sagged in the 1980s-90s.", [["the 1980s-90s", "198/199"]]],
    ["The rules held through the 1990s–2000s.", [["the 1990s–2000s", "199/200"]]],
    ["In 1980s-style suits, the band played.", [["1980s", "198"]]],
    ["The 80s-90s range was wide.", []],
  ],
  "months-of-year": [
    ["Wool exports rose 8% in the first eight months of the year.", [["the first eight months of the year", "2021"]]],
    ["Wool exports rose in the first 10 months of 2019.", [["the first 10 months of 2019", "2019"]]],
    [
      "In 2016, wool exports rose in the first six months of the year.",
      [
        ["2016", "2016"],
        ["the first six months of the year", "2016"],
      ],
    ],
    ["The first six months of her term were calm.", []],
  ],
  "spelled-decade": [
    ["Trams were scrapped in the fifties.", [["the fifties", "195"]]],
    ["The band first toured in the early Seventies.", [["the early Seventies", "197"]]],
    // the latest such decade not after the article
    ["Dance halls thrived in the twenties.", [["the twenties", "192"]], "1996-03-01"],
    // an age, a temperature
    ["Her uncle is in his eighties.", []],
    ["Highs will stay in the nineties all week.", []],
  ],
  "in-the-period": [
    ["The board will decide later in the month.", [["later in the month", "2021-06"]]],
    [
      "The pit flooded in 1988 and shut later in the year.",
      [
        ["1988", "1988"],
        ["later in the year", "1988"],
      ],
    ],
    ["Later in life she took up painting.", []],
  ],
  "ordinal-day": [
    ["The ferry will be inspected on the 20th.", [["the 20th", "2021-06-20"]]],
    // a past verb and a day still ahead: the month before
    ["The pier was shut on the 25th, when the storm came.", [["the 25th", "2021-05-25"]]],
    [
      "The court sat in March and again on the 9th.",
      [
        ["March", "2021-03"],
        ["the 9th", "2021-03-09"],
      ],
    ],
    ["The fire started on the 4th floor.", []],
    ["Leaks were found on the 5th and 6th decks.", []],
  ],
  "fiscal-short-year": [
    ["Revenue rose 6% in FY09.", [["FY09", "2009"]]],
    ["The county budget for FY '98 was cut.", [["FY '98", "1998"]]],
    ["The FY09X model sold out.", []],
  ],
  "part-of-month": [
    ["The ditch will be dug in the first week of August.", [["the first week of August", "2021-08"]]],
    ["The dyke burst in the last days of May 2019.", [["the last days of May 2019", "2019-05"]]],
    // a stretch of a month, never "last June"
    ["Fares were cut in the last week of June.", [["the last week of June", "2021-06"]]],
    ["The last week of training was hard.", []],
  ],
  holiday: [
    ["The shop was shut on Christmas Day.", [["Christmas Day", "2020-12-25"]]],
    ["She wrote a christmas-themed song.", []],
    // a named day with its year
    ["The mall opened at Christmas 2004.", [["Christmas 2004", "2004-12-25"]]],
    ["The fare rose on New Year's Day 2019.", [["New Year's Day 2019", "2019-01-01"]]],
  ],
  season: [
    ["The dam was finished last summer.", [["last summer", "2020-06/2020-08"]]],
    ["The dam was finished this past winter.", [["this past winter", "2020-12/2021-02"]]],
    ["The band first toured in the summer of '88.", [["the summer of '88", "1988-06/1988-08"]]],
    ["The trail opens in the spring of 2022.", [["the spring of 2022", "2022-03/2022-05"]]],
    ["Water from a mountain spring fills the tank.", []],
    ["The shop will reopen in the fall.", [["the fall", "2021-09/2021-11"]]],
    // a bare season said while it lasts is that one, whatever the tense
    ["The road will be paved in the summer.", [["the summer", "2021-06/2021-08"]]],
    ["The pond froze in the winter.", [["the winter", "2021-12/2022-02"]], "2022-01-20"],
    // the noun "fall", and seasons naming a kind of thing
    ["The fall in wool prices hurt farmers.", []],
    ["Trade recovered after the fall of the old regime.", []],
    ["The summer camp was full.", []],
  ],
};

describe("time parsers", () => {
  it("every named parser has a table", () => {
    expect(PARSERS.map((p) => p.name).sort()).toEqual(Object.keys(TABLES).sort());
  });
  for (const [name, rows] of Object.entries(TABLES)) {
    describe(name, () => {
      it.each(rows)("%s", (sentence, expected, docDate) => {
        expect(times(sentence, docDate)).toEqual(expected);
      });
    });
  }
});

describe("chrono's parsers and refiners replaced by name", () => {
  const names = (xs: ReadonlyArray<object>): string[] => xs.map((x) => x.constructor.name);

  it("each named one exists in chrono, and none is left in ours", () => {
    for (const name of REPLACED_PARSERS) {
      expect(names(chrono.casual.parsers), name).toContain(name);
      expect(names(newsChrono.parsers), name).not.toContain(name);
    }
    for (const name of REPLACED_REFINERS) {
      expect(names(chrono.casual.refiners), name).toContain(name);
      expect(names(newsChrono.refiners), name).not.toContain(name);
    }
  });

  it("keeps chrono's other parsers, after ours", () => {
    const kept = names(chrono.casual.parsers).filter((n) => !REPLACED_PARSERS.has(n));
    expect(kept.length).toBeGreaterThan(5);
    expect(names(newsChrono.parsers).slice(PARSERS.length)).toEqual(kept);
  });
});
