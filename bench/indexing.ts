// Indexing from nothing in this process: loadEngine with an empty cache dir (extraction, index,
// cache write), then its two last steps timed again on their own — the MiniSearch build and the
// cache write — so the time can be split between extraction, index and persistence.
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { cachePath, writeCache } from "../src/index/cache.js";
import { type Loaded, loadEngine } from "../src/runtime/load-engine.js";
import { SearchIndex } from "../src/index/search-index.js";
import { timed } from "./stats.js";

export interface Indexing {
  loaded: Loaded;
  /** loadEngine from nothing, cache write included. */
  withCacheWriteMs: number;
  /** SearchIndex.build on the same corpus (MiniSearch over passages and quotes, vocabulary). */
  indexBuildMs: number;
  /** Serializing the index and writing the cache file. */
  cacheWriteMs: number;
  cacheBytes: number;
}

export function measureIndexing(knowledge: string, cacheDir: string): Indexing {
  rmSync(cacheDir, { recursive: true, force: true });
  const load = timed(() => loadEngine(knowledge, { cacheDir, onWarning: () => {}, onLog: () => {} }));
  const loaded = load.value;
  if (!loaded.stats.cacheWritten) throw new Error("loadEngine did not write its cache");
  const cacheBytes = statSync(cachePath(cacheDir, knowledge)).size;
  const build = timed(() => SearchIndex.build(loaded.engine.corpus));
  // The same write loadEngine makes, to a throwaway file beside the real one.
  const scratch = join(cacheDir, "scratch", "index.json");
  const write = timed(() => writeCache(scratch, knowledge, loaded.entries, loaded.engine.index.toStored()));
  rmSync(join(cacheDir, "scratch"), { recursive: true, force: true });
  return { loaded, withCacheWriteMs: load.ms, indexBuildMs: build.ms, cacheWriteMs: write.ms, cacheBytes };
}
