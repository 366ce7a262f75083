// Time expressions with their ISO value at the precision the text gives, resolved against the
// document date and the sentence's tense. With no document date, anything relative stays null.
// Per-function imports: the date-fns index loads every function (~100 ms at start-up).
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { addYears } from "date-fns/addYears";
import { format } from "date-fns/format";
import { getDay } from "date-fns/getDay";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import type { Span } from "../text/sentences.js";
import { HOLIDAYS, newsChrono } from "./time-parsers.js";
import { readTense, type Tense, type TenseReading } from "./tense.js";

export interface TimeDraft {
  text: string;
  start: number;
  end: number;
  value: string | null;
  unresolved?: "undated" | "vague";
}

type Result = ReturnType<typeof newsChrono.parse>[number];

// Only sentences with a word that can be part of a date are handed to chrono (most are not):
// month and weekday names, relative words, holidays, seasons, and numbers shaped like years or dates.
const MAYBE_TIME =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\b|\b(?:today|tonight|tomorrow|yesterday|days?|weeks?|months?|years?|ago|weekend|spring|summer|autumn|winter|fall|christmas|easter|thanksgiving|halloween|new year|election day|independence day|labor day|memorial day|veterans day|fourth of july|valentine|decades?|fiscal|fy|fy\s?['’]?\d\d(?:\d\d)?|centur(?:y|ies)|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?:this|last)\s+(?:morning|afternoon|evening|night)|quarter|q[1-4]|half|previous|preceding|following|year-end|now|eighteen|nineteen|twenty|thousand)\b|\b(?:1[5-9]|20)\d\d(?!\d)|\b\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|['’‘]\d\d(?:s\b|(?!\w))/i;

const COORDINATED = /^\s*(?:and|to|through|until|till|-|–|—)\s*$/i;

const RELATIVE_ASIDE = /\b(?:which|who|whose|where)\b|[()]/i;

// `PLACE, date -` or `PLACE, date (Agency) —` opening a paragraph.
// Or the date alone with the agency: `June 15 (Wire) —`.
const DATELINE_RE =
  /^\s*(?:\p{Lu}{2,}[\p{Lu} .'’-]*,[^\n–—]{3,40}?(?:\s*\([^)\n]{1,30}\))?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*\([^)\n]{1,30}\))\s(?:-{1,2}|[–—])\s/u;

/** What one passage leaves to the next: the story's last resolved date. */
export interface StoryState {
  story: string | null;
}

export function extractTimes(text: string, sentences: Span[], docDate: string | null, state: StoryState = { story: null }): TimeDraft[] {
  const anchor = docDate && /^\d{4}-\d{2}-\d{2}$/.test(docDate) ? parseIso(docDate) : null;
  const ref = anchor ?? new Date(2000, 0, 1, 12);
  const out: TimeDraft[] = [];
  // The story's last resolved date, in this passage and over the document's passages before it.
  let story = state.story;
  let passage: string | null = null;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    if (!MAYBE_TIME.test(sentence)) continue;
    let results: Result[];
    try {
      results = newsChrono.parse(sentence, ref);
    } catch {
      continue; // a parser failure on odd text loses that sentence's dates, nothing else
    }
    let previous: string | null = null; // the last resolved value before, for "two days later"
    let previousAt = -1; // where it starts in the sentence
    let previousEnd = -1; // and where it ends
    const headline = !/[.!?]["'”’)]*\s*$/.test(sentence);
    // A dateline ("LISBON, 30 January 2020 - …") dates the article, not an event of the story.
    const dateline = s.start === sentences[0]?.start ? (DATELINE_RE.exec(sentence)?.[0].length ?? 0) : 0;
    for (const r of results.sort((a, b) => a.index - b.index)) {
      const t = r.text.trim();
      if (!t || r.index < dateline) continue;
      const at = r.index + (r.text.length - r.text.trimStart().length);
      const reading = readTense(sentence, at, at + t.length);
      // A headline's present tells news just past ("Port opens new quay in May"), not a schedule.
      if (headline) delete reading.schedule;
      // A year told in a relative clause ("the pit, which opened in 1962, shut in March") sets
      // no story year for the month after it.
      const aside = previousAt >= 0 && RELATIVE_ASIDE.test(sentence.slice(Math.max(0, sentence.lastIndexOf(",", previousAt)), at));
      // "between Jan. 5 and Jan. 9", "from Dec. 28 to Jan. 3": the second date of a pair is on or after the first.
      const paired = previous && COORDINATED.test(sentence.slice(previousEnd, at)) ? previous : null;
      const resolved = resolve(r, anchor, reading, previous, passage, story, aside ? null : previous, paired);
      if (resolved.value) {
        previous = passage = story = resolved.value;
        previousAt = at;
        previousEnd = at + t.length;
      }
      const d: TimeDraft = { text: t, start: s.start + at, end: s.start + at + t.length, value: resolved.value };
      if (resolved.unresolved) d.unresolved = resolved.unresolved;
      out.push(d);
    }
  }
  state.story = story;
  return out;
}

interface Resolved {
  value: string | null;
  unresolved?: "undated" | "vague";
}

const undated: Resolved = { value: null, unresolved: "undated" };
const vague: Resolved = { value: null, unresolved: "vague" };

function parseIso(s: string): Date {
  const [y, m, d] = s.split("-").map(Number);
  return new Date(y!, m! - 1, d!, 12);
}
const day = (d: Date): string => format(d, "yyyy-MM-dd");
const month = (d: Date): string => format(d, "yyyy-MM");
const year = (d: Date): string => format(d, "yyyy");
const interval = (a: Date, b: Date): string => `${day(a)}/${day(b)}`;

function tagValue(tags: Set<string>, prefix: string): string | null {
  for (const t of tags) if (t.startsWith(prefix)) return t.slice(prefix.length);
  return null;
}

export function resolve(
  r: Result,
  anchor: Date | null,
  read: TenseReading,
  previous: string | null = null,
  passage: string | null = previous,
  story: string | null = passage,
  yearFrom: string | null = previous,
  paired: string | null = null,
): Resolved {
  // "The fair opens in May", said in June: a schedule in the present is the next May.
  const reading: TenseReading = read.schedule && !read.modifier ? { tense: "future", clear: true } : read;
  const tense = reading.tense;
  const tags = r.tags();
  const c = r.start;
  const mod = tagValue(tags, "mod/");
  const kind = [...tags].find((t) => t.startsWith("kind/") && t !== "kind/vague")?.slice(5) ?? null;
  if (tags.has("kind/vague")) return vague;
  if (tags.has("needs/anchor") && !anchor) return undated;
  const from = tagValue(tags, "from/");
  if (from) {
    // Counted from the date before it in the sentence, else: "the next day" from the story's
    // last date (in this paragraph or an earlier one), "three days later" from one in this
    // paragraph only (further away it is as often a hypothetical), "a year earlier" from the
    // article.
    const unit = tagValue(tags, "unit/")!;
    const offset = Number(tagValue(tags, "offset/"));
    const last = previous ?? (from === "story" ? story : from === "previous" || from === "passage-or-article" ? passage : null);
    const base = last ? fromIso(last) : null;
    if (base) return relative(unit, offset, null, base.date, tense, base.precision);
    if (from !== "previous-or-article" && from !== "passage-or-article") return vague;
    return anchor ? relative(unit, offset, null, anchor, tense) : undated;
  }
  switch (kind) {
    case "in-units": {
      // A point ahead only when the verb looks ahead; otherwise a span ("the first rise in six years").
      // A present headline verb is no plan: "shares close at their lowest in six years".
      if (tense !== "future" || read.schedule) return vague;
      if (!anchor) return undated;
      const unit = tagValue(tags, "unit/")!;
      const n = Number(tagValue(tags, "offset/"));
      return unit === "week" ? { value: day(addWeeks(anchor, n)) } : relative(unit, n, null, anchor, tense);
    }
    case "fiscal-year": {
      // Fiscal years start in different months: only the article's own year is fixed by the text
      // (as the year the current fiscal year is named after is not), so the value is the calendar
      // year it is counted from, and "the fiscal year" in a past sentence stays open.
      const o = tagValue(tags, "offset/")!;
      if (!anchor) return undated;
      if (o === "tense") return tense === "past" ? vague : { value: year(anchor) };
      return { value: year(addYears(anchor, Number(o))) };
    }
    case "month-day":
      return monthDay(Number(tagValue(tags, "day/")), previous ?? passage, anchor, tense);
    case "month-of-year": {
      if (!anchor) return undated;
      const y = anchor.getFullYear() + Number(tagValue(tags, "offset/"));
      const ym = `${y}-${String(c.get("month")).padStart(2, "0")}`;
      return { value: c.isCertain("day") ? `${ym}-${String(c.get("day")).padStart(2, "0")}` : ym };
    }
    case "quarter":
    case "half": {
      // "the first quarter of next year": the year from the article's; without one, not fixed.
      const off = tagValue(tags, "yearoffset/");
      if (off !== null && !anchor) return undated;
      const y = off !== null ? anchor!.getFullYear() + Number(off) : c.isCertain("year") && !tags.has("placeholder/year") ? c.get("year") : null;
      return kind === "quarter" ? quarter(tags, y, anchor, tense) : half(Number(tagValue(tags, "half/")), y, anchor, tense);
    }
    case "year-end": {
      if (!anchor) return undated;
      if (mod === "last" || mod === "next" || mod === "this") return { value: year(addYears(anchor, mod === "last" ? -1 : mod === "next" ? 1 : 0)) };
      return { value: String(nearestDate((y) => new Date(y, 11, 31, 12), anchor, reading).getFullYear()) };
    }
    case "full-year":
      if (!anchor) return undated;
      // In the first two months a past verb reports the year just ended (annual results).
      return { value: year(tense === "past" && anchor.getMonth() <= 1 ? addYears(anchor, -1) : anchor) };
  }
  switch (kind) {
    case "year": {
      const y = String(c.get("year")).padStart(4, "0");
      const until = tagValue(tags, "until/");
      return { value: until ? `${y}/${until}` : y };
    }
    case "decade":
    case "century": {
      // TimeML's values: 199 for the 1990s, 18 for the 19th century; "198/199" for a span of two.
      const v = tagValue(tags, `${kind}/`)!.padStart(kind === "century" ? 2 : 3, "0");
      const until = tagValue(tags, "until/");
      return { value: until ? `${v}/${until.padStart(v.length, "0")}` : v };
    }
    case "long":
      return long(tagValue(tags, "unit/")!, Number(tagValue(tags, "offset/")), mod, anchor, tense);
    case "month":
      return monthValue(
        c.get("month")!,
        c.isCertain("year") ? c.get("year") : (pairYear(c.get("month")!, mod, paired) ?? yearOfStory(c.get("month")!, mod, yearFrom, anchor, tense)),
        mod,
        anchor,
        reading.modifier ? "unknown" : tense,
      );
    case "weekday":
      return anchor ? { value: day(weekdayDate(c.get("weekday")!, mod, anchor, tense)) } : undated;
    case "relative":
      return anchor ? relative(tagValue(tags, "unit/")!, Number(tagValue(tags, "offset/")), mod, anchor, tense) : undated;
    case "holiday":
      // "Christmas 2005": that year's; otherwise by the article's date and the tense.
      if (c.isCertain("year") && !tags.has("placeholder/year")) return { value: day(holidayIn(tagValue(tags, "holiday/")!, c.get("year")!)) };
      return anchor ? { value: day(holidayDate(tagValue(tags, "holiday/")!, mod, anchor, reading)) } : undated;
    case "season":
      return season(tagValue(tags, "season/")!, c.isCertain("year") && !tags.has("placeholder/year") ? c.get("year") : null, mod, anchor, reading);
  }
  // chrono's own results.
  const text = r.text.toLowerCase();
  if (/\b(today|tonight|now|this (morning|afternoon|evening))\b/.test(text)) return anchor ? { value: day(anchor) } : undated;
  if (/\b(yesterday|last night)\b/.test(text)) return anchor ? { value: day(addDays(anchor, -1)) } : undated;
  if (/\btomorrow\b/.test(text)) return anchor ? { value: day(addDays(anchor, 1)) } : undated;
  const m = c.isCertain("month") ? c.get("month") : null;
  const y = c.isCertain("year") ? c.get("year") : m !== null ? (pairYear(m, null, paired) ?? yearOfStory(m, null, yearFrom, anchor, tense)) : null;
  const d = c.isCertain("day") ? c.get("day") : null;
  if (y !== null && m !== null && d !== null) return { value: withEnd(r, new Date(y, m - 1, d, 12)) };
  if (y !== null && m !== null) return { value: `${y}-${String(m).padStart(2, "0")}` };
  if (m !== null && d !== null && anchor && c.isCertain("weekday")) {
    // "Monday, Oct. 26": the year in which that day is that weekday, nearest the article.
    const wd = c.get("weekday");
    const fits = [0, -1, 1].map((k) => anchor.getFullYear() + k).find((yy) => getDay(new Date(yy, m - 1, d, 12)) === wd);
    if (fits !== undefined) return { value: day(new Date(fits, m - 1, d, 12)) };
  }
  if (m !== null && d !== null) {
    if (!anchor) return undated;
    // With no clear tense of its own ("… on March 3 and the count on March 9"), a day near the
    // date before it in the sentence is in that date's year, or the one next to it nearest to it.
    const near = !reading.clear && yearFrom ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(yearFrom) : null;
    if (near) {
      const base = new Date(Number(near[1]), Number(near[2]) - 1, Number(near[3]), 12);
      const best = [-1, 0, 1]
        .map((k) => new Date(base.getFullYear() + k, m - 1, d, 12))
        .sort((a, b) => Math.abs(a.getTime() - base.getTime()) - Math.abs(b.getTime() - base.getTime()))[0]!;
      return { value: withEnd(r, best) };
    }
    return {
      value: withEnd(
        r,
        nearestDate((yy) => new Date(yy, m - 1, d, 12), anchor, reading),
      ),
    };
  }
  if (m !== null) return monthValue(m, null, null, anchor, reading.modifier ? "unknown" : tense);
  if (y !== null) return { value: String(y) };
  if (c.isCertain("weekday")) return anchor ? { value: day(weekdayDate(c.get("weekday")!, null, anchor, tense)) } : undated;
  if (tags.has("result/relativeDate")) return anchor ? { value: day(c.date()) } : undated;
  return vague;
}

/**
 * A month with no year after a date of another year in the same sentence belongs to that story
 * year ("opened in June 2004 and closed in July"), or the next one when it comes before the
 * date's month ("from December 2003 to March"). Only when the verb agrees (past for an earlier
 * year, ahead for a later one: "since 2008 … will list in March" is not 2008); null when the
 * sentence is set in the article's year, or the month has a modifier of its own.
 */
function yearOfStory(m: number, mod: string | null, previous: string | null, anchor: Date | null, tense: Tense): number | null {
  if (mod || !previous || !anchor) return null;
  const p = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/.exec(previous);
  if (!p) return null;
  const py = Number(p[1]);
  const ay = anchor.getFullYear();
  if (!((py < ay && tense === "past") || (py > ay && (tense === "future" || tense === "present")))) return null;
  return Number(p[1]) + (p[2] && m < Number(p[2]) ? 1 : 0);
}

/** The second of a pair of dates ("from May 2006 to March"): the first one's year, or the next when its month comes earlier. */
function pairYear(m: number, mod: string | null, first: string | null): number | null {
  const p = !mod && first ? /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(first) : null;
  return p ? Number(p[1]) + (m < Number(p[2]) ? 1 : 0) : null;
}

/** "March 4 to 6": the days from the first to the last, in the first one's year. */
function withEnd(r: Result, start: Date): string {
  const e = r.end;
  if (!e || !e.isCertain("day")) return day(start);
  const end = new Date(start.getFullYear(), (e.isCertain("month") ? e.get("month")! : start.getMonth() + 1) - 1, e.get("day")!, 12);
  return end > start && end.getTime() - start.getTime() < 366 * 864e5 ? interval(start, end) : day(start);
}

/** A month with no year: by modifier (last/next/this), else by tense, else the nearest. */
function monthValue(m: number, y: number | null, mod: string | null, anchor: Date | null, tense: Tense): Resolved {
  if (y !== null) return { value: `${y}-${String(m).padStart(2, "0")}` };
  if (!anchor) return undated;
  const ay = anchor.getFullYear();
  const am = anchor.getMonth() + 1;
  let yy: number;
  if (mod === "last") yy = m < am ? ay : ay - 1;
  else if (mod === "next") yy = m > am ? ay : ay + 1;
  else if (mod === "this") yy = ay;
  else if (tense === "future") yy = m >= am ? ay : ay + 1;
  else if (tense === "past") yy = m <= am ? ay : ay - 1;
  else yy = Math.abs(m - am) <= 6 ? ay : m > am ? ay - 1 : ay + 1;
  return { value: `${yy}-${String(m).padStart(2, "0")}` };
}

/**
 * "on the 20th": that day of the month the passage last named, else of the article's month, or
 * the month before for a past verb (a day still ahead), the month after for a future one.
 */
function monthDay(d: number, last: string | null, anchor: Date | null, tense: Tense): Resolved {
  const named = last ? /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(last) : null;
  let first: Date;
  if (named) first = new Date(Number(named[1]), Number(named[2]) - 1, 1, 12);
  else if (anchor) {
    const shift = tense === "past" && d > anchor.getDate() ? -1 : tense === "future" && d < anchor.getDate() ? 1 : 0;
    first = addMonths(new Date(anchor.getFullYear(), anchor.getMonth(), 1, 12), shift);
  } else return undated;
  const date = new Date(first.getFullYear(), first.getMonth(), d, 12);
  return date.getMonth() === first.getMonth() ? { value: day(date) } : vague;
}

/** This decade, last century: the article's decade or century, or the one before or after it. */
function long(unit: string, offset: number, mod: string | null, anchor: Date | null, tense: Tense): Resolved {
  if (!anchor) return undated;
  // "by the end of the decade" in a past sentence is a story's decade, not the article's.
  if (mod === "tense" && tense === "past") return vague;
  const v = Math.floor(anchor.getFullYear() / (unit === "century" ? 100 : 10)) + offset;
  return { value: String(v).padStart(unit === "century" ? 2 : 3, "0") };
}

/** Halves as TimeML writes them (2005-H1); a bare one by tense, like a bare quarter. */
function half(h: number, y: number | null, anchor: Date | null, tense: Tense): Resolved {
  if (y !== null) return { value: `${y}-H${h}` };
  if (!anchor) return undated;
  const ay = anchor.getFullYear();
  const ah = anchor.getMonth() < 6 ? 1 : 2;
  const yy = tense === "future" ? (h >= ah ? ay : ay + 1) : tense === "past" ? (h <= ah ? ay : ay - 1) : ay;
  return { value: `${yy}-H${h}` };
}

type Precision = "day" | "month" | "year";

/** An ISO value at day, month or year precision back to a date, for counting from it. */
function fromIso(v: string): { date: Date; precision: Precision } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const precision: Precision = m[3] ? "day" : m[2] ? "month" : "year";
  return { date: new Date(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12), precision };
}

/** Quarters as TimeML writes them (2004-Q3); a bare ordinal by tense, like a bare month. */
function quarter(tags: Set<string>, y: number | null, anchor: Date | null, tense: Tense): Resolved {
  const q = Number(tagValue(tags, "quarter/") ?? 0);
  const fmt = (yy: number, qq: number): string => `${yy}-Q${qq}`;
  if (q && y !== null) return { value: fmt(y, q) };
  if (!anchor) return undated;
  const ay = anchor.getFullYear();
  const aq = Math.floor(anchor.getMonth() / 3) + 1;
  if (!q) {
    const n = ay * 4 + aq - 1 + Number(tagValue(tags, "offset/") ?? 0);
    return { value: fmt(Math.floor(n / 4), (n % 4) + 1) };
  }
  if (tense === "future") return { value: fmt(q >= aq ? ay : ay + 1, q) };
  if (tense === "past") return { value: fmt(q <= aq ? ay : ay - 1, q) };
  return { value: fmt(Math.abs(q - aq) <= 2 ? ay : q > aq ? ay - 1 : ay + 1, q) };
}

function weekdayDate(wd: number, mod: string | null, anchor: Date, tense: Tense): Date {
  const today = getDay(anchor);
  const back = (today - wd + 7) % 7; // days since the last such weekday (0 = today)
  const fwd = (wd - today + 7) % 7 || 7; // days until the next one (never today)
  if (mod === "last" || mod === "past") return addDays(anchor, -(back || 7));
  if (mod === "next" || mod === "coming") return addDays(anchor, fwd);
  if (mod === "this") return addDays(startOfISOWeek(anchor), (wd + 6) % 7);
  // A bare weekday that is the article's own weekday is that day, whatever the tense.
  if (back === 0) return anchor;
  return tense === "future" || tense === "present" ? addDays(anchor, fwd) : addDays(anchor, -back);
}

/** A date that repeats yearly: the one within ~5 months of the article, else by tense. */
function nearestDate(inYear: (y: number) => Date, anchor: Date, { tense, clear }: TenseReading, mod: string | null = null): Date {
  const y = anchor.getFullYear();
  const candidates = [inYear(y - 1), inYear(y), inYear(y + 1)];
  const past = candidates.filter((d) => d <= anchor).pop()!;
  const future = candidates.find((d) => d > anchor)!;
  if (mod === "last") return past.getTime() === anchor.getTime() ? inYear(past.getFullYear() - 1) : past;
  if (mod === "next") return future;
  if (mod === "this") return inYear(y);
  // A clear tense decides; the nearest one when the verb does not say, or says it only from
  // another clause and the date is near.
  const dp = (anchor.getTime() - past.getTime()) / 864e5;
  const df = (future.getTime() - anchor.getTime()) / 864e5;
  if (!clear && Math.min(dp, df) <= 150) return dp <= df ? past : future;
  if (tense === "past") return past;
  if (tense === "future") return future;
  return dp <= df ? past : future;
}

function relative(unit: string, offset: number, mod: string | null, anchor: Date, tense: Tense, precision: Precision = "day"): Resolved {
  // Counted from a month or a year, the result has that precision (not a made-up day).
  if (precision === "year" && unit !== "year") return vague;
  if (precision === "month" && (unit === "day" || unit === "week")) return vague;
  switch (unit) {
    case "day":
      return { value: day(addDays(anchor, offset)) };
    case "week": {
      const monday = startOfISOWeek(addWeeks(anchor, offset));
      return { value: interval(monday, addDays(monday, 6)) };
    }
    case "month":
      return { value: month(addMonths(anchor, offset)) };
    case "year":
      return { value: year(addYears(anchor, offset)) };
    case "weekend": {
      const dir = offset !== 0 ? offset : mod === "tense" && tense === "future" ? 1 : mod === "tense" ? -1 : 0;
      const sat = weekdayDate(6, null, anchor, dir > 0 ? "future" : "past");
      const base = dir === 0 && getDay(anchor) >= 1 && getDay(anchor) <= 5 ? weekdayDate(6, null, anchor, "future") : sat;
      const start = offset === -1 && getDay(anchor) === 0 ? addDays(base, -7) : base;
      return { value: interval(start, addDays(start, 1)) };
    }
  }
  return vague;
}

/** A named day in a given year. */
function holidayIn(name: string, y: number): Date {
  const h = HOLIDAYS[name];
  if (!h) return new Date(y, 0, 1, 12);
  if (h.rule === "us-election") {
    // The Tuesday after the first Monday of November.
    const firstMonday = nthWeekday(y, 11, 1, 1);
    return addDays(firstMonday, 1);
  }
  if (h.easter !== undefined) return addDays(easter(y), h.easter);
  if (h.weekday !== undefined) return nthWeekday(y, h.month!, h.weekday, h.n!);
  return new Date(y, h.month! - 1, h.day!, 12);
}

function holidayDate(name: string, mod: string | null, anchor: Date, reading: TenseReading): Date {
  return nearestDate((y) => holidayIn(name, y), anchor, reading, mod);
}

function nthWeekday(y: number, m: number, wd: number, n: number): Date {
  if (n > 0) {
    const first = new Date(y, m - 1, 1, 12);
    return addDays(first, ((wd - getDay(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = new Date(y, m, 0, 12);
  return addDays(last, -((getDay(last) - wd + 7) % 7));
}

/** Anonymous Gregorian computus. */
function easter(y: number): Date {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOf = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(y, month - 1, dayOf, 12);
}

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, fall: 9, winter: 12 };

/** Seasons as month intervals (meteorological, northern hemisphere): summer 2019 = 2019-06/2019-08. */
function season(name: string, y: number | null, mod: string | null, anchor: Date | null, reading: TenseReading): Resolved {
  const startMonth = SEASON_START[name]!;
  const fmt = (yy: number): string => {
    const s = new Date(yy, startMonth - 1, 1, 12);
    return `${month(s)}/${month(addMonths(s, 2))}`;
  };
  if (y !== null) return { value: fmt(y) };
  if (!anchor) return undated;
  const inYear = (yy: number): Date => new Date(yy, startMonth - 1, 15, 12);
  const current = anchor.getFullYear();
  if (mod === "this") return { value: fmt(current) };
  // "last summer" said in summer is the one before; "next summer" said in summer the one after.
  const start = (yy: number): Date => new Date(yy, startMonth - 1, 1, 12);
  // A bare season said while it lasts is that one, whatever the tense ("will be done in the spring"
  // in March). A winter starts in the December of the year before.
  const under = [current - 1, current].find((y) => start(y) <= anchor && anchor < addMonths(start(y), 3));
  if (!mod && under !== undefined) return { value: fmt(under) };
  let yy = current;
  if (mod === "last") {
    while (addMonths(start(yy), 3) > anchor) yy--;
    return { value: fmt(yy) };
  }
  if (mod === "next") {
    while (start(yy) <= anchor) yy++;
    return { value: fmt(yy) };
  }
  return { value: fmt(nearestDate(inYear, anchor, reading, mod === "last" || mod === "next" ? mod : null).getFullYear()) };
}
