// Files → documents → passages with facts: the whole corpus in plain data. A document's parsed
// text and facts (a DocEntry) is the unit that is cached and reused when its file has not changed.
// This module loads the extractors (chrono-node, the readers); putting entries together is
// corpus-assemble.ts, which a start from the cache uses alone.
import { extractFacts } from "./extract/facts.js";
import type { FileEntry } from "./knowledge/files.js";
import { listKnowledgeFiles } from "./knowledge/files.js";
import { type LoadOptions, loadFile } from "./knowledge/load.js";
import type { Corpus } from "./types.js";
import { assembleCorpus, type DocEntry } from "./corpus-assemble.js";

export { assembleCorpus, corpusCounts, type DocEntry, emptyCorpus, EXTRACTOR_VERSION } from "./corpus-assemble.js";

/** Reads, parses and extracts one file; null (with a warning) when it cannot be read. */
export function extractEntry(file: FileEntry, opts: LoadOptions = {}): DocEntry | null {
  const f = loadFile(file, opts);
  if (!f) return null;
  const entry: DocEntry = {
    file: file.file,
    format: file.format,
    bytes: file.bytes,
    mtimeMs: file.mtimeMs,
    hash: f.hash,
    meta: { title: f.title, date: f.date, url: f.url, author: f.author },
    warnings: f.warnings,
    passages: f.passages,
    facts: extractFacts(f.passages, f.date),
  };
  if (f.pageStarts) entry.pageStarts = f.pageStarts;
  return entry;
}

/** Indexes every readable file under `root` (no cache). */
export function buildCorpus(root: string, opts: LoadOptions = {}): Corpus {
  const warnings: string[] = [];
  const onWarning = (w: string): void => {
    warnings.push(w);
    opts.onWarning?.(w);
  };
  const entries = listKnowledgeFiles(root, { onWarning }).map((f) => extractEntry(f, { ...opts, onWarning }));
  return assembleCorpus(
    root,
    entries.filter((e): e is DocEntry => e !== null),
    warnings,
  );
}
