// An ISO date value as the extractors write it (2019, 2019-07, 2019-07-15, 2019-Q3, 2019-W12,
// 2019-SU, 2019-H1, 201 for the 2010s, 18 for the 1800s, "a/b" intervals) → the stretch of time it covers, in UTC days, so a
// timeline can draw a day as a point and a month as a span. Anything else is not placed.

export type Precision = "day" | "week" | "month" | "season" | "quarter" | "half" | "year" | "decade" | "century" | "interval";

export interface DateSpan {
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered, YYYY-MM-DD (the same as start for a day). */
  end: string;
  precision: Precision;
}

const DAY_MS = 86_400_000;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(y: number, m0: number, d: number): Date {
  const date = new Date(Date.UTC(y, m0, d));
  // Date.UTC maps 0–99 to 1900–1999; set the year explicitly.
  date.setUTCFullYear(y, m0, d);
  return date;
}

/** The last day of the month that starts at (y, m0). */
function monthEnd(y: number, m0: number): Date {
  return utc(y, m0 + 1, 0);
}

// Northern-hemisphere meteorological seasons, as TimeML's SP/SU/FA/WI are usually read.
const SEASONS: Record<string, [number, number]> = { SP: [2, 4], SU: [5, 7], FA: [8, 10], AU: [8, 10], WI: [11, 13] };

function single(value: string): DateSpan | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = utc(y, mo - 1, d);
    // "2019-02-30" is not a day.
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return { start: iso(date), end: iso(date), precision: "day" };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: iso(utc(y, mo - 1, 1)), end: iso(monthEnd(y, mo - 1)), precision: "month" };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const y = Number(m[1]);
    return { start: iso(utc(y, 0, 1)), end: iso(utc(y, 11, 31)), precision: "year" };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { start: iso(utc(y, (q - 1) * 3, 1)), end: iso(monthEnd(y, q * 3 - 1)), precision: "quarter" };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { start: iso(utc(y, (h - 1) * 6, 1)), end: iso(monthEnd(y, h * 6 - 1)), precision: "half" };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return null;
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = utc(y, 0, 4);
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS + (w - 1) * 7 * DAY_MS);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * DAY_MS)), precision: "week" };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) {
    const y = Number(m[1]);
    const [from, to] = SEASONS[m[2]!]!;
    return { start: iso(utc(y, from, 1)), end: iso(monthEnd(y, to)), precision: "season" };
  }
  if ((m = /^(\d{3})$/.exec(value))) {
    const y = Number(m[1]) * 10;
    return { start: iso(utc(y, 0, 1)), end: iso(utc(y + 9, 11, 31)), precision: "decade" };
  }
  // A century as TimeML writes it: "18" for 1800–1899 (the 19th century).
  if ((m = /^(\d{2})$/.exec(value))) {
    const y = Number(m[1]) * 100;
    return { start: iso(utc(y, 0, 1)), end: iso(utc(y + 99, 11, 31)), precision: "century" };
  }
  return null;
}

/** The days an ISO value covers, or null when it names no fixed stretch of time. */
export function dateSpan(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  const v = value.trim();
  const slash = v.indexOf("/");
  if (slash > 0) {
    const a = single(v.slice(0, slash));
    const b = single(v.slice(slash + 1));
    if (!a || !b || b.end < a.start) return null;
    return { start: a.start, end: b.end, precision: "interval" };
  }
  return single(v);
}

/** Whether a span is drawn as a point (a day) rather than a bar. */
export function isPoint(span: DateSpan): boolean {
  return span.start === span.end;
}
