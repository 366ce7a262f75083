// Entries on their way into the cache while a folder is indexed: held a batch at a time (a setting,
// not the corpus size), then written to the cache file and added to the search index being built,
// and let go. At the end the cache is committed and read back, so the engine starts from exactly
// what a later cold start will load.
import type { DocEntry } from "../corpus-assemble.js";
import { type CacheRead, CacheWriter } from "./cache.js";
import { SearchIndexBuilder } from "./search-index.js";

/** Bytes of source files whose entries are held before they go to the cache, unless INDEX_BATCH_MB says otherwise. */
export const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** The INDEX_BATCH_MB setting in bytes (a whole number of MB from 1), or the default. */
export function batchBytes(setting: string | undefined = process.env.INDEX_BATCH_MB, onLog?: (message: string) => void): number {
  if (setting === undefined || setting.trim() === "") return DEFAULT_BATCH_BYTES;
  const n = /^\d{1,5}$/.test(setting.trim()) ? Number(setting.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    onLog?.(`INDEX_BATCH_MB must be a whole number of megabytes from 1; using ${DEFAULT_BATCH_BYTES / 1048576}`);
    return DEFAULT_BATCH_BYTES;
  }
  return n * 1024 * 1024;
}

export class CacheStream {
  private readonly writer: CacheWriter;
  private index: SearchIndexBuilder | null = new SearchIndexBuilder();
  private held: DocEntry[] = [];
  private heldBytes = 0;
  private passages = 0;
  /** Every entry's file and hash, in order, to check what is read back. */
  readonly written: Array<{ file: string; hash: string }> = [];

  constructor(
    path: string,
    root: string,
    private readonly batch: number,
  ) {
    this.writer = new CacheWriter(path, root);
  }

  /** The next entry in corpus order. */
  add(e: DocEntry): void {
    this.held.push(e);
    this.heldBytes += e.bytes;
    if (this.heldBytes >= this.batch) this.flush();
  }

  /** Writes and indexes the held entries and lets them go. */
  flush(): void {
    for (const e of this.held) {
      this.writer.entry(e);
      const index = this.index!;
      for (const p of e.passages) index.addPassage(this.passages++, p.text, e.meta.title);
      index.addTitle(e.meta.title);
      this.written.push({ file: e.file, hash: e.hash });
    }
    this.held = [];
    this.heldBytes = 0;
  }

  /** Commits the cache and returns it as read back from the file. */
  commit(): CacheRead {
    try {
      this.flush();
    } catch (e) {
      this.writer.abort();
      throw e;
    }
    // The builder and the saved index are let go before the cache is read back.
    return this.writer.commit(() => {
      const stored = this.index!.finish().toStored();
      this.index = null;
      return stored;
    }, true)!;
  }

  abort(): void {
    this.writer.abort();
  }
}
