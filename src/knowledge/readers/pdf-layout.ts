// PDF text items → lines in reading order → paragraphs. Pure functions of the positioned text a
// parser gives (see binary-worker.mjs): columns found by an empty vertical gutter, lines numbered
// per page as a reader counts them, repeated headers/footers and page numbers dropped by signals
// (position at the page's edge, the same text on most pages, a bare number), and words hyphenated
// at a line end joined again.
import type { Unit } from "../../types.js";

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  w: number;
  /** Font size. */
  h: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** One line of a page in reading order. */
export interface PdfLine {
  page: number;
  /** 1-based line on its page, counting every line a reader sees (headers too). */
  line: number;
  text: string;
  x: number;
  y: number;
  /** Right edge of the line's text. */
  right: number;
  /** The column's left and right text edges on this page (the widest lines' edges). */
  colLeft: number;
  colRight: number;
  size: number;
}

export interface PdfLayout {
  /** Article units; their line numbers are document-wide (see pageStarts). */
  units: Unit[];
  /** pageStarts[i]: the document-wide number of page i+1's first line. */
  pageStarts: number[];
  /** Every line, per page, as text (for "Show source"). */
  pageLines: string[][];
  /** Lines dropped as page furniture (headers, footers, page numbers). */
  dropped: number;
}

/** Items on one baseline (within a fraction of the font size) form one line. */
function groupLines(items: PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(1, Math.min(row[0]!.h, it.h) * 0.4)) row.push(it);
    else rows.push([it]);
  }
  for (const r of rows) r.sort((a, b) => a.x - b.x);
  return rows;
}

/**
 * An x position in the middle of the page that no text crosses while several lines sit on each
 * side of it: a gutter between two columns. Null for a one-column page.
 */
export function findGutter(page: PdfPage): number | null {
  const items = page.items.filter((i) => i.str.trim());
  if (items.length < 6) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = page.width * 0.3; x <= page.width * 0.7; x += 2) {
    const left = items.filter((i) => i.x + i.w < x).length;
    const right = items.filter((i) => i.x > x).length;
    if (left < 3 || right < 3) continue;
    const crossing = items.filter((i) => i.x <= x && i.x + i.w >= x).length;
    // Full-width lines (a headline, a header) may cross; column text may not.
    if (crossing <= Math.max(2, items.length * 0.15) && (!best || crossing < best.crossing)) best = { x, crossing };
  }
  if (!best) return null;
  // Both sides must hold lines on the same baselines: otherwise it is a ragged single column.
  const ys = (side: (i: PdfItem) => boolean): Set<number> => new Set(items.filter(side).map((i) => Math.round(i.y)));
  const l = ys((i) => i.x + i.w < best!.x);
  const r = ys((i) => i.x > best!.x);
  let shared = 0;
  for (const y of l) if (r.has(y)) shared++;
  return shared >= 3 ? best.x : null;
}

type RawLine = Omit<PdfLine, "line" | "colLeft" | "colRight"> & { col: number };

function toLine(row: PdfItem[], page: number, col: number): RawLine {
  let text = "";
  let end = row[0]!.x;
  for (const it of row) {
    const gap = it.x - end;
    if (text && gap > it.h * 0.15 && !text.endsWith(" ") && !it.str.startsWith(" ")) text += " ";
    text += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return { page, col, text: text.replace(/\s+/g, " ").trim(), x: row[0]!.x, y: row[0]!.y, right: end, size: Math.max(...row.map((i) => i.h)) };
}

/** A page's lines in reading order: full-width lines where they stand, columns left then right. */
export function pageLines(page: PdfPage, pageNo: number): PdfLine[] {
  const gutter = findGutter(page);
  const out: RawLine[] = [];
  if (gutter === null) {
    for (const row of groupLines(page.items)) out.push(toLine(row, pageNo, 0));
  } else {
    const crosses = (i: PdfItem): boolean => i.x <= gutter && i.x + i.w >= gutter;
    const full = groupLines(page.items.filter(crosses));
    const rest = page.items.filter((i) => !crosses(i));
    // Columns run between full-width lines: each band is read left column, then right.
    const bounds = [Infinity, ...full.map((r) => r[0]!.y), -Infinity];
    for (let b = 0; b + 1 < bounds.length; b++) {
      const hi = bounds[b]!;
      const lo = bounds[b + 1]!;
      if (b > 0) out.push(toLine(full[b - 1]!, pageNo, 0));
      const band = rest.filter((i) => i.y < hi && i.y > lo);
      for (const row of groupLines(band.filter((i) => i.x < gutter))) out.push(toLine(row, pageNo, 1));
      for (const row of groupLines(band.filter((i) => i.x > gutter))) out.push(toLine(row, pageNo, 2));
    }
  }
  const lines = out.filter((l) => l.text);
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    const e = edges.get(l.col) ?? { left: Infinity, right: -Infinity };
    edges.set(l.col, { left: Math.min(e.left, l.x), right: Math.max(e.right, l.right) });
  }
  return lines.map(({ col, ...l }, i) => ({ ...l, line: i + 1, colLeft: edges.get(col)!.left, colRight: edges.get(col)!.right }));
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (t: string): string => t.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/**
 * Lines that are page furniture: within the top or bottom edge of the page (the first or last two
 * lines) and either a bare page number or text repeated, digits aside, on at least half the pages.
 */
export function furnitureLines(pages: PdfLine[][]): Set<PdfLine> {
  const edge = (lines: PdfLine[]): PdfLine[] => (lines.length <= 4 ? lines : [...lines.slice(0, 2), ...lines.slice(-2)]);
  const counts = new Map<string, number>();
  for (const lines of pages) for (const s of new Set(edge(lines).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(pages.length / 2));
  const out = new Set<PdfLine>();
  for (const lines of pages) {
    for (const l of edge(lines)) {
      if (PAGE_NUMBER.test(l.text.trim()) || (pages.length >= 2 && (counts.get(shape(l.text)) ?? 0) >= need)) out.add(l);
    }
  }
  return out;
}

const ENDS_SENTENCE = /[.!?:"”’)]$/;

/** Lays out every page and cuts the text into paragraph units. */
export function layoutPdf(pages: PdfPage[]): PdfLayout {
  const perPage = pages.map((p, i) => pageLines(p, i + 1));
  const pageStarts: number[] = [];
  let next = 1;
  for (const lines of perPage) {
    pageStarts.push(next);
    next += lines.length;
  }
  const drop = furnitureLines(perPage);
  const body = perPage.flat().filter((l) => !drop.has(l));
  const globalLine = (l: PdfLine): number => pageStarts[l.page - 1]! + l.line - 1;
  const sizes = body.map((l) => l.size).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;

  const units: Unit[] = [];
  let text = "";
  let lineMap: Array<[number, number]> = [];
  let hint: Unit["hint"] | undefined;
  const flush = (): void => {
    if (text) units.push(hint ? { text, lineMap, hint } : { text, lineMap });
    text = "";
    lineMap = [];
    hint = undefined;
  };
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    const prev = body[i - 1];
    if (prev && startsParagraph(prev, l, bodySize)) flush();
    if (!text && l.size > bodySize * 1.25) hint = "heading";
    const t = l.text;
    let join = text ? " " : "";
    // A word split at the line end ("nego-" + "tiations") is one word again.
    if (text && /\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(t)) {
      text = text.slice(0, -1);
      join = "";
    }
    if (text.endsWith("\u00ad")) text = text.slice(0, -1);
    lineMap.push([text.length + join.length, globalLine(l)]);
    text += join + t;
  }
  flush();
  return { units, pageStarts, pageLines: perPage.map((ls) => ls.map((l) => l.text)), dropped: drop.size };
}

/**
 * A new paragraph: a change of type size, a wide vertical gap, an indented first line, or a
 * previous line that stopped short of its column's right edge (a wrapped line runs to the edge;
 * menus and headings do not), unless this line goes on in lower case.
 */
function startsParagraph(prev: PdfLine, l: PdfLine, bodySize: number): boolean {
  const big = (x: PdfLine): boolean => x.size > bodySize * 1.25;
  if (big(prev) !== big(l)) return true;
  const sameColumn = l.page === prev.page && prev.y > l.y && Math.abs(prev.colLeft - l.colLeft) < l.size;
  if (sameColumn && prev.y - l.y > Math.max(prev.size, l.size) * 1.8) return true;
  if (l.x > l.colLeft + l.size * 0.8 && ENDS_SENTENCE.test(prev.text)) return true;
  const width = prev.colRight - prev.colLeft;
  const full = prev.right >= prev.colRight - Math.max(width * 0.15, prev.size * 4);
  return !full && !/^\p{Ll}/u.test(l.text);
}
