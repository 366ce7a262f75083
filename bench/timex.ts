// Time expressions as news writes them, each with the ISO value a careful reader gives it from the
// article's date and the sentence's tense. Only unambiguous uses are generated: "last August" only
// when August is at or after the article's month (so it can only mean the year before), a bare
// weekday never on the article's own weekday, a bare month within six months of the article.
import type { Rng } from "./prng.js";
import { addDays, addMonths, isoDay, isoMonth, mondayOf, weekValues, weekday, type Ymd, daysInMonth } from "./calendar.js";
import { MONTHS, NUMBER_WORDS, WEEKDAYS } from "./words.js";

export type Tense = "past" | "future";

export interface Timex {
  /** As it sits in the sentence, preposition included ("on Tuesday", "last August"). */
  phrase: string;
  /** The time words an answer's expression must contain ("Tuesday", "last August"). */
  expression: string;
  /** Accepted ISO values (any one, as a prefix of the answer's); null when the text cannot fix one. */
  values: string[] | null;
  /** The sentence can open with it ("Last August, …"). */
  fronting: boolean;
  /** It can sit between subject and verb ("The ministry last week approved …"). */
  midVerb: boolean;
  kind: string;
}

const AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

const PAST_KINDS = {
  weekday: 20,
  month: 12,
  lastMonthName: 6,
  monthYear: 8,
  fullDate: 10,
  monthDay: 8,
  year: 8,
  lastWeek: 5,
  earlierThisMonth: 5,
  lastMonth: 4,
  monthsAgo: 4,
  yearsAgo: 3,
  lastYear: 5,
  earlierThisYear: 4,
  yesterday: 3,
} as const;
const FUTURE_KINDS = {
  weekday: 20,
  month: 12,
  nextMonthName: 6,
  monthYear: 6,
  fullDate: 8,
  monthDay: 8,
  year: 6,
  nextWeek: 6,
  laterThisMonth: 5,
  nextMonth: 6,
  nextYear: 6,
  laterThisYear: 4,
  tomorrow: 3,
} as const;

/** A random day in [2012-01-01, 2024-12-31] for undated articles' absolute dates. */
function anyDay(rng: Rng): Ymd {
  const y = rng.int(2012, 2024);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysInMonth(y, m)) };
}

function writeDate(rng: Rng, x: Ymd, withYear: boolean): string {
  const us = rng.chance(0.5);
  if (us) {
    const month = rng.chance(0.3) ? AP_MONTHS[x.m - 1]! : MONTHS[x.m - 1]!;
    return withYear ? `${month} ${x.d}, ${x.y}` : `${month} ${x.d}`;
  }
  return withYear ? `${x.d} ${MONTHS[x.m - 1]} ${x.y}` : `${x.d} ${MONTHS[x.m - 1]}`;
}

export function makeTimex(rng: Rng, doc: Ymd | null, tense: Tense): Timex {
  const kind = tense === "past" ? rng.weighted(PAST_KINDS) : rng.weighted(FUTURE_KINDS);
  const dir = tense === "past" ? -1 : 1;
  const rel = (phrase: string, value: () => string[], opts: Partial<Timex> = {}): Timex => ({
    phrase,
    expression: phrase,
    values: doc ? value() : null,
    fronting: true,
    midVerb: true,
    kind,
    ...opts,
  });
  switch (kind) {
    case "weekday": {
      const k = rng.int(1, 6);
      const day = doc ? addDays(doc, dir * k) : null;
      const name = day ? WEEKDAYS[weekday(day)]! : rng.pick(WEEKDAYS);
      const bare = rng.chance(0.25); // wire style: "killing dozens Friday"
      return { phrase: bare ? name : `on ${name}`, expression: name, values: day ? [isoDay(day)] : null, fronting: !bare, midVerb: true, kind };
    }
    case "month": {
      const k = rng.int(1, 6);
      const t = doc ? addMonths(doc.y, doc.m, dir * k) : { y: 0, m: rng.int(1, 12) };
      const name = MONTHS[t.m - 1]!;
      return { phrase: `in ${name}`, expression: name, values: doc ? [isoMonth(t.y, t.m)] : null, fronting: true, midVerb: false, kind };
    }
    case "lastMonthName":
    case "nextMonthName": {
      // Only months for which "last"/"next" has one reading: at or after (before) the article's month.
      const m = doc ? (kind === "lastMonthName" ? rng.int(doc.m, 12) : rng.int(1, doc.m)) : rng.int(1, 12);
      const word = kind === "lastMonthName" ? "last" : "next";
      const y = doc ? doc.y + (kind === "lastMonthName" ? -1 : 1) : 0;
      const phrase = `${word} ${MONTHS[m - 1]}`;
      return { phrase, expression: phrase, values: doc ? [isoMonth(y, m)] : null, fronting: true, midVerb: true, kind };
    }
    case "monthYear": {
      const base = doc ?? anyDay(rng);
      const t = addMonths(base.y, base.m, dir * rng.int(1, 30));
      const expression = `${MONTHS[t.m - 1]} ${t.y}`;
      return { phrase: `in ${expression}`, expression, values: [isoMonth(t.y, t.m)], fronting: true, midVerb: false, kind };
    }
    case "fullDate": {
      const base = doc ?? anyDay(rng);
      const day = addDays(base, dir * rng.int(2, 400));
      const expression = writeDate(rng, day, true);
      return { phrase: `on ${expression}`, expression, values: [isoDay(day)], fronting: true, midVerb: false, kind };
    }
    case "monthDay": {
      // Within about four months of the article, so the year is the obvious one.
      const day = doc ? addDays(doc, dir * rng.int(8, 120)) : anyDay(rng);
      const expression = writeDate(rng, day, false);
      return { phrase: `on ${expression}`, expression, values: doc ? [isoDay(day)] : null, fronting: true, midVerb: false, kind };
    }
    case "year": {
      const y = (doc ?? anyDay(rng)).y + dir * rng.int(1, 8);
      return { phrase: `in ${y}`, expression: String(y), values: [String(y)], fronting: true, midVerb: false, kind };
    }
    case "lastWeek":
      return rel("last week", () => weekValues(mondayOf(addDays(doc!, -7))));
    case "nextWeek":
      return rel("next week", () => weekValues(mondayOf(addDays(doc!, 7))));
    case "earlierThisMonth":
      return rel("earlier this month", () => [isoMonth(doc!.y, doc!.m)]);
    case "laterThisMonth":
      return rel("later this month", () => [isoMonth(doc!.y, doc!.m)]);
    case "lastMonth":
    case "nextMonth": {
      const n = kind === "lastMonth" ? -1 : 1;
      return rel(kind === "lastMonth" ? "last month" : "next month", () => {
        const t = addMonths(doc!.y, doc!.m, n);
        return [isoMonth(t.y, t.m)];
      });
    }
    case "monthsAgo": {
      const k = rng.int(2, 5);
      return rel(`${NUMBER_WORDS[k - 2]} months ago`, () => {
        const t = addMonths(doc!.y, doc!.m, -k);
        return [isoMonth(t.y, t.m)];
      });
    }
    case "yearsAgo": {
      const k = rng.int(2, 10);
      return rel(`${NUMBER_WORDS[k - 2]} years ago`, () => [String(doc!.y - k)]);
    }
    case "lastYear":
      return rel("last year", () => [String(doc!.y - 1)]);
    case "nextYear":
      return rel("next year", () => [String(doc!.y + 1)]);
    case "earlierThisYear":
      return rel("earlier this year", () => [String(doc!.y)]);
    case "laterThisYear":
      return rel("later this year", () => [String(doc!.y)]);
    case "yesterday":
      return rel("yesterday", () => [isoDay(addDays(doc!, -1))], { midVerb: false });
    case "tomorrow":
      return rel("tomorrow", () => [isoDay(addDays(doc!, 1))], { midVerb: false });
  }
}

/** "last August" → "Last August", for a sentence that opens with it. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
