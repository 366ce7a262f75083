// chrono-node, extended the chrono way (extra parsers and refiners), for news text: modifiers
// chrono drops ("last August", "earlier this month", "late-November"), bare and fiscal years,
// decades, seasons, holidays, vague references ("in the coming days"), and refiners that remove
// what is not a date (prices, fractions, times of day alone, "may"/"march" as verbs).
import * as chrono from "chrono-node/en";
import holidays from "./lexicons/holidays.json" with { type: "json" };
import { REFINERS } from "./time-refiners.js";

type Context = Parameters<chrono.Parser["extract"]>[0];

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  "a couple of": 2,
  couple: 2,
};
const MONTH_RE =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)";
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
const MODIFIED_MONTH = new RegExp(
  `${B}(last|next|this|early|late|mid|the end of|the beginning of|the start of|by the end of|by late|by early|until the end of)[\\s-]+${MONTH_RE}(?:,?\\s+(\\d{4}))?(?![\\w])`,
  "i",
);
const MODIFIED_WEEKDAY = new RegExp(`${B}(last|next|this|past|coming)\\s+${WEEKDAY_RE}(?:\\s+(morning|afternoon|evening|night))?(?![\\w])`, "i");
const RELATIVE_PERIOD = new RegExp(
  `${B}(?:(earlier|later|early|late)\\s+)?(this past|this|last|next|the past|the previous|the coming|the following)\\s+(week|month|year|weekend)(?![\\w])`,
  "i",
);
const UNITS_AGO = new RegExp(
  `${B}(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)\\s+(day|week|month|year|decade)s?\\s+(ago|earlier|before|later|after|from now|hence)(?![\\w])`,
  "i",
);
// "a few years ago", "several weeks earlier", "some months later": time words with no count to date by.
const FEW_UNITS_AGO =
  /(?<![\w-])(?:a few|few|several|some|many|a number of|a couple|a matter of)\s+(?:days|weeks|months|years|decades)\s+(?:ago|earlier|later|before|after)(?![\w-])/i;
// the previous day, the next day, the day before, that same day, later that day: a day counted
// from the date the story last gave, never from the article (with none, the day is not fixed).
const RELATIVE_DAY =
  /(?<![\w-])(?:(?:the|that)\s+(previous|preceding|next|following|same)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+(?:(before|after)(?!\s+(?:tomorrow|yesterday)\b)|(after\s+tomorrow|before\s+yesterday))|(?:that|the\s+same)\s+(?:same\s+)?(day|night|evening|morning|afternoon)|(?:earlier|later)\s+(?:that|the\s+same|in\s+the)\s+(day|night|evening|morning|afternoon))(?![\w-])/i;
// every Thursday, each spring, on Mondays: a habit, not a date.
const RECURRING =
  /(?<![\w-])(?:(?:every|each)\s+(?:other\s+)?(?:day|week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|quarter|sunday|monday|tuesday|wednesday|thursday|friday|saturday|january|february|march|april|may|june|july|august|september|october|november|december)|(?:on\s+)?(?:sundays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays))(?![\w-])/i;
// the first half of 2005, the second half, first-half profit: TimeML's 2005-H1.
const HALF_YEAR =
  /(?<![\w-])(?:the\s+)?(first|second|1st|2nd|latter)[\s-]+half(?:\s+of\s+(?:the\s+year|(?:fiscal\s+)?((?:1[5-9]|20)\d{2})|(this|last|next)\s+year))?(?![\w-])/i;
const BUSINESS =
  /\b(?:sales|profits?|earnings|revenues?|income|growth|econom(?:y|ic)|output|fiscal|results|demand|inflation|loss(?:es)?|margins?|shipments|orders|prices|exports|imports|spending|deficit|budget|GDP|forecasts?|outlook|traffic|production|trade|investment|volumes?|markets?|stocks|shares|bookings|tourism|hiring|jobs)\b/i;
// '98, the early '90s: a two-digit year after a word that introduces a time.
const SHORT_YEAR =
  /(?<![\w-])(in|since|until|by|of|during|from|through|before|after|the|early|late|mid|and|to|class\s+of)[\s-]+(?:(early|late|mid)[\s-]+)?['’‘](\d{2})(s)?(?![\w'’%-]|\s*(?:%|percent))/i;
const WEEKEND = new RegExp(`${B}(the past|this past|the|this|last|next|that)\\s+weekend(?![\\w])`, "i");
const VAGUE_SPAN =
  /(?<![\w-])(?:in|over|during|within)\s+(?:the\s+)?(?:coming|next few|past few|last few|recent|coming few|following)\s+(?:days|weeks|months|years)(?![\w])/i;
const END_OF_PERIOD = /(?<![\w-])(?:by\s+)?the\s+(end|beginning|start|middle)\s+of\s+(?:the|this|next|last)\s+(week|month|year)(?![\w])/i;
const YEAR =
  /(?:\b(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fiscal|fy)[a-z]*\b)([A-Za-z]+)\s+)?(?<![\w$£€#.,/-])(?:(pre|post|mid|early|late)-)?(fiscal(?:\s+year)?\s+|FY\s?)?((?:1[5-9]|20)\d{2})(s|['’]s(?<=\b(?:the|early|late|mid)[\s-]+(?:(?:pre|post|mid|early|late)-)?\d{3}0['’]s))?(?:[-–/]((?:1[5-9]|20)\d{2}|\d{2}(?![-/.]\d)))?(?![\w%]|[.,]\d|[-/.]\d{1,2}[-/.]\d|\s*(?:%|percent|per cent|million|billion|trillion|block|people|persons|employees|staff|passengers|spectators|visitors|tourists|customers|households|delegates|refugees|protesters|demonstrators|acres|hectares|barrels|tonnes|seats|shares|vehicles|signatures|calories|metres|meters|yards|litres|liters|gallons|kilograms|kg|pesos|rupees|yuan|francs|troops|soldiers|votes|jobs|men|women|children|members|residents|workers|students|deaths|cases|units|copies|miles|km|kilometers|feet|meters|pounds|tons|dollars|euros|yen|hours|minutes|times|ft|lbs)\b)/i;
// Nouns after "the weekend" or "the summer" that make it a kind of thing: the weekend edition.
const NOUN_AFTER_TIME =
  /^\s+(?:camps?|school|olympics|house|palace|resort|residence|courses?|programm?e?s?|interns?|internships?|league|fashion|collections?|wheat|solstice|equinox|recess|sessions?|term|semester|break|holidays?|vacations?|tour|festival|blockbusters?|editions?|pass|passes|shifts?|trips?|getaways?|warriors?|papers?|newspapers?|schedule|tires|tyres|clothes|wear|coats?|job)\b/i;
// The word before a number that makes it a name or a count, not a year.
const NUMBER_NAMES =
  /^(?:flights?|routes?|highway|interstate|rooms?|suites?|apartments?|models?|numbers?|pages?|resolutions?|sections?|chapters?|rules?|gates?|platforms?|bus|buses|channels?|codes?|items?|forms?|units?|lots?|exits?|tracks?|windows|boeing|airbus|precincts?|wards?|serial|versions?|catalog|patents?|lines?|trains?|cells?|box|zip|step|levels?|grade|pier|berth|hall|block|category|group|phase|stage|series|tier|row|seat|site|area|zone|district|number)$/i;
const HOLIDAY = new RegExp(
  `${B}(?:(last|next|this)\\s+)?(${Object.keys(holidays.holidays)
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(/[.']/g, (c) => (c === "." ? "\\." : "['’]?")).replace(/ /g, "\\s+"))
    .join("|")})(?:,?\\s+((?:1[5-9]|20)\\d{2}))?(?![\\w-])`,
  "i",
);
const SEASON =
  /(?<![\w-])(?:(this\s+past|the\s+past|last|next|this|early|late|mid|in|during|by|until|since|the|over)[\s-]+(?:the\s+)?)(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(\d{4})|['’](\d{2})(?![\w'’])))?(?![\w])/i;

// Ordinals up to the twenty-first, as figures or words: the centuries news names.
const ORDINAL_WORDS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
  "twenty-first",
];
const ORDINAL = `(\\d{1,2}(?:st|nd|rd|th)|${[...ORDINAL_WORDS].reverse().join("|").replace("-", "[\\s-]")})`;
const ordinalValue = (s: string): number => (/^\d/.test(s) ? Number(s.replace(/\D/g, "")) : ORDINAL_WORDS.indexOf(s.toLowerCase().replace(/\s+/, "-")) + 1);
// the 19th century, the late eighteenth century, the 16th and 17th centuries, the 3rd century BC
const CENTURY = new RegExp(
  `${B}(the\\s+)?(?:(early|late|mid|middle)[\\s-]+)?${ORDINAL}(?:\\s*(?:and|or|to|through|-|–)\\s*(?:the\\s+)?${ORDINAL})?([\\s-]+)centur(?:y|ies)(?:\\s+(B\\.?C\\.?(?:E\\.?)?|A\\.?D\\.?|C\\.?E\\.?)(?![\\w]))?(?![\\w-])`,
  "i",
);
// this century, earlier this decade, last century, by the end of the decade, the turn of the century
const RELATIVE_LONG = new RegExp(
  `${B}(?:(?:(earlier|later|early|late)\\s+)?(this|last|next)\\s+(decade|century)|(?:by\\s+)?the\\s+(end|start|beginning|middle|turn)\\s+of\\s+(the|this)\\s+(decade|century))(?![\\w-])`,
  "i",
);
// 1980s-90s, 1980s–1990s, 1980s/90s: two decades written as one span.
// The word before is captured and trimmed, as the year parser does, so that this span outlasts its "the 1980s".
const DECADE_SPAN = /(?:\b([A-Za-z]+)\s+)?(?<![\w$£€#.,/-])(?:(early|late|mid)[\s-]+)?((?:1[5-9]|20)\d)0s\s*[-–/]\s*['’]?((?:1[5-9]|20)?\d)0s(?![\w'’-])/i;
// FY06, FY '06: a fiscal year written with two digits.
const FY_SHORT = /(?<![\w-])FY\s?['’]?(\d{2})(?![\w'’%-]|[.,]\d)/;

// the first week of April, the last days of June, the latter part of May 2004: a stretch of a
// month, dated as the month (no "last" modifier on the month: "the last week of June" is not "last June").
const PART_OF_MONTH = new RegExp(
  `${B}(?:the\\s+)?(?:first|second|third|fourth|last|final|closing|opening|early|latter)\\s+(?:(?:two|three|four|few|couple\\s+of)\\s+)?(?:days?|weeks?|weekend|fortnight|half|part)\\s+of\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?(?![\\w])`,
  "i",
);

// the nineties, the mid-Sixties: a decade in words, the latest one not after the article.
const SPELLED_DECADE = /(?<![\w-])the\s+(?:(early|late|mid)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])/i;
// Words of a sentence where "the eighties" is a temperature, a score or a share.
const MEASURE_WORDS =
  /\b(?:degrees?|temperatures?|highs?|lows?|fahrenheit|celsius|thermometers?|heat|upper|lower|percent|per\s+cent|points?|scores?|ratings?)\b|°|%/i;
const DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
// later in the month, earlier in the year: counted from the date the story gives, else the article.
const IN_THE_PERIOD = /(?<![\w-])(earlier|later|early|late)\s+in\s+the\s+(week|month|year)(?![\w-])/i;
// "on the 20th": a day of the month the story or the article is in; only before a break in the
// sentence, as "on the 20th floor", "on the 5th and 6th floors" count other things.
const ORDINAL_DAY = /(?<![\w-])on\s+the\s+(\d{1,2})(?:st|nd|rd|th)(?=\s*(?:[,.;:)—–]|$)|\s+(?:and|or)\s+(?!\d)|\s+(?:when|after|before|at|in)\b)/i;

export interface NamedParser extends chrono.Parser {
  name: string;
}

const NUMBER_RE = "(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a couple of)";
// the first eight months of the year, the last two months of 2004: a stretch of a year, dated as the year.
const MONTHS_OF_YEAR = new RegExp(
  `${B}(?:the\\s+)?(?:first|last|final|opening|closing)\\s+${NUMBER_RE.replace("(", "(?:")}\\s+months\\s+of\\s+(?:(the|this|last|next)\\s+year|(?:fiscal\\s+)?((?:1[5-9]|20)\\d{2}))(?![\\w-])`,
  "i",
);
const countOf = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (NUMBERS[s.toLowerCase()] ?? 1));

const FISCAL_YEAR =
  /(?<![\w-])(this|the current|last|the last|the previous|the past|next|the coming|the next|the|its|their)\s+(?:fiscal|financial)\s+year(?![\w-]|\s+(?:\d{4}|FY))/i;
const QUARTER =
  /(?<![\w-])(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|this|current|next|previous|past|last|latest|final)(?:\s+(?:fiscal|financial|calendar))?[\s-]+quarter(?:\s+of\s+(?:(?:fiscal\s+)?((?:1[5-9]|20)\d{2})|(this|last|next)\s+year))?(?![\w-])/i;
// Q3 2004, Q3 of 2004, Q3: the quarter written as its number.
const Q_QUARTER = /(?<![\w-])Q([1-4])(?:\s+(?:of\s+)?((?:1[5-9]|20)\d{2}))?(?![\w-])/;
const YEAR_END = /(?<![\w-])(?:(this|last|next)\s+)?year[-\s]end(?![\w-])/i;
const FULL_YEAR = /(?<![\w-])(?:the\s+)?full[-\s]year(?![\w-]|\s+\d{4})/i;
const YEAR_AGO_ADJ = /(?<![\w-])(?:the\s+)?year[-\s](?:earlier|ago)(?:\s+(?:quarter|period|month|week|half|year))?(?![\w-])/i;
const IN_UNITS = new RegExp(`${B}in\\s+${NUMBER_RE}\\s+(day|week|month|year)s?(['’]s?\\s+time)?(?![\\w-])`, "i");
// "March of next year", "September last year": a month counted from the article's year.
const MONTH_OF_YEAR = new RegExp(
  `${B}(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH_RE}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?,?)?\\s+(?:of\\s+)?(this|last|next|the previous|the following|the same)\\s+year(?![\\w-])`,
  "i",
);
const ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const UNDER_100 = `(?:(${TEENS.join("|")})|(${TENS.slice(2).join("|")})(?:[\\s-](${ONES.slice(1).join("|")}))?|(?:oh|o)[\\s-](${ONES.slice(1).join("|")}))`;
// "in nineteen ninety-eight", "since two thousand and three", "by twenty twenty": only after a
// word that introduces a time, since "twenty fifteen-year-olds" is a count.
const SPELLED_YEAR = new RegExp(
  `${B}(in|since|until|by|of|during|from|before|after|year|early|late|mid)[\\s-]+(?:(eighteen|nineteen|twenty)[\\s-](?:hundred(?:\\s+and)?[\\s-]+)?${UNDER_100}|two\\s+thousand(?:(?:\\s+and)?[\\s-]+(?:(${ONES.slice(1).join("|")})|${UNDER_100.replace(/\((?!\?)/g, "(?:")}))?)(?![\\w-])`,
  "i",
);

/** A lower-case word right after a number that is no function word, auxiliary or pronoun: what the number counts. */
const COUNTED_NOUN_AFTER =
  /^\s+(?!(?:and|or|but|nor|the|a|an|was|were|is|are|be|been|has|had|have|will|would|could|should|may|might|did|when|while|with|to|in|on|at|by|for|as|of|from|that|which|who|it|he|she|they|we|i|you|this|its|their|there|then|after|before|until|since)\b)\p{Ll}/u;

function spelledValue(m: RegExpMatchArray): number | null {
  const under = (teen?: string, ten?: string, one?: string, oh?: string): number | null => {
    if (teen) return TEENS.indexOf(teen.toLowerCase()) + 10;
    if (ten) return TENS.indexOf(ten.toLowerCase()) * 10 + (one ? ONES.indexOf(one.toLowerCase()) : 0);
    if (oh) return ONES.indexOf(oh.toLowerCase());
    return null;
  };
  if (m[2]) {
    const century = { eighteen: 1800, nineteen: 1900, twenty: 2000 }[m[2].toLowerCase() as "eighteen"]!;
    const rest = under(m[3], m[4], m[5], m[6]);
    return rest === null ? null : century + rest;
  }
  if (m[7]) return 2000 + ONES.indexOf(m[7].toLowerCase());
  const words = m[0].toLowerCase().replace(/^.*?thousand(?:\s+and)?[\s-]*/, "");
  if (!words) return 2000;
  const t = TEENS.indexOf(words);
  if (t >= 0) return 2010 + t - 0;
  const [tens, ones] = words.split(/[\s-]+/);
  const tv = TENS.indexOf(tens!);
  return tv >= 2 ? 2000 + tv * 10 + (ones ? ONES.indexOf(ones) : 0) : null;
}

/** "of next year" after a quarter or a half: the year counted from the article's. */
const yearOffset = (w: string | undefined): string[] => (w ? [`yearoffset/${/^last$/i.test(w) ? -1 : /^next$/i.test(w) ? 1 : 0}`] : []);

/** The first year after `year` that ends in the two digits `nn` (2003 and 04: 2004; 1999 and 00: 2000), within a decade. */
function yearAfter(year: number, nn: number): number {
  let y = Math.floor(year / 100) * 100 + nn;
  if (y <= year) y += 100;
  return y - year <= 10 ? y : 0;
}

export const PARSERS: NamedParser[] = [
  {
    // last August, next March 2020, early/late/mid-November, by the end of December
    name: "modified-month",
    pattern: () => MODIFIED_MONTH,
    extract: (context, m) => {
      const values: Record<string, number> = { month: monthNumber(m[2]!) };
      if (m[3]) values.year = Number(m[3]);
      return components(context, values, [MOD(m[1]!.replace(/^by\s+/i, "").replace(/^until\s+/i, "")), "kind/month"]);
    },
  },
  {
    // the first week of April, the last days of June 2004
    name: "part-of-month",
    pattern: () => PART_OF_MONTH,
    extract: (context, m) => components(context, { month: monthNumber(m[1]!), ...(m[2] ? { year: Number(m[2]) } : {}) }, ["kind/month"]),
  },
  {
    // last Tuesday, next Friday, this Monday (morning)
    name: "modified-weekday",
    pattern: () => MODIFIED_WEEKDAY,
    extract: (context, m) => components(context, { weekday: WEEKDAYS[m[2]!.toLowerCase()]! }, [MOD(m[1]!), "kind/weekday"]),
  },
  {
    // earlier this month, later this year, last week, next month, this year, the past week
    name: "relative-period",
    pattern: () => RELATIVE_PERIOD,
    extract: (context, m) => {
      const which = m[2]!.toLowerCase();
      // "the last year of his term", "the last week of training": a stretch of something else
      // ("accused last month of fraud" is a time).
      const the = /^the\b/.test(which) || /\bthe\s+$/i.test(context.text.slice(0, m.index ?? 0));
      if (the && /^\s+of\b/i.test(context.text.slice((m.index ?? 0) + m[0].length))) return null;
      const offset = which === "this" ? 0 : /last|past|previous/.test(which) ? -1 : 1;
      // "the following year" counts from the story's last date; "the previous year" too, or from
      // the article when the sentence gives none (business copy: "up 5% from the previous year").
      const from = which === "the following" ? ["from/previous"] : which === "the previous" ? ["from/previous-or-article"] : [];
      return components(context, {}, [`kind/relative`, `unit/${m[3]!.toLowerCase()}`, `offset/${offset}`, ...(m[1] ? [MOD(m[1])] : []), ...from]);
    },
  },
  {
    // two months ago, three days earlier, a year ago, a year earlier
    name: "units-ago",
    pattern: () => UNITS_AGO,
    extract: (context, m) => {
      // A decade is counted in years: "a decade ago" is the year ten years back.
      const decade = /^decade$/i.test(m[2]!);
      const n = countOf(m[1]!) * (decade ? 10 : 1);
      const unit = decade ? "year" : m[2]!.toLowerCase();
      // "three days earlier/later" counts from a story event: the date before it in the same
      // sentence, if any (the resolver looks). "A year earlier" is the business idiom for the
      // same period of the year before, so with nothing before it, it counts from the article.
      const anchored = /ago|from now|hence/i.test(m[3]!);
      const sign = /ago|earlier|before/i.test(m[3]!) ? -1 : 1;
      const tags = ["kind/relative", `unit/${unit}`, `offset/${sign * n}`];
      // "a year after he left", "two days before the vote": a relation to another event, no date.
      const rest = context.text.slice((m.index ?? 0) + m[0].length);
      // "… three days later than planned" compares; it dates nothing either.
      const relation = (/^(?:after|before)$/i.test(m[3]!) && /^\s+[\p{L}\d]/u.test(rest)) || (/^(?:later|earlier)$/i.test(m[3]!) && /^\s+than\b/i.test(rest));
      if (relation) tags.push("kind/vague");
      else if (!anchored) tags.push(n === 1 && unit === "year" && sign < 0 ? "from/previous-or-article" : "from/previous");
      return components(context, {}, tags);
    },
  },
  {
    // a few years ago, several weeks later: no count, so no date
    name: "few-units-ago",
    pattern: () => FEW_UNITS_AGO,
    extract: (context) => components(context, {}, ["kind/vague"]),
  },
  {
    // the previous day, the next day, the day before, that same day, later that day
    name: "relative-day",
    pattern: () => RELATIVE_DAY,
    extract: (context, m) => {
      // the day after tomorrow, the day before yesterday: two days from the article
      if (m[3]) return components(context, {}, ["kind/relative", "unit/day", `offset/${/^after/i.test(m[3]) ? 2 : -2}`]);
      const w = (m[1] ?? m[2] ?? "same").toLowerCase();
      const offset = /previous|preceding|before/.test(w) ? -1 : /next|following|after/.test(w) ? 1 : 0;
      // "the day before the vote", "the day after he left": a relation to another event, no date
      // of its own ("the day before last Friday's launch" leaves last Friday to be read).
      const rest = context.text.slice((m.index ?? 0) + m[0].length);
      if (m[2] && /^\s+[\p{L}\d]/u.test(rest)) return null;
      // "that day one", "that day has come": a name or the subject of a clause, not a time.
      if (/^that\s+\w+$/i.test(m[0]) && /^\s+(?:one|two|\d|has|have|had|is|was|will|would|comes?|came)\b/i.test(rest)) return null;
      // Counted from the story's last date, even one in an earlier paragraph.
      return components(context, {}, ["kind/relative", "unit/day", `offset/${offset}`, "from/story"]);
    },
  },
  {
    // every Thursday, each spring, on Mondays: a habit, no date
    name: "recurring",
    pattern: () => RECURRING,
    extract: (context) => components(context, {}, ["kind/vague"]),
  },
  {
    // the first half of 2005, the second half, first-half results
    name: "half-year",
    pattern: () => HALF_YEAR,
    extract: (context, m) => {
      const half = /^(first|1st)$/i.test(m[1]!) ? 1 : 2;
      const rest = context.text.slice((m.index ?? 0) + m[0].length);
      // "the first half of the match", "the second half of the season": halves of something else.
      if (!m[2] && /^\s+of\b/i.test(rest) && !/\byear\b/i.test(m[0])) return null;
      // "scored in the second half" is a game's: a bare half is a year's only in a sentence about
      // results or the economy; the resolver leaves it to the tense, like a bare quarter.
      if (!m[2] && !/\byear\b/i.test(m[0]) && !BUSINESS.test(context.text)) return null;
      return components(context, m[2] ? { year: Number(m[2]) } : {}, ["kind/half", `half/${half}`, ...yearOffset(m[3])]);
    },
  },
  {
    // in '98, the early '90s, since '05
    name: "short-year",
    pattern: () => SHORT_YEAR,
    extract: (context, m) => {
      const n = Number(m[3]);
      // The century that puts the year at most a few years past the article.
      const ref = context.refDate.getFullYear();
      const year = 2000 + n <= ref + 5 ? 2000 + n : 1900 + n;
      const lead = /^class\s+of$/i.test(m[1]!) ? 0 : /^[A-Za-z]+[\s-]+/.exec(m[0])![0].length;
      const tags = [`lead/${lead}`, ...(m[2] ? [MOD(m[2])] : [])];
      if (m[4]) return components(context, { year }, ["kind/decade", `decade/${Math.floor(year / 10)}`, ...tags]);
      return components(context, { year }, ["kind/year", ...tags]);
    },
  },
  {
    // the year-earlier quarter, year-ago sales: the same period a year before the article
    name: "year-earlier",
    pattern: () => YEAR_AGO_ADJ,
    extract: (context) => components(context, {}, ["kind/relative", "unit/year", "offset/-1", "from/previous-or-article"]),
  },
  {
    // in six years, in 18 months, in a week's time: a point ahead when the verb is future;
    // "the first drop in six years" is a span and is left without a date
    name: "in-units",
    pattern: () => IN_UNITS,
    extract: (context, m) => {
      // "ten people in a day", "twice in a year": a rate. "in a year's time" is a point.
      if (/^an?$/i.test(m[1]!) && !m[3]) return null;
      return components(context, {}, ["kind/in-units", `unit/${m[2]!.toLowerCase()}`, `offset/${countOf(m[1]!)}`]);
    },
  },
  {
    // March of next year, September last year, January of this year
    name: "month-of-year",
    pattern: () => MONTH_OF_YEAR,
    extract: (context, m) => {
      const w = m[4]!.toLowerCase();
      const offset = /last|previous/.test(w) ? -1 : /next|following/.test(w) ? 1 : 0;
      const d = Number(m[1] ?? m[3] ?? 0);
      const values: Record<string, number> = { month: monthNumber(m[2]!) };
      if (d >= 1 && d <= 31) values.day = d;
      return components(context, values, ["kind/month-of-year", `offset/${offset}`]);
    },
  },
  {
    // the fiscal year, this fiscal year, last financial year
    name: "fiscal-year",
    pattern: () => FISCAL_YEAR,
    extract: (context, m) => {
      const w = m[1]!.toLowerCase();
      const offset = /last|previous|past/.test(w) ? "-1" : /next|coming/.test(w) ? "1" : /this|current/.test(w) ? "0" : "tense";
      return components(context, {}, ["kind/fiscal-year", `offset/${offset}`]);
    },
  },
  {
    // the third quarter, the first quarter of 2004, this quarter, next quarter
    name: "quarter",
    pattern: () => QUARTER,
    extract: (context, m) => {
      const w = m[1]!.toLowerCase();
      const ordinal = ["first", "second", "third", "fourth"].indexOf(w) + 1 || ["1st", "2nd", "3rd", "4th"].indexOf(w) + 1 || (w === "final" ? 4 : 0);
      if (!ordinal && (m[2] || m[3] || /^(last|latest)$/.test(w))) return null; // "the last quarter of 2004" is Q4, "the latest quarter" unknown: let other parsers try
      const values: Record<string, number> = m[2] ? { year: Number(m[2]) } : {};
      const tags = [
        "kind/quarter",
        ordinal ? `quarter/${ordinal}` : `offset/${/next/.test(w) ? 1 : /previous|past|last/.test(w) ? -1 : 0}`,
        ...yearOffset(m[3]),
      ];
      return components(context, values, tags);
    },
  },
  {
    // Q3 2004, Q3 of 2004, a bare Q3
    name: "q-quarter",
    pattern: () => Q_QUARTER,
    extract: (context, m) => components(context, m[2] ? { year: Number(m[2]) } : {}, ["kind/quarter", `quarter/${m[1]}`]),
  },
  {
    // year-end, by year end, last year-end
    name: "year-end",
    pattern: () => YEAR_END,
    extract: (context, m) => components(context, {}, ["kind/year-end", ...(m[1] ? [MOD(m[1])] : [])]),
  },
  {
    // the full year, full-year profit: the year the article is in, or the one just ended
    name: "full-year",
    pattern: () => FULL_YEAR,
    extract: (context) => components(context, {}, ["kind/full-year"]),
  },
  {
    // in nineteen ninety-eight, since two thousand and three
    name: "spelled-year",
    pattern: () => SPELLED_YEAR,
    extract: (context, m) => {
      const year = spelledValue(m);
      if (year === null) return null;
      // "a block of two thousand flats": a bare "two thousand" before a noun counts the noun.
      if (/thousand$/i.test(m[0]) && COUNTED_NOUN_AFTER.test(context.text.slice((m.index ?? 0) + m[0].length))) return null;
      return components(context, { year }, ["kind/year", `lead/${/^[A-Za-z]+[\s-]+/.exec(m[0])![0].length}`]);
    },
  },
  {
    // the weekend, over the weekend, this weekend
    name: "weekend",
    pattern: () => WEEKEND,
    extract: (context, m) => {
      const w = m[1]!.toLowerCase();
      // "the weekend edition", "a weekend shift": a kind of thing.
      if (NOUN_AFTER_TIME.test(context.text.slice((m.index ?? 0) + m[0].length))) return null;
      const offset = w === "last" || /past/.test(w) ? -1 : w === "next" ? 1 : 0;
      return components(context, {}, ["kind/relative", "unit/weekend", `offset/${offset}`, ...(w === "the" || w === "that" ? ["mod/tense"] : [])]);
    },
  },
  {
    // in the coming days, in recent weeks, in the past few months: real time words, but no fixed date
    name: "vague-span",
    pattern: () => VAGUE_SPAN,
    extract: (context) => components(context, {}, ["kind/vague"]),
  },
  {
    // (by) the end of the year / of this month / of next week
    name: "end-of-period",
    pattern: () => END_OF_PERIOD,
    extract: (context, m) => {
      const which = /next/i.test(m[0]!) ? 1 : /last/i.test(m[0]!) ? -1 : 0;
      return components(context, {}, ["kind/relative", `unit/${m[2]!.toLowerCase()}`, `offset/${which}`, MOD(m[1]!)]);
    },
  },
  {
    // the 19th century, the late eighteenth century, the 16th and 17th centuries
    name: "century",
    pattern: () => CENTURY,
    extract: (context, m) => {
      const rest = context.text.slice((m.index ?? 0) + m[0].length);
      // "a 19th-century chapel", "an 18th century desk": the era of a thing, not the time of an event.
      if (!m[6] && (/-/.test(m[5]!) || !m[1]) && COUNTED_NOUN_AFTER.test(rest)) return null;
      // "the second century of the republic": counted from something else, not the calendar.
      if (!m[6] && /^\s+of\b/i.test(rest)) return null;
      // A century before the era has no ISO value here: a time, but no date.
      if (m[6] && /^b/i.test(m[6])) return components(context, {}, ["kind/vague"]);
      const a = ordinalValue(m[3]!);
      const b = m[4] ? ordinalValue(m[4]) : a;
      if (a < 1 || b < a || b > 21) return null;
      return components(context, {}, ["kind/century", `century/${a - 1}`, ...(b > a ? [`until/${b - 1}`] : []), ...(m[2] ? [MOD(m[2])] : [])]);
    },
  },
  {
    // this century, earlier this decade, last century, by the end of the decade
    name: "relative-long",
    pattern: () => RELATIVE_LONG,
    extract: (context, m) => {
      const unit = (m[3] ?? m[6])!.toLowerCase();
      const which = (m[2] ?? m[5])!.toLowerCase();
      // "the turn of the century" may be either turn; "over the last century", "the next
      // decade" are as often a stretch of years back or ahead as the calendar one: no date.
      const before = context.text.slice(0, m.index ?? 0);
      if (/^turn$/i.test(m[4] ?? "") || (m[2] && /\bthe\s+$/i.test(before))) return components(context, {}, ["kind/vague"]);
      const offset = which === "last" ? -1 : which === "next" ? 1 : 0;
      // "by the end of the decade" is the article's own decade only when the verb looks ahead.
      return components(context, {}, ["kind/long", `unit/${unit}`, `offset/${offset}`, ...(which === "the" ? ["mod/tense"] : [])]);
    },
  },
  {
    // the 1980s-90s, 1970s–1980s: one span over two decades
    name: "decade-span",
    pattern: () => DECADE_SPAN,
    extract: (context, m) => {
      const a = Number(m[3]);
      let b = m[4]!.length === 1 ? Math.floor(a / 10) * 10 + Number(m[4]) : Number(m[4]);
      if (m[4]!.length === 1 && b <= a) b += 10;
      if (b <= a) return null;
      const lead = m[1] ? [`lead/${/^[A-Za-z]+\s+/.exec(m[0])![0].length}`] : [];
      return components(context, { year: a * 10 }, ["kind/decade", `decade/${a}`, `until/${b}`, ...(m[2] ? [MOD(m[2])] : []), ...lead]);
    },
  },
  {
    // the nineties, the early seventies, the mid-Sixties
    name: "spelled-decade",
    pattern: () => SPELLED_DECADE,
    extract: (context, m) => {
      if (MEASURE_WORDS.test(context.text)) return null;
      const ref = context.refDate.getFullYear();
      let year = Math.floor(ref / 100) * 100 + (DECADE_WORDS.indexOf(m[2]!.toLowerCase()) + 2) * 10;
      if (year > ref) year -= 100;
      // Which century's is the article's date's to say: undated, it is not fixed.
      return components(context, { year }, ["kind/decade", `decade/${year / 10}`, "needs/anchor", ...(m[1] ? [MOD(m[1])] : [])]);
    },
  },
  {
    // later in the month, earlier in the year, late in the week
    name: "in-the-period",
    pattern: () => IN_THE_PERIOD,
    extract: (context, m) => components(context, {}, ["kind/relative", `unit/${m[2]!.toLowerCase()}`, "offset/0", MOD(m[1]!), "from/passage-or-article"]),
  },
  {
    // on the 20th, on the 3rd, when
    name: "ordinal-day",
    pattern: () => ORDINAL_DAY,
    extract: (context, m) => {
      const d = Number(m[1]);
      if (d < 1 || d > 31) return null;
      return components(context, {}, ["kind/month-day", `day/${d}`, "lead/3"]);
    },
  },
  {
    // the first eight months of the year, the last two months of 2004
    name: "months-of-year",
    pattern: () => MONTHS_OF_YEAR,
    extract: (context, m) => {
      if (m[2]) return components(context, { year: Number(m[2]) }, ["kind/year"]);
      // "of the year": the year of the date before it in the sentence, else the article's.
      const w = m[1]!.toLowerCase();
      const from = w === "the" ? ["from/previous-or-article"] : [];
      return components(context, {}, ["kind/relative", "unit/year", `offset/${w === "last" ? -1 : w === "next" ? 1 : 0}`, ...from]);
    },
  },
  {
    // FY06, FY '06: fiscal years in two digits are this century's unless past the middle
    name: "fiscal-short-year",
    pattern: () => FY_SHORT,
    extract: (context, m) => {
      const n = Number(m[1]);
      return components(context, { year: n <= 50 ? 2000 + n : 1900 + n }, ["kind/year"]);
    },
  },
  {
    // Thanksgiving (Day), Election Day, last Christmas, Christmas 2004 (before the year parser:
    // on an equal span, the first parser's result is kept)
    name: "holiday",
    pattern: () => HOLIDAY,
    extract: (context, m) => {
      const key = m[2]!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
      const name = Object.keys(holidays.holidays).find((h) => h.replace(/'/g, "") === key.replace(/'/g, "")) ?? key;
      return components(context, m[3] ? { year: Number(m[3]) } : {}, ["kind/holiday", `holiday/${name}`, ...(m[1] ? [MOD(m[1])] : [])]);
    },
  },
  {
    // 1995, in 2020, post-1959, mid-1990s, the 1990s, fiscal 2019, FY2019
    // The word before is captured (and trimmed later): chrono drops results that are only digits.
    name: "year",
    pattern: () => YEAR,
    extract: (context, m) => {
      const year = Number(m[4]);
      // Flight 1549, Room 1812, No. 1999, a model 2000: numbers that name things.
      // (The word is read from the text: chrono tries again one character on, "odel 2000".)
      const digits = (m.index ?? 0) + m[0].search(/\d/);
      const word = /([A-Za-z]+)\.?\s+$/.exec(context.text.slice(0, digits))?.[1];
      if (word && (NUMBER_NAMES.test(word) || /^(?:No|Nos|Nr)$/i.test(word))) return null;
      const lead = m[1] ? [`lead/${m[1].length + (m[0].length - m[0].replace(/^[A-Za-z]+\s+/, "").length - m[1].length)}`] : [];
      // "the 1800s" is a century, "the 1990s" (and "the 2000s", as news uses it) a decade.
      if (m[5] && year % 100 === 0 && year < 2000) return components(context, { year }, ["kind/century", `century/${year / 100}`, ...lead]);
      if (m[5]) return components(context, { year }, ["kind/decade", `decade/${Math.floor(year / 10)}`, ...lead]);
      // 1998-2001, 2003-04, 2005/06: the years from one to the other (a season, a fiscal year).
      const end = m[6] ? (m[6].length === 2 ? yearAfter(year, Number(m[6])) : Number(m[6])) : 0;
      const until = end > year ? [`until/${end}`] : [];
      if (m[6] && !until.length) return null;
      return components(context, { year }, ["kind/year", ...(m[2] ? [MOD(m[2])] : []), ...lead, ...until]);
    },
  },
  {
    // last summer, in the spring of 2019, winter 2018
    name: "season",
    pattern: () => SEASON,
    extract: (context, m) => {
      // "this past summer" is last summer
      const mod = /past$/i.test(m[1]!) ? "last" : m[1]!.toLowerCase();
      // "the summer of '69": a two-digit year, in the century that puts it at most a few years ahead.
      if (m[4]) m[3] = String(2000 + Number(m[4]) <= context.refDate.getFullYear() + 5 ? 2000 + Number(m[4]) : 1900 + Number(m[4]));
      // "the summer camp", "the winter Olympics": a kind of thing, not a season's dates.
      if (!m[3] && NOUN_AFTER_TIME.test(context.text.slice((m.index ?? 0) + m[0].length))) return null;
      // "the fall of the regime", "the fall in prices": the noun, not the season. "The fall" is
      // a season after a word that places it in time ("in the fall", "by the fall") or with a year.
      if (/^fall$/i.test(m[2]!) && !m[3]) {
        const rest = context.text.slice((m.index ?? 0) + m[0].length);
        if (/^\s+of\b/i.test(rest)) return null;
        const before = context.text.slice(0, m.index ?? 0);
        if (
          mod === "the" &&
          !/\b(?:in|during|by|until|till|since|over|through|throughout|before|into|for|this|that|until|from|early|late|mid)\s+$/i.test(before)
        )
          return null;
      }
      const values: Record<string, number> = {};
      if (m[3]) values.year = Number(m[3]);
      const tags = ["kind/season", `season/${m[2]!.toLowerCase().replace("autumn", "fall")}`];
      if (/^(last|next|this|early|late|mid)$/.test(mod)) tags.push(MOD(mod));
      // "in the spring": the preposition is not part of the expression ("since", "by" are).
      if (/^(in|during|over)$/.test(mod)) tags.push(`lead/${/^[A-Za-z]+[\s-]+/.exec(m[0])![0].length}`);
      return components(context, values, tags);
    },
  },
];

export const newsChrono = chrono.casual.clone();
// chrono's parsers for what our own parsers read with their modifiers ("two days ago", "next
// week", "within a month") or for what is not a date (a time of day alone) only cost time.
// By class name: test/time-parsers.test.ts checks that chrono still has each, so an upgrade that
// renames one fails a test instead of silently keeping it.
export const REPLACED_PARSERS: ReadonlySet<string> = new Set([
  "ENTimeUnitAgoFormatParser",
  "ENTimeUnitLaterFormatParser",
  "ENTimeUnitWithinFormatParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "ENRelativeDateFormatParser",
  "ENTimeExpressionParser",
]);
newsChrono.parsers = newsChrono.parsers.filter((p) => !REPLACED_PARSERS.has(p.constructor.name));
// Date ranges are not merged: a dateline's date and the "On Friday" after its dash are two
// expressions, and a "when" answer needs each on its own.
export const REPLACED_REFINERS: ReadonlySet<string> = new Set(["ENMergeDateRangeRefiner"]);
newsChrono.refiners = newsChrono.refiners.filter((r) => !REPLACED_REFINERS.has(r.constructor.name));
// Ours first, so that on equal spans ("last week") the tagged result wins the overlap.
newsChrono.parsers.unshift(...PARSERS);
newsChrono.refiners.push(...REFINERS);

/** Weekday and month names for the resolver. */
export { MONTHS, WEEKDAYS };
export const HOLIDAYS = holidays.holidays as Record<string, { month?: number; day?: number; weekday?: number; n?: number; rule?: string; easter?: number }>;
