// One knowledge file → a parsed document, read defensively (a bad file is a warning, not a crash).
import { parseDocument, parseReaderOutput, type ParsedDocument } from "./document.js";
import { contentHash, DEFAULT_MAX_BYTES, type FileEntry, readFileBytes, readKnowledgeFile } from "./files.js";
import { extractRaw } from "./readers/binary.js";
import { readDocx } from "./readers/docx.js";
import { readPdf } from "./readers/pdf.js";

export interface LoadedFile extends ParsedDocument {
  entry: FileEntry;
  hash: string;
  warnings: string[];
}

export interface LoadOptions {
  maxBytes?: number;
  onWarning?: (message: string) => void;
}

/**
 * Parses one file; null (with a warning) when it cannot be read as text or has nothing to cite
 * (empty, or no article text): such a file is not a source, so /sources never lists it.
 */
export function loadFile(entry: FileEntry, opts: LoadOptions = {}): LoadedFile | null {
  if (entry.format === "pdf" || entry.format === "docx") return loadBinary(entry, entry.format, opts);
  const read = readKnowledgeFile(entry, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) {
    opts.onWarning?.(read.reason);
    return null;
  }
  const warnings: string[] = [];
  if (read.warning) {
    warnings.push(read.warning);
    opts.onWarning?.(read.warning);
  }
  if (read.text.trim() === "") {
    opts.onWarning?.(`skipped ${entry.file}: the file is empty`);
    return null;
  }
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument(entry.file, entry.format, read.text);
  } catch (e) {
    opts.onWarning?.(`skipped ${entry.file}: could not parse it (${(e as Error).message})`);
    return null;
  }
  return withPassages(entry, parsed, read.hash, warnings, opts);
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** PDF and Word files: parsed from their bytes; an encrypted or scanned file is one warning. */
function loadBinary(entry: FileEntry, format: "pdf" | "docx", opts: LoadOptions): LoadedFile | null {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const skip = (why: string): null => {
    opts.onWarning?.(`skipped ${entry.file}: ${why}`);
    return null;
  };
  if (entry.bytes > maxBytes) return skip(`${(entry.bytes / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
  const read = readFileBytes(entry, maxBytes);
  if (!read.ok) {
    opts.onWarning?.(read.reason);
    return null;
  }
  if (read.buf.length === 0) return skip("the file is empty");
  // A password-protected Word file is an OLE compound file, not a zip (so is an old .doc renamed).
  if (format === "docx" && read.buf.subarray(0, 4).equals(OLE_MAGIC)) return skip("the Word file is password-protected (or an old .doc file): save an unprotected .docx");
  const raw = extractRaw(format, read.buf);
  if (!raw.ok) {
    if (raw.error === "encrypted") return skip("the PDF is encrypted (it needs a password); save an unprotected copy");
    return skip(`not a readable ${format === "pdf" ? "PDF" : "Word (.docx)"} file (${raw.message})`);
  }
  let parsed: ParsedDocument;
  try {
    if (raw.kind === "pdf") {
      const pdf = readPdf(raw);
      if (!pdf.ok) return skip(pdf.reason);
      parsed = parseReaderOutput(entry.file, pdf.output);
    } else parsed = parseReaderOutput(entry.file, readDocx(raw));
  } catch (e) {
    return skip(`could not parse it (${(e as Error).message})`);
  }
  return withPassages(entry, parsed, contentHash(read.buf), [], opts);
}

function withPassages(entry: FileEntry, parsed: ParsedDocument, hash: string, warnings: string[], opts: LoadOptions): LoadedFile | null {
  if (parsed.passages.length === 0) {
    opts.onWarning?.(`skipped ${entry.file}: no article text found in it`);
    return null;
  }
  return { ...parsed, entry, hash, warnings };
}
