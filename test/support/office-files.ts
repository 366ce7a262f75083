// Writes small PDF and Word files for tests (pdf-lib, docx): text placed exactly where a test
// wants it, or a plain-text article laid out the way a word processor would print it.
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
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

/** What text looks like once printed with the standard font (for comparing with the original). */
export async function printable(): Promise<(text: string) => string> {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  return (text) => encodable(font, text);
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

/** Where each line of the text was printed: its pages' line numbers (as a reader counts them). */
export type PrintedLines = Array<Array<{ page: number; line: number }>>;

/**
 * A plain-text article printed as a PDF: each line of the text wrapped at the margin (a blank
 * line is a gap), pages broken after `linesPerPage` lines, wherever that falls.
 */
export async function pdfFromText(text: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  return (await printText(text, opts)).pdf;
}

export async function printText(text: string, opts: PrintOptions = {}): Promise<{ pdf: Uint8Array; printed: PrintedLines }> {
  const size = opts.size ?? 11;
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  const left = 60;
  const width = PAGE.width - 2 * left;
  const wrapped: Array<{ text: string; from: number }> = [];
  const source = text.split(/\r?\n/);
  source.forEach((line, from) => {
    if (!line.trim()) {
      wrapped.push({ text: "", from });
      return;
    }
    let cur = "";
    for (const word of encodable(font, line.trim()).split(/\s+/)) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && font.widthOfTextAtSize(next, size) > width) {
        wrapped.push({ text: cur, from });
        cur = word;
      } else cur = next;
    }
    wrapped.push({ text: cur, from });
  });
  const perPage = opts.linesPerPage ?? 50;
  const pages: PlacedText[][] = [];
  const printed: PrintedLines = source.map(() => []);
  for (let i = 0; i < wrapped.length; i += perPage) {
    const items: PlacedText[] = [];
    if (opts.header) items.push({ text: opts.header, x: left, top: 40, size: 9 });
    wrapped.slice(i, i + perPage).forEach((t, k) => {
      if (!t.text) return;
      items.push({ text: t.text, x: left, top: 80 + k * size * 1.35, size });
      printed[t.from]!.push({ page: pages.length + 1, line: items.length });
    });
    if (opts.pageNumbers) items.push({ text: `Page ${pages.length + 1}`, x: PAGE.width / 2 - 15, top: PAGE.height - 30, size: 9 });
    pages.push(items);
  }
  return { pdf: await pdfWithPages(pages, opts.meta), printed };
}

/** A plain-text article as a Word file: one paragraph per non-blank line (line k of the file is paragraph k). */
export async function docxFromText(text: string, meta: { title?: string } = {}): Promise<Buffer> {
  const paragraphs = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => new Paragraph({ text: l.trim() }));
  return docxOf(paragraphs, meta);
}

type Children = ConstructorParameters<typeof Document>[0]["sections"][number]["children"];

/**
 * A Word file of the given blocks. The docx package stamps "created now" into the core
 * properties; that is dropped unless `created` is given, so a test controls every date.
 */
export async function docxOf(
  children: Children,
  meta: { title?: string; created?: string; footnotes?: Record<number, { children: Paragraph[] }> } = {},
): Promise<Buffer> {
  const doc = new Document({
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.footnotes ? { footnotes: meta.footnotes } : {}),
    sections: [{ children }],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const core = await zip.file("docProps/core.xml")!.async("string");
  const dated = core.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, (m, which: string) =>
    which === "created" && meta.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${meta.created}</dcterms:created>` : "",
  );
  zip.file("docProps/core.xml", dated);
  return zip.generateAsync({ type: "nodebuffer" });
}
