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

/** Parses one file; null (with a warning) when it cannot be read as text. */
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
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument(entry.file, entry.format, read.text);
  } catch (e) {
    opts.onWarning?.(`skipped ${entry.file}: could not parse it (${(e as Error).message})`);
    return null;
  }
  if (parsed.passages.length === 0) {
    const w = `${entry.file} has no article text`;
    warnings.push(w);
    opts.onWarning?.(w);
  }
  return { ...parsed, entry, hash: read.hash, warnings };
}
