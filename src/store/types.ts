// The two interfaces the answers are written against. Every implementation (the embedded one over
// MiniSearch and in-memory facts, PostgreSQL) answers the same questions with the same plain data
// (src/types.ts), asynchronously, so an answer never knows where the facts live.
import type { Corpus, DocumentRecord, Passage, Polarity, Quote, SpeakerKind, StanceFact, TimeExpression } from "../types.js";

/** Finds passages for a question's words. */
export interface SearchBackend {
  /**
   * Passage ids for a query, best first: those holding every word first, else the rarest words,
   * exact before typo-tolerant. At most `limit`.
   */
  candidates(query: string, limit: number): Promise<number[]>;
  /** The query with misspelt words replaced by the closest corpus word, or null when none needed it. */
  correct(text: string): Promise<string | null>;
  /** Words from the corpus close to the query, as the documents write them ("did you mean"). */
  suggest(query: string, max?: number): Promise<string[]>;
}

/** A passage with its document and the facts extracted from it. */
/** A passage with its document. */
export interface PassageText {
  passage: Passage;
  document: DocumentRecord;
}

/** A passage with its document and the facts read from it. */
export interface PassageFacts extends PassageText {
  quotes: Quote[];
  times: TimeExpression[];
}

export interface ActorInfo {
  name: string;
  kind: SpeakerKind;
  mentions: number;
}

/** A speaker as the quotations give them, with a role when one is given, and how often. */
export interface SpeakerRole {
  speaker: string;
  role: string | null;
  count: number;
}

export interface DocumentSummary extends DocumentRecord {
  /** Attributed direct quotations in the document. */
  quotes: number;
}

export interface StoreStats {
  documents: number;
  passages: number;
  /** Attributed direct quotations. */
  quotes: number;
  times: number;
  stances: number;
}

/** The facts behind the answers. */
export interface FactStore {
  /** Passages with their document and facts, in the order asked; unknown ids are left out. */
  passages(ids: readonly number[]): Promise<PassageFacts[]>;
  /** The same without their quotations and time expressions (a stance reads only the text, of hundreds of passages). */
  passageTexts(ids: readonly number[]): Promise<PassageText[]>;
  /** Stance facts whose actor key is one of `keys`: grouped by key in the order given, each in extraction order; the first `limit` when given. */
  stancesByActors(keys: readonly string[], limit?: number): Promise<StanceFact[]>;
  /**
   * Those of stancesByActors(keys) that can be about a topic: their passage's text holds at least
   * `topic.min` of its terms (`topic.minEvaluation` for evaluative words), each exactly or as a typo would (text/typos.ts); and those whose
   * target or clause may hold words cut from the passage's (topic-words.ts). Same order. A store
   * may give more of stancesByActors(keys) (PostgreSQL: all, for an actor with few), never fewer.
   * Each comes with what weighing it against the topic reads (TopicStance), so that hundreds of
   * passages need not be read for it.
   */
  stancesAbout(keys: readonly string[], topic: TopicWords): Promise<TopicStance[]>;
  /**
   * stancesByActors(keys) as the stance answer weighs them without a topic (StanceVote), same
   * order: no text travels for the thousands of facts of a frequent actor. Facts whose passage is
   * gone are left out.
   */
  stanceVotes(keys: readonly string[]): Promise<StanceVote[]>;
  /** The stance facts of these numbers (StanceVote.ord); unknown numbers are absent. */
  stancesByOrd(ords: readonly number[]): Promise<Map<number, StanceFact>>;
  /** Stance facts found in these passages, in extraction order (a topic's timeline asks). */
  stancesInPassages(ids: readonly number[]): Promise<StanceFact[]>;
  /**
   * Actor keys (of stance facts and of known actors) sharing a word with `name`, by the first of
   * its words each shares, then in the keys' own order. With `having`, only the keys one of whose
   * words is one of these (a common word of the name, "of", is in thousands of keys).
   */
  actorsSharingWord(name: string, having?: readonly string[]): Promise<string[]>;
  /** Known actors by canonical key (those asked for that exist). */
  actors(keys: readonly string[]): Promise<Map<string, ActorInfo>>;
  /** Every distinct (speaker, role) of attributed quotations, with counts. */
  speakers(): Promise<SpeakerRole[]>;
  /** Attributed quotations whose exact speaker is one of `speakers`, in the documents' order. */
  quotesBySpeakers(speakers: readonly string[]): Promise<Quote[]>;
  /** Every document, in corpus order. */
  documents(): Promise<DocumentSummary[]>;
  stats(): Promise<StoreStats>;
  /** Documents by their file (relative path), for those that are indexed. */
  documentsByFile(files: readonly string[]): Promise<Map<string, DocumentRecord>>;
  /** Every indexed file, in corpus order ("Show source" finds a file by its name's hash). */
  files(): Promise<string[]>;
  /**
   * Actor and quoted-speaker names containing `typed` (case and accents ignored), most mentioned
   * first, at most `max` (autocomplete). `speakersOnly`: only those the quotations name.
   */
  namesLike(typed: string, opts?: { speakersOnly?: boolean; max?: number }): Promise<NamedCount[]>;
  /** Serves `change.corpus` from now on (the indexer's commit); then every onChange listener hears of it. */
  replace(change: CorpusChange): Promise<void>;
  /** Calls `listener` after every replace (in any process sharing the store); returns how to stop. */
  onChange(listener: (generation: number) => void): Promise<() => Promise<void>>;
}

/** What the stance answer without a topic weighs of a stance fact (FactStore.stanceVotes). */
export interface StanceVote {
  /** The fact's number: its place in the corpus' list of stance facts (what stancesByOrd takes). */
  ord: number;
  passageId: number;
  /** The document of its passage. */
  docId: number;
  cueStart: number;
  /** Its cue is evaluative words (cueClass "evaluation"). */
  evaluation: boolean;
  polarity: Polarity;
  negated: boolean;
  weight: number;
}

/** A stance fact that may be about a topic, with what weighing it against the topic reads (FactStore.stancesAbout). */
export interface TopicStance {
  fact: StanceFact;
  /** The document of the fact's passage. */
  docId: number;
  /** The passage's text from offset `at`, as far as both the fact's sentence and its clause reach. */
  span: { at: number; text: string };
  /**
   * What the passage's text and its document's title hold of each of the topic's terms (in
   * TopicWords.terms' order): FOUND_EXACT, FOUND_TYPO or NOT_FOUND (text/typos.ts foundIn).
   */
  found: { text: Uint8Array; title: Uint8Array };
}

/** The words a stance's passage must hold to be about a topic (FactStore.stancesAbout). */
export interface TopicWords {
  /** Distinct content terms, stemmed as the tokenizer makes them (text/tokenize.ts contentTerms). */
  terms: readonly string[];
  /** How many of them the passage's text must hold. */
  min: number;
  /** The same for evaluative words (cueClass "evaluation"), weighed on their own words only: often more. */
  minEvaluation: number;
}

export interface NamedCount {
  name: string;
  mentions: number;
}

/**
 * A new state of the knowledge folder from the indexer: the whole corpus as it now stands, and
 * which files changed or went (a store may reuse the rest; every store serves `corpus` after it).
 */
export interface CorpusChange {
  corpus: Corpus;
  changed: readonly string[];
  removed: readonly string[];
  /** What the corpus was built from, so an unchanged folder is not written again. */
  root?: string;
  fingerprint?: string;
  /** The folder's listing (names, sizes, times) it was built from: a cheap "anything changed?" check. */
  listing?: string;
}

/** A store holding both sides, as every implementation does. */
export type Store = SearchBackend & FactStore;
