// Publication dates: normalizing what metadata gives, and finding one in plain text (a date line
// under the headline, a dateline, a date in the file name). A copyright year is never one.
import * as chrono from "chrono-node/en";

/** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text fixes) or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(v);
  if (iso) return valid(iso[1]!, iso[2], iso[3]);
  return parseDateText(v, true);
}

function valid(y: string, m?: string, d?: string): string | null {
  const year = Number(y);
  if (year < 1000 || year > 2999) return null;
  if (!m) return y;
  if (Number(m) < 1 || Number(m) > 12) return null;
  if (!d) return `${y}-${m}`;
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

const HAS_DIGIT = /\d/;

/** A date written in words ("02 SEP 2019", "June 7, 2022"); needs the year in the text. */
export function parseDateText(text: string, whole: boolean): string | null {
  // chrono reads a year only from digits: a line with none (most lines asked about) is no date.
  if (!HAS_DIGIT.test(text)) return null;
  const results = chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)));
  const r = results[0];
  if (!r || !r.start.isCertain("year") || !r.start.isCertain("month")) return null;
  // For a date line, the date must be most of the line (not a date inside a sentence).
  if (whole && r.text.length < text.replace(/^(published|posted|updated|date|on)\b:?/i, "").trim().length * 0.6) return null;
  const y = String(r.start.get("year")).padStart(4, "0");
  const m = String(r.start.get("month")).padStart(2, "0");
  if (!r.start.isCertain("day")) return valid(y, m);
  return valid(y, m, String(r.start.get("day")).padStart(2, "0"));
}

/**
 * A dateline: `BRUSSELS, 7 June 2022 -`, `WASHINGTON, March 3, 2023 (Reuters) -`,
 * `LONDON (AP) — June 7, 2022 —`. The date must be written in full, before the dash.
 */
export function datelineDate(text: string): string | null {
  const m = /^\s*(\p{Lu}[\p{Lu}\p{L}\p{N} .,'’()-]{2,80}?)\s(?:-{1,2}|[–—])\s/u.exec(text);
  if (!m || !/^\p{Lu}{2,}/u.test(m[1]!) || !HAS_DIGIT.test(m[1]!)) return null;
  const r = chrono.strict.parse(m[1]!, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !r.start.isCertain("year") || !r.start.isCertain("month") || !r.start.isCertain("day")) return null;
  const pad = (n: number | null) => String(n).padStart(2, "0");
  return valid(String(r.start.get("year")), pad(r.start.get("month")), pad(r.start.get("day")));
}

/** `2016-09-15` or `2016_09_15` in a file name. */
export function fileNameDate(file: string): string | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?!\d)/.exec(file);
  return m ? valid(m[1]!, m[2], m[3]) : null;
}
