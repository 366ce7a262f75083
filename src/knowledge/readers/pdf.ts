// PDF: positioned text from pdfjs-dist (in a worker, see binary.ts) laid out by pdf-layout.ts.
// Title and author from the document information when they look deliberate, the creation date
// only when the text itself gives no date. A file with no text layer is refused with a reason.
import type { PdfRaw } from "./binary.js";
import { layoutPdf } from "./pdf-layout.js";
import type { ReaderOutput } from "./txt.js";

export type PdfRead = { ok: true; output: ReaderOutput; pageLines: string[][] } | { ok: false; reason: string };

export function readPdf(raw: PdfRaw): PdfRead {
  const chars = raw.pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  // Fewer than a few words a page: images of text (a scan) or an empty document.
  if (raw.pages.length === 0 || chars < raw.pages.length * 20) {
    return { ok: false, reason: "no text layer (a scanned PDF?): run it through OCR first" };
  }
  const layout = layoutPdf(raw.pages);
  return {
    ok: true,
    output: {
      meta: { title: deliberateTitle(raw.info.title), author: raw.info.author },
      units: layout.units,
      dateFallback: pdfDate(raw.info.created),
      pageStarts: layout.pageStarts,
    },
    pageLines: layout.pageLines,
  };
}

/** Titles that tools write by themselves ("Microsoft Word - a.docx", "untitled") are no title. */
export function deliberateTitle(title: string | null): string | null {
  const t = title?.replace(/\s+/g, " ").trim();
  if (!t) return null;
  if (/^(untitled|document\d*|microsoft word\b.*)$/i.test(t) || /\.(docx?|pdf|txt|rtf|odt|indd|html?)$/i.test(t)) return null;
  return t;
}

/** `D:20190902113000+02'00'` → `2019-09-02`. */
export function pdfDate(value: string | null): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value?.trim() ?? "");
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join("-");
}
