// Everything measured for one corpus size, in the order that keeps the figures honest: the
// fresh-process load from nothing first (nothing cached anywhere), then indexing here (which writes
// the cache), then the fresh-process load from that cache, memory, latency and accuracy.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Accuracy, measureAccuracy } from "./accuracy.js";
import { ensureCorpus } from "./generate.js";
import { measureIndexing } from "./indexing.js";
import { type Latency, measureLatency } from "./latency.js";
import { type ChildRun, type LoadResult, type MiniSearchResult, runChild } from "./procs.js";
import { timed } from "./stats.js";
import { buildWorkload } from "./workload.js";

export interface SizeOptions {
  passages: number;
  seed: string;
  queries: number;
  root: string;
  keyPerKind: number;
  log: (message: string) => void;
}

export interface SizeResult {
  passagesTarget: number;
  corpus: {
    dir: string;
    reused: boolean;
    generationMs: number;
    documents: number;
    /** Passages as the engine cut them (the generator counts article paragraphs). */
    passages: number;
    paragraphsWritten: number;
    bytes: number;
    formats: Record<string, number>;
    undated: number;
    distinctWords: number;
    quotes: number;
    times: number;
    stances: number;
    key: { whoSaid: number; when: number; stance: number };
  };
  indexing: {
    withCacheWriteMs: number;
    withoutCacheWriteMs: number;
    indexBuildMs: number;
    cacheWriteMs: number;
    cacheMB: number;
    mbPerSec: number;
    mbPerSecWithoutCacheWrite: number;
  };
  coldStart: { fromCache: ChildRun<LoadResult>; fromNothing: ChildRun<LoadResult> };
  minisearchOnly: ChildRun<MiniSearchResult>;
  latency: Latency;
  accuracy: Accuracy;
}

export async function measureSize(o: SizeOptions): Promise<SizeResult> {
  const log = (m: string): void => o.log(`[${o.passages}] ${m}`);
  log("corpus…");
  const gen = timed(() => ensureCorpus({ passages: o.passages, seed: o.seed, root: o.root, keyPerKind: o.keyPerKind }));
  const g = gen.value;
  log(
    `${g.reused ? "reused" : "generated"} ${g.manifest.documents} documents, ${(g.manifest.bytes / 1048576).toFixed(1)} MB in ${(gen.ms / 1000).toFixed(1)} s`,
  );
  const cacheDir = join(g.dir, "engine-cache");
  rmSync(cacheDir, { recursive: true, force: true });

  log("cold start from nothing (fresh process, no cache)…");
  const fromNothing = runChild<LoadResult>(["load", "--root", g.knowledge, "--cache", "none"]);

  log("indexing from nothing with cache write…");
  const ix = measureIndexing(g.knowledge, cacheDir);
  const engine = ix.loaded.engine;
  const mb = g.manifest.bytes / 1048576;

  log("cold start from the cache (fresh process)…");
  const fromCache = runChild<LoadResult>(["load", "--root", g.knowledge, "--cache", cacheDir]);

  log("MiniSearch alone (fresh process)…");
  const docsPath = join(g.dir, "passage-docs.json");
  writeFileSync(docsPath, JSON.stringify(engine.corpus.passages.map((p) => ({ id: p.id, text: p.text, title: engine.corpus.documents[p.docId]!.title }))));
  const minisearchOnly = runChild<MiniSearchResult>(["minisearch", "--docs", docsPath]);
  rmSync(docsPath, { force: true });

  log(`latency over ${o.queries} queries…`);
  const latency = await measureLatency(engine, buildWorkload(g.key, o.queries, o.seed));

  log(`accuracy on ${g.key.whoSaid.length + g.key.when.length + g.key.stance.length} key questions…`);
  const accuracy = await measureAccuracy(engine, g.key);

  const c = engine.corpus;
  return {
    passagesTarget: o.passages,
    corpus: {
      dir: g.dir,
      reused: g.reused,
      generationMs: gen.ms,
      documents: c.documents.length,
      passages: c.passages.length,
      paragraphsWritten: g.manifest.paragraphs,
      bytes: g.manifest.bytes,
      formats: g.manifest.formats,
      undated: g.manifest.undated,
      distinctWords: g.manifest.distinctWords,
      quotes: c.quotes.length,
      times: c.times.length,
      stances: c.stances.length,
      key: { whoSaid: g.key.whoSaid.length, when: g.key.when.length, stance: g.key.stance.length },
    },
    indexing: {
      withCacheWriteMs: ix.withCacheWriteMs,
      withoutCacheWriteMs: fromNothing.result.loadMs,
      indexBuildMs: ix.indexBuildMs,
      cacheWriteMs: ix.cacheWriteMs,
      cacheMB: ix.cacheBytes / 1048576,
      mbPerSec: mb / (ix.withCacheWriteMs / 1000),
      mbPerSecWithoutCacheWrite: mb / (fromNothing.result.loadMs / 1000),
    },
    coldStart: { fromCache, fromNothing },
    minisearchOnly,
    latency,
    accuracy,
  };
}
