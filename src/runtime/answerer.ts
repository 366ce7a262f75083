// One method per command over any store (embedded or PostgreSQL). No Discord, no I/O of its own:
// the answers (answer/*) see only the store's two interfaces, never this class.
import { type AnswerContext, type AnswerOptions, DEFAULT_LIMIT } from "../answer/context.js";
import { answerSearch } from "../answer/search.js";
import { answerSources } from "../answer/sources.js";
import { answerStance } from "../answer/stance.js";
import type { TimelineAnswer } from "../answer/timeline.js";
import { answerTimelineIn } from "../answer/timeline-facts.js";
import type { SearchAnswer, SourcesAnswer, StanceAnswer, WhenAnswer, WhoSaidAnswer } from "../answer/types.js";
import { answerWhen } from "../answer/when.js";
import { answerWhoSaid } from "../answer/who-said.js";
import type { FactStore, SearchBackend, Store } from "../store/types.js";

export class Answerer implements AnswerContext {
  constructor(
    readonly store: Store,
    readonly options: AnswerOptions = {},
  ) {}

  get backend(): SearchBackend {
    return this.store;
  }

  get facts(): FactStore {
    return this.store;
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
