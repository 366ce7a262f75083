// One knowledge file → a parsed document, read defensively (a bad file is a warning, not a crash).
import { parseDocument, type ParsedDocument } from "./document.js";
import { DEFAULT_MAX_BYTES, type FileEntry, readKnowledgeFile } from "./files.js";

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
  if (parsed.passages.length === 0) {
    opts.onWarning?.(`skipped ${entry.file}: no article text found in it`);
    return null;
  }
  return { ...parsed, entry, hash: read.hash, warnings };
}
