// One file's text → a document: metadata (title, date, url, author) and its article passages.
import { basename, extname } from "node:path";
import type { DocMeta, Format, Unit } from "../types.js";
import { articleUnits, classify, features } from "./boilerplate.js";
import { type PassageDraft, toPassages } from "./passages.js";
import { datelineDate, fileNameDate, normalizeDate, parseDateText } from "./pubdate.js";
import { readHtml } from "./readers/html.js";
import { readMarkdown } from "./readers/markdown.js";
import { type ReaderOutput, readTxt } from "./readers/txt.js";
import { findTitle } from "./title.js";

export interface ParsedDocument extends DocMeta {
  title: string;
  passages: PassageDraft[];
  /** Paged formats (PDF): the document-wide line number each page starts on. */
  pageStarts?: number[];
}

export type TextFormat = Exclude<Format, "pdf" | "docx">;

const READERS: Record<TextFormat, (text: string) => ReaderOutput> = { txt: readTxt, md: readMarkdown, html: readHtml };

export function parseDocument(file: string, format: TextFormat, text: string): ParsedDocument {
  return parseReaderOutput(file, READERS[format](text));
}

/** A reader's units → title, date and passages (the same rules for every format). */
export function parseReaderOutput(file: string, out: ReaderOutput): ParsedDocument {
  const { meta, units } = out;
  const keep = articleUnits(units);
  // A Word file has no menus around its text: every stretch of prose up to the article's end
  // counts, even one that a table or a list separates from the rest. (After the end, a page saved
  // as Word still carries comment prompts and sign-up lines.)
  const bodyEnd = keep.size ? Math.max(...keep) : -1;
  if (out.authored) units.forEach((u, i) => i < bodyEnd && ["strong", "medium"].includes(classify(u)) && keep.add(i));
  const bodyStart = keep.size ? Math.min(...keep) : units.length;
  const titleIdx = findTitle(units, bodyStart);
  const title = clean(meta.title) ?? (titleIdx >= 0 ? units[titleIdx]!.text : null) ?? fallbackTitle(file);
  const date = normalizeDate(meta.date) ?? dateNearTop(units, titleIdx, bodyStart) ?? (keep.size ? datelineDate(units[bodyStart]!.text) : null) ?? fileNameDate(file) ?? normalizeDate(out.dateFallback);
  const titleKey = squashKey(title);
  // A unit repeating the headline is not a passage (compared only when the lengths are close).
  const repeatsTitle = (u: Unit): boolean => Math.abs(u.text.length - title.length) <= title.length * 0.2 && squashKey(u.text) === titleKey;
  const content = units.filter((u, i) => keep.has(i) && i !== titleIdx && u.hint !== "title" && !repeatsTitle(u) && isPassage(u));
  const doc: ParsedDocument = { title, date, url: clean(meta.url), author: clean(meta.author), passages: toPassages(content) };
  if (out.pageStarts) doc.pageStarts = out.pageStarts;
  return doc;
}

/** Headings and captions inside the article are not passages; sentences and quote intros are. */
function isPassage(u: Unit): boolean {
  if (classify(u) !== "short") return true;
  const t = u.text.trim();
  if (t.endsWith(":")) return true; // introduces a quotation
  return /[.!?"”’]$/.test(t) && features(t).words >= 3 && features(t).stopRatio > 0;
}

/** A line that is only a date, between the headline and the body (`02 SEP 2019`, `Published June 7, 2022`). */
function dateNearTop(units: Unit[], titleIdx: number, bodyStart: number): string | null {
  const from = Math.max(0, titleIdx >= 0 ? titleIdx - 2 : 0);
  const to = Math.min(units.length, Math.max(bodyStart, titleIdx + 1) + 1);
  for (let i = from; i < to; i++) {
    const t = units[i]!.text;
    if (t.length > 80) continue;
    const d = parseDateText(t, true);
    if (d) return d;
  }
  return null;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

function squashKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function fallbackTitle(file: string): string {
  return basename(file, extname(file)).replace(/[_-]+/g, " ").trim() || file;
}
