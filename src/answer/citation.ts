// Citations: the file, the lines, an excerpt of whole sentences around the cited words, and a link.
import { lineAt } from "../knowledge/units.js";
import type { Citation, DocumentRecord, Passage } from "../types.js";

const MAX_EXCERPT = 600;

export interface CitationOptions {
  /** e.g. a repository's blob URL; the file path and #L anchor are appended. */
  sourceBaseUrl?: string | null;
}

export interface Excerpt {
  text: string;
  /** Offset of the excerpt in the passage text. */
  offset: number;
}

/** Whole sentences of `p` covering [start, end), trimmed to a readable length. */
export function excerptOf(p: Passage, start: number, end: number): Excerpt {
  const first = p.sentences.find((s) => s.end > start) ?? p.sentences[0];
  const last = [...p.sentences].reverse().find((s) => s.start < end) ?? first;
  let from = first ? Math.min(first.start, start) : start;
  let to = last ? Math.max(last.end, end) : end;
  if (to - from > MAX_EXCERPT) {
    // Keep the cited words and cut the surroundings at word boundaries.
    const room = Math.max(0, MAX_EXCERPT - (end - start));
    from = Math.max(from, start - Math.floor(room / 2));
    to = Math.min(to, Math.max(end, from + MAX_EXCERPT));
    while (from > 0 && from < start && /\S/.test(p.text[from - 1]!)) from++;
    while (to < p.text.length && to > end && /\S/.test(p.text[to]!)) to--;
  }
  const raw = p.text.slice(from, to);
  const text = (from > (first?.start ?? 0) ? "…" : "") + raw.trim() + (to < (last?.end ?? to) ? "…" : "");
  return { text, offset: from - (from > (first?.start ?? 0) ? 1 : 0) + (raw.length - raw.trimStart().length) };
}

/** Where a document-wide line of a paged document (PDF) is: its page and its line on that page. */
export function pageOf(pageStarts: number[], line: number): { page: number; line: number } {
  let i = pageStarts.length - 1;
  while (i > 0 && pageStarts[i]! > line) i--;
  return { page: i + 1, line: line - (pageStarts[i] ?? 1) + 1 };
}

/** Citation lines for a document: paged documents count lines per page (`p. 3, lines 12–14`). */
export function placeLines(doc: DocumentRecord, lineStart: number, lineEnd: number): Pick<Citation, "lineStart" | "lineEnd" | "page" | "pageEnd" | "docLines"> {
  if (!doc.pageStarts?.length) return { lineStart, lineEnd };
  const a = pageOf(doc.pageStarts, lineStart);
  const b = pageOf(doc.pageStarts, lineEnd);
  const docLines: [number, number] = [lineStart, lineEnd];
  return b.page === a.page
    ? { lineStart: a.line, lineEnd: b.line, page: a.page, docLines }
    : { lineStart: a.line, lineEnd: b.line, page: a.page, pageEnd: b.page, docLines };
}

/**
 * `lineStart`/`lineEnd` are document-wide; paged documents link to the page (`#page=3`), and a Word
 * file (whose "lines" are its blocks, which no viewer numbers) to the file itself.
 */
export function lineUrl(doc: DocumentRecord, lineStart: number, lineEnd: number, opts: CitationOptions): string | null {
  const anchor = doc.pageStarts?.length
    ? `#page=${pageOf(doc.pageStarts, lineStart).page}`
    : doc.format === "docx"
      ? ""
      : lineEnd > lineStart
        ? `#L${lineStart}-L${lineEnd}`
        : `#L${lineStart}`;
  if (opts.sourceBaseUrl) {
    const base = opts.sourceBaseUrl.endsWith("/") ? opts.sourceBaseUrl : `${opts.sourceBaseUrl}/`;
    return base + doc.file.split("/").map(encodeURIComponent).join("/") + anchor;
  }
  return doc.url;
}

export function cite(
  doc: DocumentRecord,
  p: Passage,
  start: number,
  end: number,
  opts: CitationOptions,
  extra?: { passage: Passage; start: number; end: number },
): { citation: Citation; excerptOffset: number } {
  let lineStart = lineAt(p.lineMap, start);
  let lineEnd = lineAt(p.lineMap, Math.max(start, end - 1));
  const ex = excerptOf(p, start, end);
  // An attribution in another paragraph ("X said:" before the quote) is part of the proof.
  if (extra) {
    lineStart = Math.min(lineStart, lineAt(extra.passage.lineMap, extra.start));
    lineEnd = Math.max(lineEnd, lineAt(extra.passage.lineMap, Math.max(extra.start, extra.end - 1)));
  }
  return {
    citation: { file: doc.file, ...placeLines(doc, lineStart, lineEnd), excerpt: ex.text, url: lineUrl(doc, lineStart, lineEnd, opts) },
    excerptOffset: ex.offset,
  };
}
