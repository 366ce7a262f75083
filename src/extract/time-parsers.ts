// chrono-node, extended the chrono way (extra parsers and refiners), for news text: modifiers
// chrono drops ("last August", "earlier this month", "late-November"), bare and fiscal years,
// decades, seasons, holidays, vague references ("in the coming days"), and refiners that remove
// what is not a date (prices, fractions, times of day alone, "may"/"march" as verbs).
import * as chrono from "chrono-node/en";
import holidays from "./lexicons/holidays.json" with { type: "json" };

type Context = Parameters<chrono.Parser["extract"]>[0];

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  "a couple of": 2, couple: 2,
};
const MONTH_RE = "(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)";
const WEEKDAY_RE = "(sunday|monday|tuesday|wednesday|thursday|friday|saturday)";
const B = "(?<![\\w-])";

/** Modifier tags carry what chrono's components cannot: last/next/this, early/late, end-of. */
export const MOD = (m: string): string => `mod/${m.toLowerCase().replace(/\s+/g, "-")}`;

const monthNumber = (s: string): number => MONTHS[s.toLowerCase().replace(/\.$/, "")]!;

function components(context: Context, values: Record<string, number>, tags: string[]) {
  // A result with no date component looks like a time of day to chrono, which then merges it into
  // a neighbouring date; a placeholder year prevents that (the resolver reads the tags instead).
  const placeholder = Object.keys(values).length === 0;
  const c = context.createParsingComponents(placeholder ? { year: context.refDate.getFullYear() } : values);
  for (const t of tags) c.addTag(t);
  if (placeholder) c.addTag("placeholder/year");
  return c;
}

// Patterns are built once: chrono asks for them on every parse.
const MODIFIED_MONTH = new RegExp(`${B}(last|next|this|early|late|mid|the end of|the beginning of|the start of|by the end of|by late|by early|until the end of)[\\s-]+${MONTH_RE}(?:,?\\s+(\\d{4}))?(?![\\w])`, "i");
const MODIFIED_WEEKDAY = new RegExp(`${B}(last|next|this|past|coming)\\s+${WEEKDAY_RE}(?:\\s+(morning|afternoon|evening|night))?(?![\\w])`, "i");
const RELATIVE_PERIOD = new RegExp(`${B}(?:(earlier|later|early|late)\\s+)?(this|last|next|the past|the previous|the coming|the following)\\s+(week|month|year|weekend)(?![\\w])`, "i");
const UNITS_AGO = new RegExp(`${B}(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)\\s+(day|week|month|year)s?\\s+(ago|earlier|before|later|after|from now|hence)(?![\\w])`, "i");
const WEEKEND = new RegExp(`${B}(the|this|last|next|that)\\s+weekend(?![\\w])`, "i");
const VAGUE_SPAN = /(?<![\w-])(?:in|over|during|within)\s+(?:the\s+)?(?:coming|next few|past few|last few|recent|coming few|following)\s+(?:days|weeks|months|years)(?![\w])/i;
const END_OF_PERIOD = /(?<![\w-])(?:by\s+)?the\s+(end|beginning|start|middle)\s+of\s+(?:the|this|next|last)\s+(week|month|year)(?![\w])/i;
const YEAR = /(?:\b(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fiscal|fy)[a-z]*\b)([A-Za-z]+)\s+)?(?<![\w$£€#.,/-])(?:(pre|post|mid|early|late)-)?(fiscal(?:\s+year)?\s+|FY\s?)?((?:1[5-9]|20)\d{2})(s)?(?![\w%]|[.,]\d|\s*(?:%|percent|per cent|million|billion|trillion|people|persons|troops|soldiers|votes|jobs|men|women|children|members|residents|workers|students|deaths|cases|units|copies|miles|km|kilometers|feet|meters|pounds|tons|dollars|euros|yen|hours|minutes|times|ft|lbs)\b)/i;
const HOLIDAY = new RegExp(`${B}(?:(last|next|this)\\s+)?(${Object.keys(holidays.holidays).sort((a, b) => b.length - a.length).map((h) => h.replace(/[.']/g, (c) => (c === "." ? "\\." : "['’]?")).replace(/ /g, "\\s+")).join("|")})(?![\\w])`, "i");
const SEASON = /(?<![\w-])(?:(last|next|this|early|late|mid|in|during|by|until|since|the|over)[\s-]+(?:the\s+)?)(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?(?![\w])/i;

const parsers: chrono.Parser[] = [
  // last August, next March 2020, early/late/mid-November, earlier this month's cousin "later in May"
  {
    pattern: () => MODIFIED_MONTH,
    extract: (context, m) => {
      const values: Record<string, number> = { month: monthNumber(m[2]!) };
      if (m[3]) values.year = Number(m[3]);
      return components(context, values, [MOD(m[1]!.replace(/^by\s+/i, "").replace(/^until\s+/i, "")), "kind/month"]);
    },
  },
  // last Tuesday, next Friday, this Monday (morning)
  {
    pattern: () => MODIFIED_WEEKDAY,
    extract: (context, m) => components(context, { weekday: WEEKDAYS[m[2]!.toLowerCase()]! }, [MOD(m[1]!), "kind/weekday"]),
  },
  // earlier this month, later this year, last week, next month, this year, the past week
  {
    pattern: () => RELATIVE_PERIOD,
    extract: (context, m) => {
      const which = m[2]!.toLowerCase();
      const offset = which === "this" ? 0 : /last|past|previous/.test(which) ? -1 : 1;
      return components(context, {}, [`kind/relative`, `unit/${m[3]!.toLowerCase()}`, `offset/${offset}`, ...(m[1] ? [MOD(m[1])] : [])]);
    },
  },
  // two months ago, three days earlier, a year ago
  {
    pattern: () => UNITS_AGO,
    extract: (context, m) => {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBERS[m[1]!.toLowerCase()] ?? 1;
      // "three days earlier/later" is relative to a story event, not to the article date.
      const anchored = /ago|from now|hence/i.test(m[3]!);
      const sign = /ago|earlier|before/i.test(m[3]!) ? -1 : 1;
      return components(context, {}, ["kind/relative", `unit/${m[2]!.toLowerCase()}`, `offset/${sign * n}`, ...(anchored ? [] : ["kind/vague"])]);
    },
  },
  // the weekend, over the weekend, this weekend
  {
    pattern: () => WEEKEND,
    extract: (context, m) => {
      const w = m[1]!.toLowerCase();
      const offset = w === "last" ? -1 : w === "next" ? 1 : 0;
      return components(context, {}, ["kind/relative", "unit/weekend", `offset/${offset}`, ...(w === "the" || w === "that" ? ["mod/tense"] : [])]);
    },
  },
  // in the coming days, in recent weeks, in the past few months: real time words, but no fixed date
  {
    pattern: () => VAGUE_SPAN,
    extract: (context) => components(context, {}, ["kind/vague"]),
  },
  // (by) the end of the year / of this month / of next week
  {
    pattern: () => END_OF_PERIOD,
    extract: (context, m) => {
      const which = /next/i.test(m[0]!) ? 1 : /last/i.test(m[0]!) ? -1 : 0;
      return components(context, {}, ["kind/relative", `unit/${m[2]!.toLowerCase()}`, `offset/${which}`, MOD(m[1]!)]);
    },
  },
  // 1995, in 2020, post-1959, mid-1990s, the 1990s, fiscal 2019, FY2019
  {
    // The word before is captured (and trimmed later): chrono drops results that are only digits.
    pattern: () => YEAR,
    extract: (context, m) => {
      const year = Number(m[4]);
      const lead = m[1] ? [`lead/${m[1].length + (m[0].length - m[0].replace(/^[A-Za-z]+\s+/, "").length - m[1].length)}`] : [];
      if (m[5]) return components(context, { year }, ["kind/decade", `decade/${Math.floor(year / 10)}`, ...lead]);
      return components(context, { year }, ["kind/year", ...(m[2] ? [MOD(m[2])] : []), ...lead]);
    },
  },
  // Thanksgiving (Day), Election Day, last Christmas
  {
    pattern: () => HOLIDAY,
    extract: (context, m) => {
      const key = m[2]!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
      const name = Object.keys(holidays.holidays).find((h) => h.replace(/'/g, "") === key.replace(/'/g, "")) ?? key;
      return components(context, {}, ["kind/holiday", `holiday/${name}`, ...(m[1] ? [MOD(m[1])] : [])]);
    },
  },
  // last summer, in the spring of 2019, winter 2018
  {
    pattern: () => SEASON,
    extract: (context, m) => {
      const mod = m[1]!.toLowerCase();
      const values: Record<string, number> = {};
      if (m[3]) values.year = Number(m[3]);
      const tags = ["kind/season", `season/${m[2]!.toLowerCase().replace("autumn", "fall")}`];
      if (/^(last|next|this|early|late|mid)$/.test(mod)) tags.push(MOD(mod));
      const c = components(context, values, tags);
      return c;
    },
  },
];

const refiners: chrono.Refiner[] = [
  {
    refine: (context, results) => {
      const text = context.text;
      return results.filter((r) => {
        const t = r.text;
        const tags = r.tags();
        const custom = [...tags].some((x) => x.startsWith("kind/"));
        if (custom) return true;
        const c = r.start;
        // A time of day alone ("7 p.m.", "10 to 20") is not a date.
        if (!c.isCertain("day") && !c.isCertain("month") && !c.isCertain("year") && !c.isCertain("weekday") && !/\b(today|tonight|tomorrow|yesterday|morning|afternoon|evening)\b/i.test(t)) return false;
        // Numeric M/D without a year: fractions (5 1/2) and 9/11.
        if (/^\d{1,2}\/\d{1,2}$/.test(t.trim())) return false;
        if (/^\d{1,2}[-.]\d{1,2}$/.test(t.trim())) return false;
        // "may" and "march" as words, not months.
        if (/^(may|march|sun|sat|wed|mar|jan|jun|aug|oct|dec)$/.test(t.trim())) return false;
        if (/^(May|March)$/.test(t.trim())) {
          const before = text.slice(Math.max(0, r.index - 12), r.index).toLowerCase();
          const after = text.slice(r.index + t.length, r.index + t.length + 6);
          if (!/\b(in|of|since|until|by|early|late|mid|last|next|this|from|before|after|during|through|on|the)\s*$/.test(before) && !/^\s*,?\s*\d/.test(after)) return false;
        }
        if (/^(now|the moment|right now)$/i.test(t.trim())) return false;
        if (/^(on\s+)?(sun|sat|wed|mon|tue|tues|thu|thur|thurs|fri)\.?$/i.test(t.trim())) return false;
        return true;
      });
    },
  },
  {
    // chrono's texts sometimes end with a comma or space; a year's leading word is dropped here.
    refine: (_context, results) => {
      for (const r of results) {
        if (![...r.tags()].some((t) => t.startsWith("kind/"))) {
          // "on Thursday", "at 3 p.m. Tuesday": the preposition is not part of the expression.
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
        const trimmed = r.text.replace(/[\s,;:.]+$/, (m) => (/^\.$/.test(m) && /\b\p{L}\.$/u.test(r.text) ? m : ""));
        r.text = trimmed;
      }
      return results;
    },
  },
];

export const newsChrono = chrono.casual.clone();
// chrono's parsers for what our own parsers read with their modifiers ("two days ago", "next
// week", "within a month") or for what is not a date (a time of day alone) only cost time.
const REPLACED = new Set(["ENTimeUnitAgoFormatParser", "ENTimeUnitLaterFormatParser", "ENTimeUnitWithinFormatParser", "ENTimeUnitCasualRelativeFormatParser", "ENRelativeDateFormatParser", "ENTimeExpressionParser"]);
newsChrono.parsers = newsChrono.parsers.filter((p) => !REPLACED.has(p.constructor.name));
// Date ranges are not merged: a dateline's date and the "On Friday" after its dash are two
// expressions, and a "when" answer needs each on its own.
newsChrono.refiners = newsChrono.refiners.filter((r) => r.constructor.name !== "ENMergeDateRangeRefiner");
// Ours first, so that on equal spans ("last week") the tagged result wins the overlap.
newsChrono.parsers.unshift(...parsers);
newsChrono.refiners.push(...refiners);

/** Weekday and month names for the resolver. */
export { MONTHS, WEEKDAYS };
export const HOLIDAYS = holidays.holidays as Record<string, { month?: number; day?: number; weekday?: number; n?: number; rule?: string; easter?: number }>;
