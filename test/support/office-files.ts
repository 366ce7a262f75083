// Writes small PDF and Word files for tests (pdf-lib, docx): text placed exactly where a test
// wants it, or a plain-text article laid out the way a word processor would print it.
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline, from the top of the page (easier to read than PDF's bottom-up y). */
  top: number;
  size?: number;
}

export interface PdfMeta {
  title?: string;
  author?: string;
  created?: Date;
}

export const PAGE = { width: 595, height: 842 };

/** A PDF whose pages hold exactly the given pieces of text. No dates unless `meta.created`. */
export async function pdfWithPages(pages: PlacedText[][], meta: PdfMeta = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  if (meta.title) doc.setTitle(meta.title);
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.created) doc.setCreationDate(meta.created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const items of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    for (const t of items) page.drawText(encodable(font, t.text), { x: t.x, y: PAGE.height - t.top, size: t.size ?? 11, font });
  }
  return doc.save();
}

/** Characters the standard font cannot draw become "?" (scripts outside Windows-1252). */
function encodable(font: PDFFont, text: string): string {
  let out = "";
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += "?";
    }
  }
  return out;
}

export interface PrintOptions {
  /** A line printed at the top of every page. */
  header?: string;
  /** Print "Page N" at the bottom of every page. */
  pageNumbers?: boolean;
  meta?: PdfMeta;
  size?: number;
  linesPerPage?: number;
}

/**
 * A plain-text article printed as a PDF: each line of the text wrapped at the margin (a blank
 * line is a gap), pages broken after `linesPerPage` lines, wherever that falls.
 */
export async function pdfFromText(text: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const size = opts.size ?? 11;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const left = 60;
  const width = PAGE.width - 2 * left;
  const wrapped: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      wrapped.push("");
      continue;
    }
    let cur = "";
    for (const word of encodable(font, line.trim()).split(/\s+/)) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && font.widthOfTextAtSize(next, size) > width) {
        wrapped.push(cur);
        cur = word;
      } else cur = next;
    }
    wrapped.push(cur);
  }
  const perPage = opts.linesPerPage ?? 50;
  const pages: PlacedText[][] = [];
  for (let i = 0; i < wrapped.length; i += perPage) {
    const items: PlacedText[] = [];
    if (opts.header) items.push({ text: opts.header, x: left, top: 40, size: 9 });
    wrapped.slice(i, i + perPage).forEach((t, k) => {
      if (t) items.push({ text: t, x: left, top: 80 + k * size * 1.35, size });
    });
    if (opts.pageNumbers) items.push({ text: `Page ${pages.length + 1}`, x: PAGE.width / 2 - 15, top: PAGE.height - 30, size: 9 });
    pages.push(items);
  }
  return pdfWithPages(pages, opts.meta);
}

/** A plain-text article as a Word file: one paragraph per non-blank line. */
export async function docxFromText(text: string, meta: { title?: string } = {}): Promise<Buffer> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => new Paragraph({ text: l.trim() }));
  return docxOf(paragraphs, meta);
}

export async function docxOf(children: ConstructorParameters<typeof Document>[0]["sections"][number]["children"], meta: { title?: string; footnotes?: Record<number, { children: Paragraph[] }> } = {}): Promise<Buffer> {
  const doc = new Document({ ...(meta.title ? { title: meta.title } : {}), ...(meta.footnotes ? { footnotes: meta.footnotes } : {}), sections: [{ children }] });
  return Packer.toBuffer(doc);
}
