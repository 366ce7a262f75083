// Calendar arithmetic for the answer key, in UTC and written out here on purpose: the expected
// dates must not come from the code under test (chrono-node, date-fns) or they would agree with it
// by construction.

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function toMs(x: Ymd): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}

export function fromMs(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  return fromMs(toMs(x) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(x: Ymd): number {
  return new Date(toMs(x)).getUTCDay();
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Month arithmetic on (year, month) only. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
export const isoDay = (x: Ymd): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const isoMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;

/** Monday of the ISO week holding x. */
export function mondayOf(x: Ymd): Ymd {
  return addDays(x, -((weekday(x) + 6) % 7));
}

/** ISO 8601 week label (2019-W36) of x. */
export function isoWeek(x: Ymd): string {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(mondayOf(x), 3);
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toMs(thursday) - toMs(jan1)) / DAY_MS / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

/** The ways a week can be written in ISO 8601: Monday/Sunday interval, or the week label. */
export function weekValues(monday: Ymd): string[] {
  return [`${isoDay(monday)}/${isoDay(addDays(monday, 6))}`, isoWeek(monday)];
}

export function parseIsoDay(s: string): Ymd {
  const [y, m, d] = s.split("-").map(Number);
  return { y: y!, m: m!, d: d! };
}
