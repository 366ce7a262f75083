// The answering engine: a store (search backend + facts) and one method per command. No Discord,
// no I/O. The answers themselves (answer/*) see only the store interfaces, never this class.
import { buildCorpus } from "../corpus.js";
import type { LoadOptions } from "../knowledge/load.js";
import { SearchIndex } from "../index/search-index.js";
import { EmbeddedStore } from "../store/embedded/store.js";
import type { FactStore, SearchBackend } from "../store/types.js";
import type { Corpus, Passage } from "../types.js";
import { type AnswerContext, type AnswerOptions, DEFAULT_LIMIT } from "../answer/context.js";
import { answerSearch } from "../answer/search.js";
import { answerSources } from "../answer/sources.js";
import { answerStance } from "../answer/stance.js";
import type { TimelineAnswer } from "../answer/timeline.js";
import { answerTimelineIn } from "../answer/timeline-facts.js";
import type { SearchAnswer, SourcesAnswer, StanceAnswer, WhenAnswer, WhoSaidAnswer } from "../answer/types.js";
import { answerWhen } from "../answer/when.js";
import { answerWhoSaid } from "../answer/who-said.js";

export type EngineOptions = AnswerOptions;

export class Engine implements AnswerContext {
  readonly store: EmbeddedStore;

  constructor(
    readonly corpus: Corpus,
    readonly index: SearchIndex,
    readonly options: EngineOptions = {},
  ) {
    this.store = new EmbeddedStore(corpus, index);
  }

  static fromFolder(root: string, options: EngineOptions & LoadOptions = {}): Engine {
    const corpus = buildCorpus(root, options);
    return new Engine(corpus, SearchIndex.build(corpus), options);
  }

  get backend(): SearchBackend {
    return this.store;
  }

  get facts(): FactStore {
    return this.store;
  }

  passage(id: number): Passage {
    return this.corpus.passages[id]!;
  }

  get limit(): number {
    return this.options.limit ?? DEFAULT_LIMIT;
  }

  // `limit` caps the results of one answer (default: the engine's); the first ones never change.
  whoSaid(query: unknown, limit = this.limit): Promise<WhoSaidAnswer> {
    return answerWhoSaid(this, query, limit);
  }

  when(query: unknown, limit = this.limit): Promise<WhenAnswer> {
    return answerWhen(this, query, limit);
  }

  stance(actor: unknown, topic?: unknown, limit = this.limit): Promise<StanceAnswer> {
    return answerStance(this, actor, topic, limit);
  }

  search(query: unknown, limit = this.limit): Promise<SearchAnswer> {
    return answerSearch(this, query, limit);
  }

  /** The dated facts about an actor and/or a topic, in time order (either may be absent). */
  timeline(actor: unknown, topic?: unknown, limit = this.limit): Promise<TimelineAnswer> {
    return answerTimelineIn(this, actor, topic, limit);
  }

  sources(): Promise<SourcesAnswer> {
    return answerSources(this);
  }
}
