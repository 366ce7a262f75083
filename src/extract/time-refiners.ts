// Refiners run on chrono's results after every parser, the chrono-node way: each has a name and
// one job. They drop what is not a date, widen a span over the modifiers that belong to it, and
// trim what does not.
import * as chrono from "chrono-node/en";

type Context = Parameters<chrono.Refiner["refine"]>[0];
type Result = Parameters<chrono.Refiner["refine"]>[1][number];

export interface NamedRefiner extends chrono.Refiner {
  name: string;
}

const custom = (r: Result): boolean => [...r.tags()].some((t) => t.startsWith("kind/"));

// "the night of June 3", "night Saturday": chrono merges the part of the day with the date after
// it and keeps only the time, losing the date; the date is read again from the words after it.
const PART_OF_DAY = /^(?:the\s+)?(?:morning|afternoon|evening|night|midnight|noon|dawn|dusk)(?:\s+of)?\s+(?=\S)/i;

export const partOfDayDate: NamedRefiner = {
  name: "part-of-day-date",
  refine: (context: Context, results: Result[]) => {
    for (const r of results) {
      const c = r.start;
      if (custom(r) || c.isCertain("day") || c.isCertain("weekday") || c.isCertain("month")) continue;
      const p = PART_OF_DAY.exec(r.text);
      if (!p) continue;
      const date = chrono.casual.parse(r.text.slice(p[0].length), context.refDate).find((d) => d.index === 0);
      if (!date) continue;
      for (const k of ["year", "month", "day", "weekday"] as const) if (date.start.isCertain(k)) c.assign(k, date.start.get(k)!);
    }
    return results;
  },
};

// Nouns a weekday names a kind of, not a day: papers, services, habits.
const WEEKDAY_NAMED_AFTER =
  /^\s+(?:Times|Telegraph|Herald|Mail|Express|Post|Independent|Observer|Mirror|Star|Tribune|Sport|newspapers?|papers?|editions?|supplements?|magazines?|prayers?|sermons?|services?|school|mass|market|markets|talk shows?)\b/;

/** Prices, fractions, times of day alone, "may"/"march" as verbs, "the moment": not dates. */
export const notADate: NamedRefiner = {
  name: "not-a-date",
  refine: (context: Context, results: Result[]) => {
    const text = context.text;
    return results.filter((r) => {
      if (custom(r)) return true;
      const t = r.text.trim();
      const c = r.start;
      // A time of day alone ("7 p.m.", "10 to 20") is not a date.
      if (
        !c.isCertain("day") &&
        !c.isCertain("month") &&
        !c.isCertain("year") &&
        !c.isCertain("weekday") &&
        !/\b(today|tonight|tomorrow|yesterday|morning|afternoon|evening)\b/i.test(t)
      )
        return false;
      // Numeric M/D without a year: fractions (5 1/2) and 9/11.
      if (/^\d{1,2}[/.-]\d{1,2}$/.test(t)) return false;
      // "may" and "march" as words, not months.
      if (/^(may|march|sun|sat|wed|mar|jan|jun|aug|oct|dec)$/.test(t)) return false;
      if (/^(May|March)$/.test(t)) {
        const before = text.slice(Math.max(0, r.index - 12), r.index).toLowerCase();
        const after = text.slice(r.index + r.text.length, r.index + r.text.length + 6);
        // "from May 2005 to March": after "to" or "and", a month when a date came before it.
        const pair =
          /\b(?:to|and|or|till)\s*$/.test(before) &&
          /\b(?:January|February|April|June|July|August|September|October|November|December|May|March|(?:1[5-9]|20)\d\d)\b/.test(text.slice(0, r.index));
        if (
          !/\b(in|of|since|until|by|early|late|mid|last|next|this|from|before|after|during|through|on|the)\s*$/.test(before) &&
          !/^\s*,?\s*\d/.test(after) &&
          !pair
        )
          return false;
      }
      if (/^(the moment|right now)$/i.test(t)) return false;
      // A part of the day on its own ("in the morning", "Morning Joe", "a late-afternoon
      // meeting") fixes no day and names no time an answer can give.
      if (/^(?:(?:early|late)[\s-]+)?(?:morning|afternoon|evening|night)$/i.test(t) && !c.isCertain("day") && !c.isCertain("weekday")) return false;
      // "the March of the Mothers": a name, not a month waiting for its year.
      if (/^(May|March)\s+of$/.test(t) && /^\s+the\b/i.test(text.slice(r.index + r.text.length))) return false;
      // "the now-closed plant": part of a word.
      if (/^now$/i.test(t) && /^-/.test(text.slice(r.index + r.text.length))) return false;
      // "weekend" with no article or modifier is a kind of thing ("a weekend pass").
      if (/^weekends?$/i.test(t)) return false;
      if (/^(on\s+)?(sun|sat|wed|mon|tue|tues|thu|thur|thurs|fri)\.?$/i.test(t)) return false;
      // A weekday in a name: "the Sunday Times", "Friday prayers", "Black Monday", "Super Tuesday".
      if (/^(?:on\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i.test(t)) {
        const after = text.slice(r.index + r.text.length);
        const before = text.slice(0, r.index);
        if (WEEKDAY_NAMED_AFTER.test(after) || /\b(?:Black|Bloody|Super|Cyber|Ash|Holy|Maundy|Palm|Good|Easter|Whit|Shrove|Giving)\s+$/.test(before))
          return false;
      }
      return true;
    });
  },
};

/**
 * The span is the time words only: a leading preposition of chrono's ("on Thursday"), the word a
 * year parser captured before its digits (chrono drops results that are only digits), trailing
 * punctuation.
 */
export const trimSpan: NamedRefiner = {
  name: "trim-span",
  refine: (_context: Context, results: Result[]) => {
    for (const r of results) {
      if (!custom(r)) {
        const p = /^(?:on|at|in|during)\s+/i.exec(r.text);
        if (p) {
          r.index += p[0].length;
          r.text = r.text.slice(p[0].length);
        }
      }
      const lead = [...r.tags()].find((t) => t.startsWith("lead/"));
      if (lead) {
        const n = Number(lead.slice(5));
        r.index += n;
        r.text = r.text.slice(n);
      }
      // A final period stays when it ends an abbreviation ("Jan."), goes when it ends the sentence.
      r.text = r.text.replace(/[\s,;:.]+$/, (m) =>
        /^\.$/.test(m) && /(?:\b\p{L}|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\.$/u.test(r.text) ? m : "",
      );
    }
    return results;
  },
};

// Words that qualify a time expression and belong to it: "early Sunday", "late last night",
// "around June 5", "later this week", "as early as next month". "about" only before a numeric
// date: "talked about Monday's vote" is about a vote.
const LEFT_MODIFIER =
  /(?<![\w-])((?:early|late|mid|earlier|later|around|approximately|roughly|circa|about|as early as|as late as|no later than|sometime|some time)(?:\s+on)?[\s-]+)$/i;
// "the 1999 period", "the 2003-04 season": the period words after a year belong to it.
const PERIOD_AFTER = /^(\s+(?:period|time frame|timeframe|era|season|(?:fiscal|financial|school|academic|tax|budget|crop|marketing)\s+year))(?![\w-])/i;
// "6:40 a.m. Thursday": a clock time written before its day is part of the expression.
const CLOCK_BEFORE = /(?<![\w:.])((?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)\s+)$/i;

export const keepModifiers: NamedRefiner = {
  name: "keep-modifiers",
  refine: (context: Context, results: Result[]) => {
    const text = context.text;
    let floor = 0; // never widen over the previous result
    const sorted = [...results].sort((a, b) => a.index - b.index);
    for (const r of sorted) {
      const before = text.slice(floor, r.index);
      const m = LEFT_MODIFIER.exec(before);
      if (m && !/^[\s-]*$/.test(m[1]!) && !(/^about/i.test(m[1]!) && !/\d/.test(r.text)) && !/^(early|late|mid)/i.test(r.text)) {
        const word = m[1]!
          .trim()
          .split(/[\s-]+/)[0]!
          .toLowerCase();
        r.index -= m[1]!.length;
        r.text = m[1]! + r.text;
        if (!r.tags().has(`mod/${word}`) && /^(early|late|mid)$/.test(word)) r.addTag(`mod/${word}`);
      }
      const tags = r.tags();
      const the = /(?<![\w-])the\s+$/i.exec(text.slice(floor, r.index));
      if (tags.has("kind/year") || tags.has("kind/decade")) {
        const after = PERIOD_AFTER.exec(text.slice(r.index + r.text.length));
        if (after && the) {
          r.index -= the[0].length;
          r.text = the[0] + r.text + after[1]!;
        }
      }
      // "the year 2000": the noun that names the year is part of it.
      const theYear = /(?<![\w-])the\s+year\s+$/i.exec(text.slice(floor, r.index));
      if (tags.has("kind/year") && theYear && /^\d/.test(r.text)) {
        r.index -= theYear[0].length;
        r.text = theYear[0] + r.text;
      }
      // "the 1990s", "the late 1800s": a decade or a century is a noun, and its article is part of it.
      if ((tags.has("kind/decade") || tags.has("kind/century")) && the && !/^the\b/i.test(r.text)) {
        r.index -= the[0].length;
        r.text = the[0] + r.text;
      }
      // A weekday or a date, not a time of day alone: a clock time right before it joins it.
      if (!custom(r) && (r.start.isCertain("weekday") || r.start.isCertain("day"))) {
        const clock = CLOCK_BEFORE.exec(text.slice(floor, r.index));
        if (clock) {
          r.index -= clock[1]!.length;
          r.text = clock[1]! + r.text;
        }
      }
      floor = r.index + r.text.length;
    }
    return results;
  },
};

// "the 1970s and 80s": a second decade in two digits, read only after a full one (alone, "in
// the 80s" is as often an age or a temperature).
const DECADE_AFTER = /^(\s*(?:,|and|or|to|through|into|until|&)\s*(?:the\s+)?)(?:(early|late|mid)[\s-]+)?(\d)0s(?![\w'’-])/i;

export const decadePair: NamedRefiner = {
  name: "decade-pair",
  refine: (context: Context, results: Result[]) => {
    const added: Result[] = [];
    for (const r of results) {
      const decade = [...r.tags()].find((t) => t.startsWith("decade/"));
      if (!decade || r.tags().has("kind/century") || [...r.tags()].some((t) => t.startsWith("until/"))) continue;
      const end = r.index + r.text.length;
      const m = DECADE_AFTER.exec(context.text.slice(end));
      if (!m) continue;
      const a = Number(decade.slice(7));
      let b = Math.floor(a / 10) * 10 + Number(m[3]);
      if (b <= a) b += 10;
      const at = end + m[1]!.length;
      if (results.some((x) => x.index <= at && at < x.index + x.text.length)) continue;
      const c = context.createParsingComponents({ year: b * 10 });
      for (const t of ["kind/decade", `decade/${b}`, ...(m[2] ? [`mod/${m[2].toLowerCase()}`] : [])]) c.addTag(t);
      added.push(context.createParsingResult(at, m[0].slice(m[1]!.length), c));
    }
    return added.length ? [...results, ...added].sort((x, y) => x.index - y.index) : results;
  },
};

// "Feb. 12 and 13": a second day of the same month, unless a noun follows ("March 3 and 4 people").
const DAY_AFTER =
  /^(\s*(?:and|or|&)\s+)(\d{1,2})(?:st|nd|rd|th)?(?![\w%]|[.,:/-]\d|\s*(?:percent|per\s+cent)|\s+(?!(?:in|at|on|by|to|for|with|from|of|and|or|but|when|after|before|the|a|an)\b)\p{Ll})/iu;

export const dayPair: NamedRefiner = {
  name: "day-pair",
  refine: (context: Context, results: Result[]) => {
    const added: Result[] = [];
    for (const r of results) {
      const c = r.start;
      if (custom(r) || r.end || !c.isCertain("month") || !c.isCertain("day") || !/\d$/.test(r.text)) continue;
      const end = r.index + r.text.length;
      const m = DAY_AFTER.exec(context.text.slice(end));
      const d = m ? Number(m[2]) : 0;
      if (!m || d <= c.get("day")! || d > 31) continue;
      const at = end + m[1]!.length;
      if (results.some((x) => x.index <= at && at < x.index + x.text.length)) continue;
      const values: Record<string, number> = { month: c.get("month")!, day: d };
      if (c.isCertain("year")) values.year = c.get("year")!;
      added.push(context.createParsingResult(at, m[2]!, context.createParsingComponents(values)));
    }
    return added.length ? [...results, ...added].sort((x, y) => x.index - y.index) : results;
  },
};

export const REFINERS: NamedRefiner[] = [partOfDayDate, notADate, trimSpan, keepModifiers, decadePair, dayPair];
