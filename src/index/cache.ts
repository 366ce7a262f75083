// The persisted index: every document's extracted facts plus the MiniSearch index, in one file
// per knowledge folder. Written atomically (temp file + rename), so a crash mid-write leaves the
// old cache or none; a cache that is unreadable or from another version is discarded.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXTRACTOR_VERSION, type DocEntry } from "../corpus.js";
import type { SerializedIndex } from "./search-index.js";

/** Bumped when the cache layout changes. */
export const CACHE_FORMAT = 5;

/**
 * A fingerprint of the code that turns files into facts (readers, extractors, lexicons): a cache
 * made by other code is never reused, even when nobody remembered to bump EXTRACTOR_VERSION.
 */
export function extractorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const src = join(dirname(fileURLToPath(import.meta.url)), "..");
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

export interface CacheData {
  format: number;
  extractor: number;
  /** extractorFingerprint() of the code that wrote it. */
  code: string;
  root: string;
  entries: DocEntry[];
  /** The search index of exactly these entries, in this order. */
  index: SerializedIndex;
}

/** What is saved for a folder: its entries and their search index, stamped with this code. */
export function cacheData(root: string, entries: DocEntry[], index: SerializedIndex): CacheData {
  return { format: CACHE_FORMAT, extractor: EXTRACTOR_VERSION, code: extractorFingerprint(), root: resolve(root), entries: entries.map(pack), index };
}

// A quotation's words are a slice of its passage: saved as offsets only, restored on load
// (a third of the cache's size, and of its parse time, at 100k passages).
function pack(e: DocEntry): DocEntry {
  return { ...e, facts: { ...e.facts, quotes: e.facts.quotes.map((q) => ({ ...q, text: "" })) } };
}

function unpack(e: DocEntry): DocEntry {
  for (const q of e.facts.quotes) if (!q.text) q.text = e.passages[q.passage]?.text.slice(q.start, q.end) ?? "";
  return e;
}

export function cachePath(cacheDir: string, root: string): string {
  const key = createHash("sha256").update(resolve(root)).digest("hex").slice(0, 16);
  return join(cacheDir, `index-${key}.json`);
}

export type CacheRead = { ok: true; data: CacheData } | { ok: false; reason: string | null };

/** Reads a cache file; reason is null when there is simply none yet. */
export function readCache(path: string, root: string): CacheRead {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    return { ok: false, reason: null };
  }
  let data: CacheData;
  try {
    data = JSON.parse(raw) as CacheData;
  } catch {
    return { ok: false, reason: "the index cache is corrupt; rebuilding it" };
  }
  if (!data || typeof data !== "object" || data.format !== CACHE_FORMAT || data.extractor !== EXTRACTOR_VERSION || data.code !== extractorFingerprint()) {
    return { ok: false, reason: "the index cache is from another version; rebuilding it" };
  }
  if (data.root !== resolve(root) || !Array.isArray(data.entries) || !data.index || typeof data.index.passages !== "object" || !Array.isArray(data.index.df)) {
    return { ok: false, reason: "the index cache does not match this folder; rebuilding it" };
  }
  data.entries.forEach(unpack);
  return { ok: true, data };
}

/** Writes the cache atomically: a temp file in the same folder, then a rename over the old one. */
export function writeCache(path: string, data: CacheData): void {
  mkdirSync(join(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
