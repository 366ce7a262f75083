// Plain text: an optional header of `key: value` lines (date, title, url, author), then lines.
import type { DocMeta, Unit } from "../../types.js";
import { type SourceLine, splitLines, unitsFromPlainLines } from "../units.js";

export interface ReaderOutput {
  meta: Partial<DocMeta>;
  units: Unit[];
  /** A date to use only when the text gives none (a PDF's or Word file's creation date). */
  dateFallback?: string | null;
  /** Paged formats (PDF): the document-wide line number each page starts on. */
  pageStarts?: number[];
  /** A document written as one piece (Word): every stretch of prose in it is article text. */
  authored?: boolean;
}

// `date` may go without a colon when an ISO date follows; the other keys need one.
const HEADER_RE = /^\s*(?:(date|published|pubdate)\s*[:=]?\s+(?=\d{4}\b)|(title|url|source|author|byline)\s*:\s*)(\S.*)$/i;
const ISO_DATE_RE = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b\s*(.*)$/;

export function readTxt(text: string): ReaderOutput {
  const lines: SourceLine[] = splitLines(text).map((t, i) => ({ line: i + 1, text: t }));
  const meta: Partial<DocMeta> = {};
  const units: Unit[] = [];
  // Header lines at the very top (before the first blank line).
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === "") i++;
  for (; i < lines.length && i < 12; i++) {
    const m = HEADER_RE.exec(lines[i]!.text);
    if (!m) break;
    const key = (m[1] ?? m[2]!).toLowerCase();
    const value = m[3]!.trim();
    if (key === "date" || key === "published" || key === "pubdate") {
      const d = ISO_DATE_RE.exec(value);
      if (!d) break;
      meta.date = d[1]!;
      // `date 2019-09-02  Headline – Site`: the rest of the line is a title candidate.
      if (d[2]!.trim()) units.push({ text: d[2]!.trim(), lineMap: [[0, lines[i]!.line]], hint: "title" });
    } else if (key === "title") meta.title = value;
    else if (key === "url" || key === "source") {
      if (/^https?:\/\/\S+$/.test(value)) meta.url = value;
      else break;
    } else meta.author = value;
    lines[i] = { line: lines[i]!.line, text: "" };
  }
  units.push(...unitsFromPlainLines(lines));
  return { meta, units };
}
