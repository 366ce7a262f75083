// The embedded store: today's MiniSearch index and the corpus' facts, in memory. Zero set-up; the
// answers see it only through SearchBackend and FactStore.
import { corpusCounts } from "../../corpus-assemble.js";
import SearchableMap from "minisearch/SearchableMap";
import { EVALUATION } from "../../extract/stance.js";
import { SearchIndex } from "../../index/search-index.js";
import { indexTerms } from "../../text/tokenize.js";
import { MIN_TYPO_LENGTH, typoEdits, typosIn } from "../../text/typos.js";
import type { Corpus, DocumentRecord, Quote, StanceFact, TimeExpression } from "../../types.js";
import { actorNameCounts, filterNames, speakerCounts } from "../names.js";
import { factSpan, foundInLists, foundInStems, mayHoldCutWords, termsHeld } from "../topic-words.js";
import type {
  ActorInfo,
  CorpusChange,
  DocumentSummary,
  FactStore,
  NamedCount,
  PassageFacts,
  PassageText,
  SearchBackend,
  SpeakerRole,
  StanceVote,
  StoreStats,
  TopicStance,
  TopicWords,
} from "../types.js";

export class EmbeddedStore implements SearchBackend, FactStore {
  private quotesByPassage = new Map<number, Quote[]>();
  private timesByPassage = new Map<number, TimeExpression[]>();
  /** Stance facts by actor key: the stance answer looks up actors, never scans every fact. */
  private stancesByActor = new Map<string, StanceFact[]>();
  private stancesByPassage: Map<number, StanceFact[]> | null = null;
  /** Each stance fact's place in the corpus' list (StanceVote.ord), made on first use. */
  private stanceOrds: Map<StanceFact, number> | null = null;
  private actorWords: Map<string, Set<string>> | null = null;
  private speakerList: SpeakerRole[] | null = null;
  private quotesBySpeaker: Map<string, Quote[]> | null = null;
  private docsByFile: Map<string, DocumentRecord> | null = null;
  private names: { actors: NamedCount[]; speakers: NamedCount[] } | null = null;
  /** The corpus' stems as a tree, for the ones a typo away from a topic's term (built on first use). */
  private stemTree: SearchableMap<true> | null = null;
  private generation = 1;
  private readonly listeners = new Set<(generation: number) => void>();

  constructor(
    public corpus: Corpus,
    public index: SearchIndex,
  ) {
    this.indexFacts();
  }

  /** The maps every answer needs; the rest are built on first use (and dropped by replace). */
  private indexFacts(): void {
    this.quotesByPassage = new Map();
    this.timesByPassage = new Map();
    this.stancesByActor = new Map();
    for (const q of this.corpus.quotes) push(this.quotesByPassage, q.passageId, q);
    for (const t of this.corpus.times) push(this.timesByPassage, t.passageId, t);
    for (const s of this.corpus.stances) push(this.stancesByActor, s.actor, s);
  }

  // --- SearchBackend

  async candidates(query: string, limit: number): Promise<number[]> {
    return this.index.searchPassages(query, undefined, (id) => this.corpus.passages[id]?.text, limit).map((r) => r.id as number);
  }

  async correct(text: string): Promise<string | null> {
    return this.index.vocabulary.correct(text);
  }

  async suggest(query: string, max?: number): Promise<string[]> {
    try {
      return this.index.suggest(query, max);
    } catch {
      return [];
    }
  }

  // --- FactStore

  async passages(ids: readonly number[]): Promise<PassageFacts[]> {
    return (await this.passageTexts(ids)).map((x) => ({
      ...x,
      quotes: this.quotesByPassage.get(x.passage.id) ?? [],
      times: this.timesByPassage.get(x.passage.id) ?? [],
    }));
  }

  async passageTexts(ids: readonly number[]): Promise<PassageText[]> {
    const out: PassageText[] = [];
    for (const id of ids) {
      const passage = this.corpus.passages[id];
      if (passage) out.push({ passage, document: this.corpus.documents[passage.docId]! });
    }
    return out;
  }

  async stancesByActors(keys: readonly string[], limit = Infinity): Promise<StanceFact[]> {
    const out: StanceFact[] = [];
    for (const k of new Set(keys)) {
      for (const f of this.stancesByActor.get(k) ?? []) {
        if (out.length >= limit) return out;
        out.push(f);
      }
    }
    return out;
  }

  async stanceVotes(keys: readonly string[]): Promise<StanceVote[]> {
    this.stanceOrds ??= new Map(this.corpus.stances.map((f, i) => [f, i]));
    const ords = this.stanceOrds;
    return (await this.stancesByActors(keys)).map((f) => ({
      ord: ords.get(f)!,
      passageId: f.passageId,
      docId: this.corpus.passages[f.passageId]!.docId,
      cueStart: f.cueStart,
      evaluation: f.cueClass === EVALUATION,
      polarity: f.polarity,
      negated: f.negated,
      weight: f.weight,
    }));
  }

  async stancesByOrd(ords: readonly number[]): Promise<Map<number, StanceFact>> {
    return new Map(ords.flatMap((o) => (this.corpus.stances[o] ? [[o, this.corpus.stances[o]] as const] : [])));
  }

  async stancesInPassages(ids: readonly number[]): Promise<StanceFact[]> {
    if (!this.stancesByPassage) {
      this.stancesByPassage = new Map();
      for (const s of this.corpus.stances) push(this.stancesByPassage, s.passageId, s);
    }
    // Facts are extracted passage by passage, so passage order is extraction order.
    return [...new Set(ids)].sort((a, b) => a - b).flatMap((id) => this.stancesByPassage!.get(id) ?? []);
  }

  /** Found through a word → keys map built on first use, never by going through every actor. */
  async actorsSharingWord(name: string, having?: readonly string[]): Promise<string[]> {
    if (!this.actorWords) {
      const words = new Map<string, Set<string>>();
      const add = (key: string): void => {
        for (const w of key.split(/\s+/)) if (w) addTo(words, w, key);
      };
      for (const key of this.stancesByActor.keys()) add(key);
      for (const key of this.corpus.actors.keys()) add(key);
      this.actorWords = words;
    }
    const out = new Set<string>();
    for (const w of name.toLowerCase().replace(/\./g, "").split(/\s+/)) for (const k of this.actorWords.get(w) ?? []) out.add(k);
    if (!having) return [...out];
    const wanted = new Set(having);
    return [...out].filter((k) => k.split(/\s+/).some((w) => wanted.has(w)));
  }

  async actors(keys: readonly string[]): Promise<Map<string, ActorInfo>> {
    const out = new Map<string, ActorInfo>();
    for (const k of keys) {
      const a = this.corpus.actors.get(k);
      if (a) out.set(k, a);
    }
    return out;
  }

  async speakers(): Promise<SpeakerRole[]> {
    this.indexSpeakers();
    return this.speakerList!;
  }

  async quotesBySpeakers(speakers: readonly string[]): Promise<Quote[]> {
    this.indexSpeakers();
    const out = [...new Set(speakers)].flatMap((s) => this.quotesBySpeaker!.get(s) ?? []);
    return out.sort((a, b) => a.id - b.id);
  }

  async documents(): Promise<DocumentSummary[]> {
    const quotes = new Map<number, number>();
    for (const q of this.corpus.quotes)
      if (q.speaker && q.direct) {
        const d = this.corpus.passages[q.passageId]!.docId;
        quotes.set(d, (quotes.get(d) ?? 0) + 1);
      }
    return this.corpus.documents.map((d) => ({ ...d, quotes: quotes.get(d.id) ?? 0 }));
  }

  async stats(): Promise<StoreStats> {
    return corpusCounts(this.corpus);
  }

  async documentsByFile(files: readonly string[]): Promise<Map<string, DocumentRecord>> {
    this.docsByFile ??= new Map(this.corpus.documents.map((d) => [d.file, d]));
    const out = new Map<string, DocumentRecord>();
    for (const f of files) {
      const d = this.docsByFile.get(f);
      if (d) out.set(f, d);
    }
    return out;
  }

  async files(): Promise<string[]> {
    return this.corpus.documents.map((d) => d.file);
  }

  async namesLike(typed: string, opts: { speakersOnly?: boolean; max?: number } = {}): Promise<NamedCount[]> {
    this.names ??= { actors: actorNameCounts(this.corpus), speakers: speakerCounts(this.corpus) };
    return filterNames(opts.speakersOnly ? this.names.speakers : this.names.actors, typed, opts.max ?? 25);
  }

  /**
   * Swaps in the new corpus with its search index (built here when the change does not carry
   * one), all at once: an answer sees the old facts or the new, never a mix of both.
   */
  async replace(change: CorpusChange & { index?: SearchIndex }): Promise<void> {
    const index = change.index ?? (await SearchIndex.buildAsync(change.corpus));
    this.corpus = change.corpus;
    this.index = index;
    this.indexFacts();
    this.stancesByPassage = null;
    this.stanceOrds = null;
    this.stemTree = null;
    this.actorWords = null;
    this.speakerList = null;
    this.quotesBySpeaker = null;
    this.docsByFile = null;
    this.names = null;
    const generation = ++this.generation;
    for (const listener of this.listeners) listener(generation);
  }

  /** In memory, only this process can change the store: listeners hear of its own replaces. */
  async onChange(listener: (generation: number) => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * The actor's facts, then the topic's terms looked up in the index's posting lists (each with the
   * corpus' stems a typo away): no passage is read, however many facts the actor has.
   */
  async stancesAbout(keys: readonly string[], topic: TopicWords): Promise<TopicStance[]> {
    const facts = await this.stancesByActors(keys);
    if (facts.length === 0) return [];
    const ids = [...new Set(facts.map((f) => f.passageId))].sort((a, b) => a - b);
    const inText = foundInLists(
      ids,
      topic.terms.map((qt) => {
        const [own, ...typos] = this.spellings(qt);
        return { exact: this.index.postings(own!), typo: typos.flatMap((st) => this.index.postings(st) ?? []) };
      }),
    );
    const counts = termsHeld(inText, ids.length);
    const at = new Map(ids.map((id, i) => [id, i]));
    const everything = Math.min(topic.min, topic.minEvaluation) <= 0;
    const titles = new Map<number, Uint8Array>();
    const out: TopicStance[] = [];
    for (const f of facts) {
      const i = at.get(f.passageId)!;
      if (!everything && counts[i]! < (f.cueClass === EVALUATION ? topic.minEvaluation : topic.min) && !mayHoldCutWords(f)) continue;
      const p = this.corpus.passages[f.passageId]!;
      let title = titles.get(p.docId);
      if (!title) {
        const stems = new Set(indexTerms(this.corpus.documents[p.docId]!.title));
        titles.set(p.docId, (title = foundInStems(topic.terms, stems)));
      }
      out.push({ fact: f, docId: p.docId, span: factSpan(f, p.text), found: { text: Uint8Array.from(inText, (g) => g[i]!), title } });
    }
    return out;
  }

  /** A term and the corpus' stems that count for it with a typo. */
  private spellings(term: string): string[] {
    const max = typoEdits(term);
    if (max === 0) return [term];
    if (!this.stemTree) {
      const tree = new SearchableMap<true>();
      for (const st of this.index.vocabulary.df.keys()) if (st.length >= MIN_TYPO_LENGTH) tree.set(st, true);
      this.stemTree = tree;
    }
    const out = [term];
    for (const [st] of typosIn(this.stemTree, term, max)) if (st !== term) out.push(st);
    return out;
  }

  private indexSpeakers(): void {
    if (this.quotesBySpeaker) return;
    const bySpeaker = new Map<string, Quote[]>();
    const pairs = new Map<string, SpeakerRole>();
    for (const q of this.corpus.quotes) {
      if (!q.speaker) continue;
      push(bySpeaker, q.speaker, q);
      const k = `${q.speaker}\u0000${q.role ?? ""}`;
      const known = pairs.get(k);
      if (known) known.count++;
      else pairs.set(k, { speaker: q.speaker, role: q.role, count: 1 });
    }
    this.quotesBySpeaker = bySpeaker;
    this.speakerList = [...pairs.values()];
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
