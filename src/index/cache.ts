// The persisted index: every document's extracted facts plus the MiniSearch index, in one file
// per knowledge folder. Written atomically (temp file + rename), so a crash mid-write leaves the
// old cache or none; a cache that is unreadable or from another version is discarded.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXTRACTOR_VERSION, type DocEntry } from "../corpus.js";
import type { SerializedIndex } from "./search-index.js";

/** Bumped when the cache layout changes. */
export const CACHE_FORMAT = 1;

export interface CacheData {
  format: number;
  extractor: number;
  root: string;
  entries: DocEntry[];
  /** The search index of exactly these entries, in this order. */
  index: SerializedIndex;
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
  if (!data || typeof data !== "object" || data.format !== CACHE_FORMAT || data.extractor !== EXTRACTOR_VERSION) {
    return { ok: false, reason: "the index cache is from another version; rebuilding it" };
  }
  if (data.root !== resolve(root) || !Array.isArray(data.entries) || !data.index || typeof data.index.passages !== "string") {
    return { ok: false, reason: "the index cache does not match this folder; rebuilding it" };
  }
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
