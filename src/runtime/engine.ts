// The embedded engine: the corpus and its MiniSearch index in memory, answered through the
// embedded store. The answering methods are the Answerer's, the same over any store.
import { buildCorpus } from "../corpus.js";
import type { LoadOptions } from "../knowledge/load.js";
import { SearchIndex } from "../index/search-index.js";
import { EmbeddedStore } from "../store/embedded/store.js";
import type { Corpus, Passage } from "../types.js";
import type { AnswerOptions } from "../answer/context.js";
import { Answerer } from "./answerer.js";

export type EngineOptions = AnswerOptions;

export class Engine extends Answerer {
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

  static fromFolder(root: string, options: EngineOptions & LoadOptions = {}): Engine {
    const corpus = buildCorpus(root, options);
    return new Engine(corpus, SearchIndex.build(corpus), options);
  }

  passage(id: number): Passage {
    return this.corpus.passages[id]!;
  }
}
