// Word (.docx): mammoth turns the document into clean HTML (headings, lists, tables, footnotes),
// one block a line here, then the HTML reader makes units of it. So a Word file's "lines" are
// its paragraphs, table rows and list items, in order. Title, author and creation date come
// from the core properties (docProps/core.xml); the date is used only when the text gives none.
import { findOne, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import type { DocxRaw } from "./binary.js";
import { readHtml } from "./html.js";
import type { ReaderOutput } from "./txt.js";

const BLOCK_END = /(<\/(?:p|h[1-6]|li|caption)>|<br\s*\/?>)/gi;

/**
 * Mammoth's HTML with a line break after every block: the line numbers citations use. A table
 * row is flattened into one paragraph, its cells separated by semicolons.
 */
export function docxHtmlLines(html: string): string {
  // The "↑" link back from a footnote to its mark is navigation, and the mark ("[1]") would hide
  // the end of its sentence: both go; the footnote's own text stays, after the body.
  const noBacklinks = html
    .replace(/\s*<a href="#(?:foot|end)note-ref-\d+">↑<\/a>/g, "")
    .replace(/<sup><a href="#(?:foot|end)note-\d+" id="(?:foot|end)note-ref-\d+">\[\d+\]<\/a><\/sup>/g, "");
  const rows = noBacklinks.replace(/<tr>([\s\S]*?)<\/tr>/g, (_m, row: string) => {
    const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<\/p>\s*<p>/g, " ").replace(/<\/?p>/g, "").trim());
    return `<p>${cells.filter(Boolean).join("; ")}</p>`;
  });
  return rows.replace(/<\/?(?:table|thead|tbody)[^>]*>/g, "").replace(/\n/g, " ").replace(BLOCK_END, "$1\n");
}

export function readDocx(raw: DocxRaw): ReaderOutput {
  const out = readHtml(docxHtmlLines(raw.html));
  const core = coreProperties(raw.coreXml);
  return {
    meta: { ...out.meta, title: core.title ?? out.meta.title ?? null, author: core.author ?? out.meta.author ?? null },
    units: out.units,
    dateFallback: core.created,
    authored: true,
  };
}

/** The text of each line of a Word file, as citations number them. */
export function docxTextLines(raw: DocxRaw): string[] {
  return docxHtmlLines(raw.html)
    .split("\n")
    .map((chunk) => textContent(parseDocument(chunk, { decodeEntities: true }).children).replace(/\s+/g, " ").trim());
}

export function coreProperties(xml: string | null): { title: string | null; author: string | null; created: string | null } {
  if (!xml) return { title: null, author: null, created: null };
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const field = (name: string): string | null => {
    const el = findOne((e) => e.name.toLowerCase() === name, doc.children, true);
    const t = el ? textContent(el).replace(/\s+/g, " ").trim() : "";
    return t || null;
  };
  const author = field("dc:creator");
  // Word and generators fill the creator with placeholders when nobody is named.
  const named = author && !/^(un-?named|unknown|author|user|admin(istrator)?)$/i.test(author) ? author : null;
  return { title: field("dc:title"), author: named, created: field("dcterms:created") };
}
