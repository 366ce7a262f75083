// The embedded engine (embedded-engine.ts), plus building one straight from a folder without a
// cache (tests, scripts): that loads the extractors, which a start from the cache never needs.
import { buildCorpus } from "../corpus.js";
import type { LoadOptions } from "../knowledge/load.js";
import { SearchIndex } from "../index/search-index.js";
import { EmbeddedEngine, type EngineOptions } from "./embedded-engine.js";

export type { EngineOptions };

export class Engine extends EmbeddedEngine {
  static fromFolder(root: string, options: EngineOptions & LoadOptions = {}): Engine {
    const corpus = buildCorpus(root, options);
    return new Engine(corpus, SearchIndex.build(corpus), options);
  }
}
