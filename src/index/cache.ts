// The persisted index: every document's extracted facts plus the search index, in one file per
// knowledge folder. The file is a row of sections (the entries as JSON in chunks of about a
// megabyte, the index as flat typed arrays and word lists) followed by a footer that says where each
// one is: a load reads the footer, then exactly the sections it needs, each straight into its own
// array — no parsing of the index — and the entries a chunk at a time (never the whole text at once).
// The JSON is written in ASCII (other characters as \u escapes), so it is read as one-byte text
// without UTF-8 decoding.
// Written as it goes (entries one by one, then the index) to a temp file renamed over the old one,
// so a crash mid-write leaves the old cache or none; a cache that is unreadable or from another
// version (older JSON caches included) is discarded and rebuilt.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXTRACTOR_VERSION, type DocEntry } from "../corpus-assemble.js";
import type { CompactIndex } from "./compact-index.js";
import type { StoredIndex } from "./search-index.js";

/** Bumped when the cache layout changes. */
export const CACHE_FORMAT = 6;

/** The file's last bytes: the footer's length (u32) then this mark. */
const MAGIC = Buffer.from("EVIDCACH", "latin1");
const TRAILER = 4 + MAGIC.length;

/**
 * A fingerprint of the code that turns files into facts (readers, extractors, lexicons): a cache
 * made by other code is never reused, even when nobody remembered to bump EXTRACTOR_VERSION.
 */
export function extractorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const src = sourceDir();
  const h = createHash("sha256").update(String(EXTRACTOR_VERSION));
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js|mjs|json)$/.test(name)) h.update(name).update(readFileSync(path));
    }
  };
  for (const part of ["knowledge", "extract", "text", "corpus.ts"]) {
    const path = join(src, part);
    try {
      if (statSync(path).isDirectory()) walk(path);
      else h.update(part).update(readFileSync(path));
    } catch {
      // a missing part changes nothing
    }
  }
  fingerprint = h.digest("hex").slice(0, 16);
  return fingerprint;
}
let fingerprint: string | null = null;

/**
 * The TypeScript sources: beside this module when run from them (tsx), else those the compiled copy
 * was made from (scripts/run.mjs notes them), so both ways of running share one cache.
 */
function sourceDir(): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), "..");
  if (import.meta.url.endsWith(".ts")) return here;
  try {
    const { src } = JSON.parse(readFileSync(join(here, "..", "source.json"), "utf8")) as { src?: unknown };
    if (typeof src === "string") return src;
  } catch {
    // compiled some other way: the fingerprint is the compiled code's
  }
  return here;
}

export interface CacheData {
  format: number;
  extractor: number;
  /** extractorFingerprint() of the code that wrote it. */
  code: string;
  root: string;
  entries: DocEntry[];
  /** The search index of exactly these entries, in this order. */
  index: StoredIndex;
}

/** What the footer says. */
interface Footer {
  format: number;
  extractor: number;
  code: string;
  root: string;
  endian: string;
  /** name → [offset, bytes]. */
  sections: Record<string, [number, number]>;
  /** The entries: [offset, bytes] of each chunk, a JSON array of entries. */
  entries: Array<[number, number]>;
  /** Lengths of the string lists (an empty list and a list of one empty string look alike joined). */
  lists: Record<string, number>;
  index: Omit<CompactIndex, "terms" | "offsets" | "postings" | "freqs" | "ids" | "fieldLengths">;
}

// A quotation's words are a slice of its passage: saved as offsets only, restored on load
// (a third of the entries' size, and of their parse time).
function pack(e: DocEntry): DocEntry {
  return { ...e, facts: { ...e.facts, quotes: e.facts.quotes.map((q) => ({ ...q, text: "" })) } };
}

function unpack(e: DocEntry): DocEntry {
  for (const q of e.facts.quotes) if (!q.text) q.text = e.passages[q.passage]?.text.slice(q.start, q.end) ?? "";
  return e;
}

export function cachePath(cacheDir: string, root: string): string {
  const key = createHash("sha256").update(resolve(root)).digest("hex").slice(0, 16);
  return join(cacheDir, `index-${key}.cache`);
}

/** Where caches before format 6 (one JSON document) lived: removed when a new one is written. */
function legacyPath(path: string): string {
  return path.replace(/\.cache$/, ".json");
}

/** Entries are written in JSON arrays of about this many bytes, read one at a time. */
const CHUNK_BYTES = 1 << 20;

/** JSON text in ASCII: every other character as its \u escape (JSON.parse reads them back). */
function ascii(json: string): string {
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

export type CacheRead = { ok: true; data: CacheData } | { ok: false; reason: string | null };

const CORRUPT = "the index cache is corrupt; rebuilding it";
const OTHER_VERSION = "the index cache is from another version; rebuilding it";

class CacheError extends Error {}

/** Reads a cache file; reason is null when there is simply none yet. */
export function readCache(path: string, root: string): CacheRead {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return { ok: false, reason: null };
  }
  try {
    const size = fstatSync(fd).size;
    const read = (offset: number, bytes: number, into?: Uint8Array): Buffer => {
      if (offset < 0 || bytes < 0 || offset + bytes > size) throw new CacheError(CORRUPT);
      const buf = into ?? Buffer.allocUnsafe(bytes);
      let done = 0;
      while (done < bytes) {
        const n = readSync(fd, buf, done, bytes - done, offset + done);
        if (n <= 0) throw new CacheError(CORRUPT);
        done += n;
      }
      return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    };
    if (size >= 1 && read(0, 1).toString("latin1") === "{") return { ok: false, reason: OTHER_VERSION }; // a JSON cache (format ≤ 5)
    if (size < TRAILER) return { ok: false, reason: CORRUPT };
    const trailer = read(size - TRAILER, TRAILER);
    if (!trailer.subarray(4).equals(MAGIC)) return { ok: false, reason: CORRUPT };
    const footerBytes = trailer.readUInt32LE(0);
    let footer: Footer;
    try {
      footer = JSON.parse(read(size - TRAILER - footerBytes, footerBytes).toString("utf8")) as Footer;
    } catch (e) {
      if (e instanceof CacheError) throw e;
      return { ok: false, reason: CORRUPT };
    }
    if (
      !footer ||
      typeof footer !== "object" ||
      footer.format !== CACHE_FORMAT ||
      footer.extractor !== EXTRACTOR_VERSION ||
      footer.code !== extractorFingerprint() ||
      footer.endian !== endianness()
    ) {
      return { ok: false, reason: OTHER_VERSION };
    }
    if (footer.root !== resolve(root)) return { ok: false, reason: "the index cache does not match this folder; rebuilding it" };
    const section = (name: string): [number, number] => {
      const s = footer.sections?.[name];
      if (!Array.isArray(s)) throw new CacheError(CORRUPT);
      return s;
    };
    const text = (name: string): string => {
      const [offset, bytes] = section(name);
      return read(offset, bytes).toString("utf8");
    };
    const list = (name: string): string[] => {
      const s = text(name);
      return footer.lists?.[name] ? s.split("\u0000") : [];
    };
    const ints = <T extends Int32Array | Uint32Array>(name: string, Kind: new (n: number) => T): T => {
      const [offset, bytes] = section(name);
      if (bytes % 4) throw new CacheError(CORRUPT);
      const out = new Kind(bytes / 4);
      read(offset, bytes, new Uint8Array(out.buffer));
      return out;
    };
    if (!Array.isArray(footer.entries)) return { ok: false, reason: CORRUPT };
    const entries: DocEntry[] = [];
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES * 2);
    for (const at of footer.entries) {
      if (!Array.isArray(at) || at.length !== 2) return { ok: false, reason: CORRUPT };
      if (at[1] > chunk.length) chunk = Buffer.allocUnsafe(at[1]);
      let part: unknown;
      try {
        part = JSON.parse(read(at[0], at[1], chunk).toString("latin1", 0, at[1]));
      } catch (e) {
        if (e instanceof CacheError) throw e;
        return { ok: false, reason: CORRUPT };
      }
      if (!Array.isArray(part)) return { ok: false, reason: CORRUPT };
      for (const e of part as DocEntry[]) entries.push(e);
    }
    const passages: CompactIndex = {
      ...footer.index,
      terms: list("terms"),
      offsets: ints("offsets", Uint32Array),
      postings: ints("postings", Int32Array),
      freqs: ints("freqs", Int32Array),
      ids: ints("ids", Int32Array),
      fieldLengths: ints("fieldLengths", Int32Array),
    };
    const index: StoredIndex = {
      passages,
      words: list("words"),
      wordCounts: ints("wordCounts", Uint32Array),
      stems: list("stems"),
      stemCounts: ints("stemCounts", Uint32Array),
    };
    entries.forEach(unpack);
    return { ok: true, data: { format: footer.format, extractor: footer.extractor, code: footer.code, root: footer.root, entries, index } };
  } catch (e) {
    if (e instanceof CacheError) return { ok: false, reason: e.message };
    throw e;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a cache as it goes: open, add the entries one by one (in order), then commit with their
 * index — it goes to a temp file in the same folder, renamed over the old cache at the end. Only a
 * small buffer is held, never the whole file.
 */
export class CacheWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private pos = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly sections: Record<string, [number, number]> = {};
  /** The chunks of entries written so far, and where the open one starts (-1: none open). */
  private readonly chunks: Array<[number, number]> = [];
  private chunkStart = -1;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly root: string,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    this.fd = openSync(this.tmp, "w");
  }

  /** The next document's entry, in corpus order. */
  entry(e: DocEntry): void {
    const open = this.chunkStart >= 0;
    if (!open) this.chunkStart = this.pos;
    this.put(Buffer.from(`${open ? "," : "["}${ascii(JSON.stringify(pack(e)))}`, "latin1"));
    if (this.pos - this.chunkStart >= this.chunkBytes) this.closeChunk();
  }

  private closeChunk(): void {
    if (this.chunkStart < 0) return;
    this.put(Buffer.from("]", "latin1"));
    this.chunks.push([this.chunkStart, this.pos - this.chunkStart]);
    this.chunkStart = -1;
  }

  /**
   * Writes the index after the entries, the footer, and renames the file into place. With
   * `readBack`, returns the cache as read from the written file before the rename (so no other
   * process' cache can come in between): what a cold start would load.
   */
  commit(index: StoredIndex | (() => StoredIndex), readBack = false): CacheRead | null {
    let read: CacheRead | null = null;
    try {
      // Written in its own call, so the index (made here when given as a function) is let go before the read-back.
      this.writeRest(index);
      if (readBack) read = readCache(this.tmp, this.root);
      renameSync(this.tmp, this.path);
      rmSync(legacyPath(this.path), { force: true });
    } catch (e) {
      this.abort();
      throw e;
    }
    return read;
  }

  private writeRest(make: StoredIndex | (() => StoredIndex)): void {
    const index = typeof make === "function" ? make() : make;
    this.closeChunk();
    const lists: Record<string, number> = {};
    const strings = (name: string, list: string[]): void => {
      lists[name] = list.length;
      this.section(name, Buffer.from(list.join("\u0000"), "utf8"));
    };
    const c = index.passages;
    strings("terms", c.terms);
    for (const [name, arr] of [
      ["offsets", c.offsets],
      ["postings", c.postings],
      ["freqs", c.freqs],
      ["ids", c.ids],
      ["fieldLengths", c.fieldLengths],
    ] as const)
      this.section(name, arr);
    strings("words", index.words);
    this.section("wordCounts", Uint32Array.from(index.wordCounts));
    strings("stems", index.stems);
    this.section("stemCounts", Uint32Array.from(index.stemCounts));
    const { terms: _t, offsets: _o, postings: _p, freqs: _f, ids: _i, fieldLengths: _l, ...scalars } = c;
    const footer: Footer = {
      format: CACHE_FORMAT,
      extractor: EXTRACTOR_VERSION,
      code: extractorFingerprint(),
      root: resolve(this.root),
      endian: endianness(),
      sections: this.sections,
      entries: this.chunks,
      lists,
      index: scalars,
    };
    const json = Buffer.from(JSON.stringify(footer), "utf8");
    this.put(json);
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeUInt32LE(json.length, 0);
    MAGIC.copy(trailer, 4);
    this.put(trailer);
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
  }

  /** Drops the temp file (a failed or abandoned write). */
  abort(): void {
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tmp, { force: true });
  }

  private section(name: string, data: Uint8Array | Int32Array | Uint32Array): void {
    // Typed arrays start on a multiple of 8, as a reader mapping the file would want.
    const pad = (8 - (this.pos % 8)) % 8;
    if (pad) this.put(Buffer.alloc(pad));
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.sections[name] = [this.pos, bytes.length];
    this.put(bytes);
  }

  private put(buf: Buffer): void {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.pos += buf.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    for (const buf of this.pending) {
      let done = 0;
      while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Writes a whole cache at once (entries and index in hand). */
export function writeCache(path: string, root: string, entries: DocEntry[], index: StoredIndex, chunkBytes = CHUNK_BYTES): void {
  const w = new CacheWriter(path, root, chunkBytes);
  try {
    for (const e of entries) w.entry(e);
  } catch (e) {
    w.abort();
    throw e;
  }
  w.commit(index);
}
