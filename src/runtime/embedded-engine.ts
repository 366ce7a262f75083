// The embedded engine: the corpus and its search index in memory, answered through the embedded
// store. The answering methods are the Answerer's, the same over any store. No extraction code is
// imported here: a start from the cache builds this alone (engine.ts adds building from a folder).
import type { SearchIndex } from "../index/search-index.js";
import { EmbeddedStore } from "../store/embedded/store.js";
import type { Corpus, Passage } from "../types.js";
import type { AnswerOptions } from "../answer/context.js";
import { Answerer } from "./answerer.js";

export type EngineOptions = AnswerOptions;

export class EmbeddedEngine extends Answerer {
  declare readonly store: EmbeddedStore;

  constructor(corpus: Corpus, index: SearchIndex, options: EngineOptions = {}) {
    super(new EmbeddedStore(corpus, index), options);
  }

  /** The corpus answered from (the store's: a replace swaps it). */
  get corpus(): Corpus {
    return this.store.corpus;
  }

  get index(): SearchIndex {
    return this.store.index;
  }

  passage(id: number): Passage {
    return this.corpus.passages[id]!;
  }
}
