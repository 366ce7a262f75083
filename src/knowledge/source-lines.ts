// A knowledge file's lines as citations number them, for "Show source": a text file's own lines,
// a PDF's lines page after page (document-wide, see readers/pdf-layout.ts), a Word file's blocks.
import { contentHash, type FileEntry, readFileBytes, readKnowledgeFile } from "./files.js";
import { extractRaw } from "./readers/binary.js";
import { docxTextLines } from "./readers/docx.js";
import { readPdf } from "./readers/pdf.js";
import { splitLines } from "./units.js";

export type SourceLines = { ok: true; lines: string[]; hash: string } | { ok: false; reason: string };

export function readSourceLines(entry: FileEntry): SourceLines {
  if (entry.format === "pdf" || entry.format === "docx") {
    const read = readFileBytes(entry);
    if (!read.ok) return read;
    const raw = extractRaw(entry.format, read.buf);
    if (!raw.ok) return { ok: false, reason: `skipped ${entry.file}: ${raw.error === "encrypted" ? "the PDF is encrypted" : "it cannot be read"}` };
    const hash = contentHash(read.buf);
    if (raw.kind === "docx") return { ok: true, lines: docxTextLines(raw), hash };
    const pdf = readPdf(raw);
    return pdf.ok ? { ok: true, lines: pdf.pageLines.flat(), hash } : { ok: false, reason: `skipped ${entry.file}: ${pdf.reason}` };
  }
  const read = readKnowledgeFile(entry);
  if (!read.ok) return read;
  const lines = splitLines(read.text);
  if (lines.length > 1 && lines.at(-1) === "") lines.pop(); // the newline ending the last line starts no new one
  return { ok: true, lines, hash: read.hash };
}
