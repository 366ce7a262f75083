// The answering engine: a corpus and its index, and one method per command. No Discord, no I/O.
import { buildCorpus } from "../corpus.js";
import type { LoadOptions } from "../knowledge/load.js";
import { SearchIndex } from "../index/search-index.js";
import type { Corpus, Passage, Quote, StanceFact, TimeExpression } from "../types.js";
import type { CitationOptions } from "./citation.js";
import { makeQuery } from "./match.js";
import { type Checked, checkQuery } from "./validate.js";
import { answerSearch } from "./search.js";
import { answerSources } from "./sources.js";
import { answerStance } from "./stance.js";
import { answerTimeline, type TimelineAnswer, type TimelineFacts } from "./timeline.js";
import type { SearchAnswer, SourcesAnswer, StanceAnswer, WhenAnswer, WhoSaidAnswer } from "./types.js";
import { answerWhen } from "./when.js";
import { answerWhoSaid } from "./who-said.js";

export interface EngineOptions extends CitationOptions {
  /** How many results an answer carries at most. */
  limit?: number;
}

export class Engine {
  readonly quotesByPassage = new Map<number, Quote[]>();
  readonly timesByPassage = new Map<number, TimeExpression[]>();
  /** Stance facts by actor key: the stance answer looks up actors, never scans every fact. */
  readonly stancesByActor = new Map<string, StanceFact[]>();
  private actorWords: Map<string, Set<string>> | null = null;

  constructor(
    readonly corpus: Corpus,
    readonly index: SearchIndex,
    readonly options: EngineOptions = {},
  ) {
    for (const q of corpus.quotes) push(this.quotesByPassage, q.passageId, q);
    for (const t of corpus.times) push(this.timesByPassage, t.passageId, t);
    for (const s of corpus.stances) push(this.stancesByActor, s.actor, s);
  }

  static fromFolder(root: string, options: EngineOptions & LoadOptions = {}): Engine {
    const corpus = buildCorpus(root, options);
    return new Engine(corpus, SearchIndex.build(corpus), options);
  }

  passage(id: number): Passage {
    return this.corpus.passages[id]!;
  }

  get limit(): number {
    return this.options.limit ?? 5;
  }

  // `limit` caps the results of one answer (default: the engine's); the first ones never change.
  whoSaid(query: unknown, limit = this.limit): WhoSaidAnswer {
    return answerWhoSaid(this, query, limit);
  }

  when(query: unknown, limit = this.limit): WhenAnswer {
    return answerWhen(this, query, limit);
  }

  stance(actor: unknown, topic?: unknown, limit = this.limit): StanceAnswer {
    return answerStance(this, actor, topic, limit);
  }

  search(query: unknown, limit = this.limit): SearchAnswer {
    return answerSearch(this, query, limit);
  }

  /** The dated facts about an actor and/or a topic, in time order (either may be absent). */
  timeline(actor: unknown, topic?: unknown, limit = this.limit): TimelineAnswer {
    return answerTimeline(this.timelineFacts(), actor, topic, limit);
  }

  private timelineFacts(): TimelineFacts {
    const { corpus, index } = this;
    return {
      documents: corpus.documents,
      passage: (id) => this.passage(id),
      quotes: corpus.quotes,
      stances: corpus.stances,
      timesIn: (id) => this.timesByPassage.get(id) ?? [],
      passagesAbout: (words) => index.searchPassages(words).map((r) => r.id as number),
      citation: this.options,
    };
  }

  sources(): SourcesAnswer {
    return answerSources(this);
  }

  /**
   * A query checked (length, emptiness) and spell-corrected against the corpus' own words, so
   * "groundles accusatons" finds "groundless accusations".
   */
  check(input: unknown, what: string): Checked & { corrected?: string; typed?: string } {
    const checked = checkQuery(input, what);
    if (!checked.ok) return checked;
    const corrected = this.index.vocabulary.correct(checked.text);
    if (!corrected) return checked;
    return { ok: true, text: corrected, query: makeQuery(corrected), corrected, typed: checked.text };
  }

  /**
   * Actor keys (of stance facts) and known actor names that share a word with `name`: the few that
   * can match it, found without going through every actor of a large corpus.
   */
  actorsSharingWord(name: string): Set<string> {
    if (!this.actorWords) {
      this.actorWords = new Map();
      const add = (key: string): void => {
        for (const w of key.split(/\s+/)) if (w) addTo(this.actorWords!, w, key);
      };
      for (const key of this.stancesByActor.keys()) add(key);
      for (const key of this.corpus.actors.keys()) add(key);
    }
    const out = new Set<string>();
    for (const w of name.toLowerCase().replace(/\./g, "").split(/\s+/)) for (const k of this.actorWords.get(w) ?? []) out.add(k);
    return out;
  }

  /** Words from the corpus close to the query, for "did you mean". */
  suggest(query: string): string[] {
    try {
      return this.index.suggest(query);
    } catch {
      return [];
    }
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const set = m.get(k);
  if (set) set.add(v);
  else m.set(k, new Set([v]));
}
