// The PostgreSQL store: the same answers' questions, asked of tables a separate indexer filled
// (src/store/postgres/indexer.ts). A process on it holds no index: every call is a query against
// the served generation, so the indexer's commit is seen by the next call.
import { LRUCache } from "lru-cache";
import SearchableMap from "minisearch/SearchableMap";
import { EVALUATION } from "../../extract/stance.js";
import { FOCUS_TERMS } from "../../index/search-index.js";
import { indexTerms, isStopToken, stem, tokenize } from "../../text/tokenize.js";
import { betterCorrection, editDistance, isTypoOf, typoDistance, typoEdits, typosIn } from "../../text/typos.js";
import type { DocumentRecord, Passage, Polarity, Quote, StanceFact, TimeExpression } from "../../types.js";
import { foldName } from "../names.js";
import { factSpan, foundInLists, foundInStems, mayHoldCutWordsSql, type Spelled, termsHeld } from "../topic-words.js";
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
import type { Db } from "./db.js";
import { writeCorpus } from "./indexer.js";
import { buildMissingPostings, NO_POSTINGS, type Postings, readPostings } from "./postings.js";
import { intersect, topScored, union } from "./ranking.js";
import { CHANNEL, ensureSchema, foldSql } from "./schema.js";
import { type Near, PLAIN_WORD, type TypoTable, typoLookup } from "./typo-lookups.js";

/** The served generation, read inside each statement. */
const GEN = "(SELECT generation FROM eb_state WHERE id = 1)";
/** Above this many passages holding all the words, ranking picks the candidates (as the embedded store). */
const MAX_ALL = 30;
/** Title words count a quarter of text words, as the embedded index boosts them. */
const TITLE_WEIGHT = 0.25;

export class PostgresStore implements SearchBackend, FactStore {
  /** Up to this many stance facts, stancesAbout gives an actor's all (tests set 0 to exercise the filter). */
  fewStances = FEW_STANCES;
  /** Listeners of this process, told after its own replace when the connection cannot LISTEN. */
  private readonly local = new Set<(generation: number) => void>();

  private constructor(
    private readonly db: Db,
    /** pg_trgm is there: typo candidates are found by shared trigrams too. */
    private readonly trigrams: boolean,
    /** The server has `unaccent`: names are compared without any accents, not only the common ones. */
    readonly unaccent: boolean,
  ) {}

  /**
   * The store over `db`, creating the schema when missing; `unaccent: false` never uses that
   * extension.
   */
  static async open(db: Db, opts: { unaccent?: boolean } = {}): Promise<PostgresStore> {
    const schema = await ensureSchema(db);
    await buildMissingPostings(db);
    return new PostgresStore(db, schema.trigrams, opts.unaccent === false ? false : schema.unaccent);
  }

  /**
   * Calls `listener` with the new generation whenever an indexer (in any process) commits one:
   * through LISTEN/NOTIFY when the connection can listen, else after this process' own replace.
   */
  async onChange(listener: (generation: number) => void): Promise<() => Promise<void>> {
    if (!this.db.listen) {
      this.local.add(listener);
      return async () => {
        this.local.delete(listener);
      };
    }
    return this.db.listen(CHANNEL, (payload) => listener(Number(payload)));
  }

  /** Writes the corpus as a new generation (in batches) and serves it; NOTIFY tells every process. */
  async replace(change: CorpusChange & { batchSize?: number; onProgress?: (m: string) => void }): Promise<void> {
    const generation = await writeCorpus(this.db, change.corpus, {
      root: change.root,
      fingerprint: change.fingerprint,
      listing: change.listing,
      batchSize: change.batchSize,
      onProgress: change.onProgress,
    });
    if (!this.db.listen) for (const listener of this.local) listener(generation);
  }

  /** The served generation (0 when nothing is indexed yet). */
  async generation(): Promise<number> {
    const { rows } = await this.db.query<{ generation: string }>("SELECT generation FROM eb_state WHERE id = 1");
    return Number(rows[0]?.generation ?? 0);
  }

  // --- SearchBackend

  async candidates(query: string, limit: number): Promise<number[]> {
    const stems = [...new Set(indexTerms(query))];
    if (stems.length === 0) return [];
    // Every word first (in the text or the title): a handful of passages holding them all are the candidates.
    const postings = await readPostings(this.db, GEN, stems);
    const lists = stems.map((s) => postings.get(s) ?? NO_POSTINGS);
    const all = intersect(
      lists.map((l) => union(l.text, l.title)),
      MAX_ALL + 1,
    );
    if (all.length > 0 && all.length <= MAX_ALL) return all.slice(0, limit);
    // Else the rarest words, exact, ranked; typo-tolerant and prefix matching only when that finds too little.
    const focused = await this.focus(query);
    const terms = [...new Set(indexTerms(focused))];
    if (terms.length === 0) return [];
    const exact = await this.ranked(
      terms.map((t) => ({ term: t, weight: 1 })),
      limit,
      postings,
    );
    if (exact.length >= 5) return exact;
    const expanded = await this.expand(terms);
    return this.ranked(expanded, limit, postings);
  }

  async correct(text: string): Promise<string | null> {
    let out = "";
    let at = 0;
    let changed = false;
    const toks = tokenize(text).filter((t) => !isStopToken(t) && t.norm.length >= 4 && !/\d/.test(t.norm));
    const known = await this.knownStems(toks.map((t) => stem(t.norm)));
    const unknown = toks.filter((t) => !known.has(stem(t.norm)));
    // The typo rule (text/typos.ts), as the embedded index corrects.
    const closest = await this.closestWords(unknown.map((t) => ({ word: t.norm, max: typoEdits(t.norm), swaps: true })));
    for (const [k, t] of unknown.entries()) {
      const best = closest[k];
      if (!best) continue;
      out += text.slice(at, t.start) + best;
      at = t.end;
      changed = true;
    }
    return changed ? out + text.slice(at) : null;
  }

  async suggest(query: string, max = 3): Promise<string[]> {
    const words = tokenize(query).filter((t) => !isStopToken(t) && t.norm.length >= 3);
    const out: string[] = [];
    const closest = await this.closestWords(
      words.map((t) => ({ word: t.norm, max: Math.max(1, Math.round(t.norm.length * 0.2)) })),
      true,
    );
    for (const [k, t] of words.entries()) {
      const w = closest[k];
      if (w && w !== t.norm && !out.includes(w)) out.push(w);
      if (out.length >= max) break;
    }
    return out;
  }

  // --- FactStore

  async passages(ids: readonly number[]): Promise<PassageFacts[]> {
    return this.passageRows(ids, true);
  }

  async passageTexts(ids: readonly number[]): Promise<PassageText[]> {
    return this.passageRows(ids, false);
  }

  /** Passages with their document, in the order asked, and their facts when `facts`. */
  private async passageRows(ids: readonly number[], facts: true): Promise<PassageFacts[]>;
  private async passageRows(ids: readonly number[], facts: false): Promise<PassageText[]>;
  private async passageRows(ids: readonly number[], facts: boolean): Promise<Array<PassageText | PassageFacts>> {
    if (ids.length === 0) return [];
    // Each document's record on the first of its passages only, shared by the others: a stance on a
    // frequent actor asks for thousands of passages, and a copy of the record per passage was a
    // third of what the process parsed.
    const { rows } = await this.db.query<{
      id: number;
      doc_id: number;
      passage: Passage;
      quotes?: Quote[];
      times?: TimeExpression[];
      record: DocumentRecord | null;
    }>(
      `SELECT p.id, p.doc_id, p.passage${facts ? ", p.quotes, p.times" : ""}, CASE WHEN row_number() OVER (PARTITION BY p.doc_id ORDER BY p.id) = 1 THEN d.record END AS record
       FROM eb_passages p JOIN eb_documents d ON d.generation = p.generation AND d.id = p.doc_id
       WHERE p.generation = ${GEN} AND p.id = ANY($1::int[])`,
      [[...ids]],
    );
    const records = new Map<number, DocumentRecord>();
    for (const r of rows) if (r.record) records.set(r.doc_id, r.record);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: Array<PassageText | PassageFacts> = [];
    for (const id of ids) {
      const r = byId.get(id);
      const record = r && records.get(r.doc_id);
      if (r && record)
        out.push(facts ? { passage: r.passage, document: record, quotes: r.quotes ?? [], times: r.times ?? [] } : { passage: r.passage, document: record });
    }
    return out;
  }

  /** The document of each of these passages (unknown ids are left out), for facts of a database indexed before eb_stances had doc_id. */
  private async documentsOf(ids: readonly number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    // From the index eb_passages_doc alone (a generation's documents are written before its passages).
    const { rows } = await this.db.query<{ id: number; doc_id: number }>(
      `SELECT id, doc_id FROM eb_passages WHERE generation = ${GEN} AND id = ANY($1::int[])`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.doc_id]));
  }

  async stancesByActors(keys: readonly string[], limit?: number): Promise<StanceFact[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    // Key by key, each read in ord order from the actor index: with a limit, only that many rows
    // are read, not every fact of a frequent actor to sort them.
    const { rows } = await this.db.query<{ fact: StanceFact }>(
      `SELECT f.fact FROM unnest($1::text[]) WITH ORDINALITY AS k(actor, n)
       CROSS JOIN LATERAL (SELECT ord, fact FROM eb_stances s WHERE s.generation = ${GEN} AND s.actor = k.actor ORDER BY ord LIMIT $2::int) f
       ORDER BY k.n, f.ord LIMIT $2::int`,
      [unique, limit ?? null],
    );
    return rows.map((r) => r.fact);
  }

  async stanceVotes(keys: readonly string[]): Promise<StanceVote[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    // A few fields of each fact, taken out of its jsonb by the server: a frequent actor's thousands
    // of facts were most of a stance answer's time when they travelled whole.
    const { rows } = await this.db.query<{
      ord: number;
      passage_id: number;
      doc_id: number | null;
      cue_start: number;
      evaluation: boolean;
      polarity: Polarity;
      negated: boolean;
      weight: string;
    }>(
      `SELECT ord, (fact->>'passageId')::int AS passage_id, doc_id, (fact->>'cueStart')::int AS cue_start, fact->>'cueClass' = '${EVALUATION}' AS evaluation,
              fact->>'polarity' AS polarity, (fact->>'negated')::boolean AS negated, fact->>'weight' AS weight
       FROM eb_stances WHERE generation = ${GEN} AND actor = ANY($1::text[]) ORDER BY array_position($1::text[], actor), ord`,
      [unique],
    );
    // A database indexed before doc_id was a column: the documents are read by passage.
    const unknown = [...new Set(rows.filter((r) => r.doc_id === null).map((r) => r.passage_id))];
    const docs = unknown.length ? await this.documentsOf(unknown) : new Map<number, number>();
    return rows.flatMap((r) => {
      const docId = r.doc_id ?? docs.get(r.passage_id);
      if (docId === undefined) return [];
      const { ord, passage_id: passageId, cue_start: cueStart, evaluation, polarity, negated } = r;
      // The weight as JSON.parse reads it from the fact's text.
      return [{ ord, passageId, docId, cueStart, evaluation, polarity, negated, weight: Number(r.weight) }];
    });
  }

  async stancesByOrd(ords: readonly number[]): Promise<Map<number, StanceFact>> {
    if (ords.length === 0) return new Map();
    const { rows } = await this.db.query<{ ord: number; fact: StanceFact }>(
      `SELECT ord, fact FROM eb_stances WHERE generation = ${GEN} AND ord = ANY($1::int[])`,
      [[...new Set(ords)]],
    );
    return new Map(rows.map((r) => [r.ord, r.fact]));
  }

  async stancesInPassages(ids: readonly number[]): Promise<StanceFact[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<{ fact: StanceFact }>(
      `SELECT fact FROM eb_stances WHERE generation = ${GEN} AND passage_id = ANY($1::int[]) ORDER BY ord`,
      [[...new Set(ids)]],
    );
    return rows.map((r) => r.fact);
  }

  async actorsSharingWord(name: string, having?: readonly string[]): Promise<string[]> {
    const words = name.toLowerCase().replace(/\./g, "").split(/\s+/).filter(Boolean);
    if (words.length === 0 || having?.length === 0) return [];
    if (having?.length === 1) return this.actorsHolding(having[0]!, words);
    // A key's words are its words between single spaces: keys are normalized (extract/actors.ts).
    const { rows } = await this.db.query<{ key: string }>(
      `SELECT key FROM eb_actor_words WHERE generation = ${GEN} AND word = ANY($1::text[])${having ? " AND string_to_array(key, ' ') && $2::text[]" : ""}
       ORDER BY array_position($1::text[], word), ord`,
      having ? [words, [...having]] : [words],
    );
    return [...new Set(rows.map((r) => r.key))];
  }

  /**
   * actorsSharingWord with one word every key must hold: that word's keys only, then ordered as the
   * statement over every word of the name would order them. A common word of the name ("of") is in
   * thousands of keys; the word every match holds (a surname, a head noun) is in few. Each word's
   * keys are stored in the one order of all keys (indexer.ts), so the first of the name's words a
   * key holds, then that order, is the general statement's order.
   */
  private async actorsHolding(word: string, words: readonly string[]): Promise<string[]> {
    const { rows } = await this.db.query<{ key: string }>(`SELECT key FROM eb_actor_words WHERE generation = ${GEN} AND word = $1 ORDER BY ord`, [word]);
    const position = new Map<string, number>();
    words.forEach((w, i) => position.has(w) || position.set(w, i));
    const first = (key: string): number => Math.min(...key.split(" ").map((w) => position.get(w) ?? Infinity));
    return rows
      .map((r) => ({ key: r.key, at: first(r.key) }))
      .filter((k) => k.at !== Infinity)
      .sort((a, b) => a.at - b.at)
      .map((k) => k.key);
  }

  async actors(keys: readonly string[]): Promise<Map<string, ActorInfo>> {
    if (keys.length === 0) return new Map();
    const { rows } = await this.db.query<{ key: string; name: string; kind: ActorInfo["kind"]; mentions: number }>(
      `SELECT key, name, kind, mentions FROM eb_actors WHERE generation = ${GEN} AND key = ANY($1::text[])`,
      [[...keys]],
    );
    return new Map(rows.map((r) => [r.key, { name: r.name, kind: r.kind, mentions: r.mentions }]));
  }

  async speakers(): Promise<SpeakerRole[]> {
    const { rows } = await this.db.query<{ speaker: string; role: string | null; count: string }>(
      `SELECT speaker, role, count(*) AS count, min(id) AS first FROM eb_quotes WHERE generation = ${GEN} AND speaker IS NOT NULL GROUP BY speaker, role ORDER BY first`,
    );
    return rows.map((r) => ({ speaker: r.speaker, role: r.role, count: Number(r.count) }));
  }

  async quotesBySpeakers(speakers: readonly string[]): Promise<Quote[]> {
    if (speakers.length === 0) return [];
    const { rows } = await this.db.query<{ quote: Quote }>(`SELECT quote FROM eb_quotes WHERE generation = ${GEN} AND speaker = ANY($1::text[]) ORDER BY id`, [
      [...new Set(speakers)],
    ]);
    return rows.map((r) => r.quote);
  }

  async documents(): Promise<DocumentSummary[]> {
    const { rows } = await this.db.query<{ record: DocumentRecord; quotes: number }>(
      `SELECT record, quotes FROM eb_documents WHERE generation = ${GEN} ORDER BY id`,
    );
    return rows.map((r) => ({ ...r.record, quotes: r.quotes }));
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.db.query<Record<keyof StoreStats, string>>(
      `SELECT (SELECT count(*) FROM eb_documents WHERE generation = ${GEN}) AS documents,
              (SELECT count(*) FROM eb_passages WHERE generation = ${GEN}) AS passages,
              (SELECT count(*) FROM eb_quotes WHERE generation = ${GEN} AND speaker IS NOT NULL AND (quote->>'direct')::boolean) AS quotes,
              (SELECT coalesce(sum(jsonb_array_length(times)), 0) FROM eb_passages WHERE generation = ${GEN}) AS times,
              (SELECT count(*) FROM eb_stances WHERE generation = ${GEN}) AS stances`,
    );
    const r = rows[0]!;
    return { documents: Number(r.documents), passages: Number(r.passages), quotes: Number(r.quotes), times: Number(r.times), stances: Number(r.stances) };
  }

  async documentsByFile(files: readonly string[]): Promise<Map<string, DocumentRecord>> {
    if (files.length === 0) return new Map();
    const { rows } = await this.db.query<{ record: DocumentRecord }>(
      `SELECT record FROM eb_documents WHERE generation = ${GEN} AND record->>'file' = ANY($1::text[])`,
      [[...new Set(files)]],
    );
    return new Map(rows.map((r) => [r.record.file, r.record]));
  }

  async files(): Promise<string[]> {
    const { rows } = await this.db.query<{ file: string }>(`SELECT record->>'file' AS file FROM eb_documents WHERE generation = ${GEN} ORDER BY id`);
    return rows.map((r) => r.file);
  }

  /**
   * Matched in SQL on the folded name (unaccent where the server has it, else the common Latin
   * accents by translate), then counted as the embedded store counts them.
   */
  async namesLike(typed: string, opts: { speakersOnly?: boolean; max?: number } = {}): Promise<NamedCount[]> {
    const max = opts.max ?? 25;
    const pattern = `%${foldName(typed).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The very expressions the trigram indexes hold (schema.ts), so LIKE '%…%' is served by them.
    const fold = (col: string): string => foldSql(col, this.unaccent);
    // Speakers counted per exact name, as the quotations write them; actors by their mentions.
    const speakers = `SELECT min(speaker) AS name, count(*)::int AS mentions, lower(speaker) AS k FROM eb_quotes
       WHERE generation = ${GEN} AND speaker IS NOT NULL AND ${fold("speaker")} LIKE $1 GROUP BY lower(speaker)`;
    const sql = opts.speakersOnly
      ? `${speakers} ORDER BY mentions DESC, name LIMIT $2`
      : `WITH a AS (SELECT name, mentions, lower(regexp_replace(name, '\\s+', ' ', 'g')) AS k FROM eb_actors WHERE generation = ${GEN} AND ${fold("name")} LIKE $1),
              s AS (${speakers})
         SELECT name, mentions FROM (SELECT k, min(name) AS name, sum(mentions)::int AS mentions FROM a GROUP BY k
                                     UNION ALL SELECT k, name, mentions FROM s WHERE k NOT IN (SELECT k FROM a)) u
         ORDER BY mentions DESC, name LIMIT $2`;
    const { rows } = await this.db.query<{ name: string; mentions: number }>(sql, [pattern, max]);
    return rows.map((r) => ({ name: r.name.replace(/\s+/g, " ").trim(), mentions: Number(r.mentions) }));
  }

  /**
   * The actor's facts kept when their passage's text holds enough of the topic's terms, each term
   * with the corpus' stems a typo away, as the embedded store keeps them: the facts' passages and
   * classes are read first (a few bytes each), checked against the postings of the topic's
   * spellings, and only the facts kept travel, each with its span of text and document (columns
   * of its own): what the topic's words are in its passage and title is the postings' to say, so
   * no passage is read.
   */
  async stancesAbout(keys: readonly string[], topic: TopicWords): Promise<TopicStance[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const heads = await this.stanceHeads(unique);
    // An actor with few facts: all of them (more than asked, which the contract allows), with the
    // topic's words read off their passages' terms; cheaper than finding the topic's spellings,
    // which takes a trigram query per word.
    if (heads.length <= this.fewStances || Math.min(topic.min, topic.minEvaluation) <= 0) {
      const rows = await this.topicRows(heads.map((h) => h.ord));
      const words = await this.passageWords([...new Set(rows.map((r) => r.fact.passageId))]);
      const none = { text: new Set<string>(), title: new Set<string>() };
      return rows.map((r) => {
        const w = words.get(r.fact.passageId) ?? none;
        return { ...r, found: { text: foundInStems(topic.terms, w.text), title: foundInStems(topic.terms, w.title) } };
      });
    }
    const spellings = await this.typoSpellings(topic.terms);
    const postings = await readPostings(this.db, GEN, [...new Set(spellings.flat())]);
    const lists = (field: "text" | "title"): Spelled[] =>
      spellings.map(([own, ...typos]) => ({ exact: postings.get(own!)?.[field] ?? null, typo: typos.flatMap((st) => postings.get(st)?.[field] ?? []) }));
    const ids = [...new Set(heads.flatMap((h) => (h.passage_id === null ? [] : [h.passage_id])))].sort((x, y) => x - y);
    const inText = foundInLists(ids, lists("text"));
    const counts = termsHeld(inText, ids.length);
    const at = new Map(ids.map((id, i) => [id, i]));
    const kept = heads.filter((h) => h.keep || (h.passage_id !== null && counts[at.get(h.passage_id)!]! >= (h.evaluation ? topic.minEvaluation : topic.min)));
    const rows = await this.topicRows(kept.map((h) => h.ord));
    const keptIds = [...new Set(rows.map((r) => r.fact.passageId))].sort((x, y) => x - y);
    const inTitle = foundInLists(keptIds, lists("title"));
    const titleAt = new Map(keptIds.map((id, i) => [id, i]));
    return rows.map((r) => {
      const i = at.get(r.fact.passageId);
      const j = titleAt.get(r.fact.passageId)!;
      return {
        ...r,
        found: { text: Uint8Array.from(inText, (f) => (i === undefined ? 0 : f[i]!)), title: Uint8Array.from(inTitle, (f) => f[j]!) },
      };
    });
  }

  /**
   * The facts of these rows with their document and span, in the order given. A database indexed
   * before those were columns has them empty: they are read off the passages then.
   */
  private async topicRows(ords: readonly number[]): Promise<Array<Omit<TopicStance, "found">>> {
    if (ords.length === 0) return [];
    const { rows } = await this.db.query<{ ord: number; fact: StanceFact; doc_id: number | null; span_at: number | null; span: string | null }>(
      `SELECT ord, fact, doc_id, span_at, span FROM eb_stances WHERE generation = ${GEN} AND ord = ANY($1::int[])`,
      [[...ords]],
    );
    const missing = rows.filter((r) => r.doc_id === null || r.span_at === null || r.span === null);
    const texts = new Map((await this.passageTexts([...new Set(missing.map((r) => r.fact.passageId))])).map((x) => [x.passage.id, x.passage]));
    const byOrd = new Map<number, Omit<TopicStance, "found">>();
    for (const r of rows) {
      if (r.doc_id !== null && r.span_at !== null && r.span !== null)
        byOrd.set(r.ord, { fact: r.fact, docId: r.doc_id, span: { at: r.span_at, text: r.span } });
      else {
        const p = texts.get(r.fact.passageId);
        if (p) byOrd.set(r.ord, { fact: r.fact, docId: p.docId, span: factSpan(r.fact, p.text) });
      }
    }
    return ords.flatMap((o) => byOrd.get(o) ?? []);
  }

  /** The stems of these passages' text and of their document's title, as the indexer wrote them. */
  private async passageWords(ids: readonly number[]): Promise<Map<number, { text: Set<string>; title: Set<string> }>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.db.query<{ id: number; terms: string; title_terms: string }>(
      `SELECT id, terms, title_terms FROM eb_passages WHERE generation = ${GEN} AND id = ANY($1::int[])`,
      [[...ids]],
    );
    const words = (s: string): Set<string> => new Set(s.split(" ").filter(Boolean));
    return new Map(rows.map((r) => [r.id, { text: words(r.terms), title: words(r.title_terms) }]));
  }

  /**
   * Each of the actors' facts' row, passage, class and whether it is kept whatever the passage
   * holds, in stancesByActors' order: from the actor index alone. A database indexed before those
   * columns has them empty: then they are worked out of the facts.
   */
  private async stanceHeads(actors: string[]): Promise<Array<{ ord: number; passage_id: number | null; evaluation: boolean; keep: boolean }>> {
    type Head = { ord: number; passage_id: number | null; evaluation: boolean | null; keep: boolean | null };
    const read = async (evaluation: string, keep: string): Promise<Head[]> =>
      (
        await this.db.query<Head>(
          `SELECT ord, passage_id, ${evaluation} AS evaluation, ${keep} AS keep
           FROM eb_stances WHERE generation = ${GEN} AND actor = ANY($1::text[]) ORDER BY array_position($1::text[], actor), ord`,
          [actors],
        )
      ).rows;
    let heads = await read("evaluation", "keep");
    if (heads.some((h) => h.evaluation === null || h.keep === null)) heads = await read(`fact->>'cueClass' = '${EVALUATION}'`, mayHoldCutWordsSql("fact"));
    return heads.map((h) => ({ ...h, evaluation: !!h.evaluation, keep: !!h.keep }));
  }

  /**
   * Each term with the corpus' stems that count for it with a typo (text/typos.ts), as the embedded
   * store finds them: every stem within the term's edits, so nothing the answer would credit is
   * left out (typos below). One round trip for all the terms.
   */
  private async typoSpellings(terms: readonly string[]): Promise<string[][]> {
    const typed = terms.map((word, i) => ({ word, i, max: typoEdits(word), swaps: true })).filter((t) => t.max > 0);
    const out = terms.map((t) => new Set([t]));
    if (typed.length === 0) return out.map((s) => [...s]);
    const { found } = await this.typos(TOPIC_STEMS, typed);
    typed.forEach((t, k) => {
      for (const r of found[k]!) if (isTypoOf(t.word, r.v)) out[t.i]!.add(r.v);
    });
    return out.map((s) => [...s]);
  }

  /**
   * The words of `table` within each asked word's edits (and the rows of `extra`, statements run in
   * the same round trip), each word once, in the table's order (the vocabulary's, which the
   * embedded store follows too). The statement (typo-lookups.ts) finds every word of a–z and
   * digits within the edits; a plain word also gets the table's words of other characters within
   * them ("o'neill", "3,000", "москва") from a radix tree read once per generation: pg_trgm splits
   * or drops those, so neither the keys nor its bound are sure to reach them.
   */
  private async typos(table: TypoTable, asked: readonly TypoAsk[], extra: readonly Near[] = []): Promise<{ found: NearRow[][]; extra: NearRow[][] }> {
    const looked = asked.filter((a) => a.max > 0);
    const { generation, rows } = await this.nearBatch([...looked.map((a) => typoLookup(table, a.word, a.max, this.trigrams, a.swaps)), ...extra]);
    const found = asked.map((a) => (a.max > 0 ? [...rows[looked.indexOf(a)]!] : []));
    const plain = asked.map((a) => a.max > 0 && PLAIN_WORD.test(a.word));
    if (plain.some(Boolean)) {
      const other = await this.otherSpellings(table, generation);
      asked.forEach((a, k) => {
        if (!plain[k]) return;
        for (const [v, n] of typosIn(other, a.word, a.max, a.swaps)) found[k]!.push({ v, n });
      });
    }
    return { found: found.map(once), extra: rows.slice(looked.length) };
  }

  /** The served generation's words of `table` with other characters than a–z and digits, in a radix tree (typos above). */
  private async otherSpellings(table: TypoTable, generation: number): Promise<SearchableMap<number | null>> {
    const known = this.others.get(table.table);
    if (known?.generation === generation) return known.words;
    const { rows } = await this.db.query<{ v: string; n: number | null }>(
      `SELECT ${table.column} AS v, ${table.count} AS n FROM ${table.table} WHERE generation = $1 AND ${table.column} !~ '${PLAIN_WORD.source}'`,
      [generation],
    );
    const words = new SearchableMap<number | null>();
    for (const r of rows) words.set(r.v, r.n);
    this.others.set(table.table, { generation, words });
    return words;
  }

  /** otherSpellings by table: thousands of stems at 1M passages (mostly numbers), hardly any words. */
  private readonly others = new Map<string, { generation: number; words: SearchableMap<number | null> }>();

  // --- helpers

  /** The rarest words of a long query (as the embedded Vocabulary.focus), else the query. */
  private async focus(text: string, k = FOCUS_TERMS): Promise<string> {
    const byStem = new Map<string, string>();
    for (const t of tokenize(text)) if (!isStopToken(t) && !byStem.has(stem(t.norm))) byStem.set(stem(t.norm), t.raw);
    if (byStem.size <= k) return text;
    const df = await this.df([...byStem.keys()]);
    const known = [...byStem].filter(([s]) => (df.get(s) ?? 0) > 0);
    if (known.length === 0) return text;
    return known
      .sort((a, b) => df.get(a[0])! - df.get(b[0])!)
      .slice(0, k)
      .map(([, raw]) => raw)
      .join(" ");
  }

  private async df(stems: string[]): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ stem: string; df: number }>(`SELECT stem, df FROM eb_stems WHERE generation = ${GEN} AND stem = ANY($1::text[])`, [
      stems,
    ]);
    return new Map(rows.map((r) => [r.stem, r.df]));
  }

  private async knownStems(stems: string[]): Promise<Set<string>> {
    return new Set((await this.df(stems)).keys());
  }

  /**
   * Passages holding any of the terms, best first: each term found counts its rarity (idf), a
   * title-only match a quarter, a typo-expanded term its weight. When `limit` passages hold every
   * term in their text, they have the highest score there is, and the first of them by id are the
   * answer. Scored in this process over the terms' postings (`known` holds some already read).
   */
  private async ranked(terms: Array<{ term: string; weight: number }>, limit: number, known: Map<string, Postings>): Promise<number[]> {
    const missing = terms.map((t) => t.term).filter((t) => !known.has(t));
    const [counts, read] = await Promise.all([this.stemCounts(terms.map((t) => t.term)), readPostings(this.db, GEN, missing)]);
    const postingsOf = (term: string): Postings => known.get(term) ?? read.get(term) ?? NO_POSTINGS;
    const best = intersect(
      terms.map((t) => postingsOf(t.term).text),
      limit,
    );
    if (best.length >= limit) return best;
    const idf = (term: string): number => Math.log(1 + counts.n / Math.max(counts.df.get(term) ?? 1, 1));
    return topScored(
      terms.map((t) => ({ postings: postingsOf(t.term), value: t.weight * idf(t.term) })),
      limit,
      TITLE_WEIGHT,
    );
  }

  /** The served generation's passage count and each stem's (absent: none). */
  private async stemCounts(stems: string[]): Promise<{ n: number; df: Map<string, number> }> {
    const { rows } = await this.db.query<{ stem: string | null; df: number | null; n: string }>(
      `SELECT s.stem, s.df, ${PASSAGE_COUNT} AS n FROM (SELECT 1) one LEFT JOIN eb_stems s ON s.generation = ${GEN} AND s.stem = ANY($1::text[])`,
      [stems],
    );
    const df = new Map<string, number>();
    for (const r of rows) if (r.stem !== null) df.set(r.stem, Number(r.df));
    return { n: Number(rows[0]?.n ?? 0), df };
  }

  /** Each term with the corpus' stems a typo away (and, for the last, those it begins), weighted lower. */
  private async expand(terms: string[]): Promise<Array<{ term: string; weight: number }>> {
    const asked = terms.map((word) => ({ word, max: word.length >= 5 ? Math.round(word.length * 0.2) : word.length >= 4 ? 1 : 0 }));
    const last = asked.at(-1);
    const prefix: Near[] =
      last && last.word.length >= 3
        ? [
            {
              sql: `SELECT $1::int, stem, NULL::int FROM eb_stems WHERE generation = ${GEN} AND stem LIKE $4 LIMIT ${STEMS.limit}`,
              threshold: null,
              word: last.word,
              edits: last.max,
              pattern: `${last.word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
              prefix: true,
            },
          ]
        : [];
    const { found, extra } = await this.typos(STEMS, asked, prefix);
    const out = new Map<string, number>();
    for (const [k, t] of asked.entries()) {
      out.set(t.word, 1);
      // The words it begins (the last term), then those a typo away (typos gives only those within its edits).
      for (const r of t === last ? (extra[0] ?? []) : []) if (!out.has(r.v)) out.set(r.v, 0.5);
      for (const r of found[k]!) if (!out.has(r.v)) out.set(r.v, 0.5);
    }
    return [...out].map(([term, weight]) => ({ term, weight }));
  }

  /**
   * For each word, the corpus word closest to it within its `max` edits (most frequent on ties, then
   * with `swaps` the first alphabetically, as the embedded index corrects, else the first in the
   * table's order; not itself when `frequent`), or null.
   */
  private async closestWords(words: readonly TypoAsk[], frequent = false): Promise<Array<string | null>> {
    const { found } = await this.typos(WORDS, words);
    return words.map(({ word, max, swaps }, k) => {
      let best: { word: string; d: number; n: number } | null = null;
      for (const r of found[k]!) {
        const d = (swaps ? typoDistance : editDistance)(word, r.v, max);
        if (d > max || (frequent && d === 0)) continue;
        const c = { word: r.v, d, n: r.n! };
        if (swaps ? betterCorrection(c, best) : !best || d < best.d || (d === best.d && c.n > best.n)) best = c;
      }
      return best?.word ?? null;
    });
  }

  /**
   * The rows of each lookup within its edits (or beginning with its word, for a pattern), and the
   * served generation, in one round trip (eb_near_rows in schema.ts). A lookup already made on
   * the generation the same round trip reads is not made again: a question asks the same words
   * more than once (spelled by `correct`, then by `suggest` when nothing is found), and on a large
   * vocabulary each costs a scan of the trigram index.
   */
  private async nearBatch(lookups: readonly Near[]): Promise<{ generation: number; rows: NearRow[][] }> {
    // Nothing to look up: no round trip (no caller reads the generation then).
    if (lookups.length === 0) return { generation: -1, rows: [] };
    const keyOf = (l: Near): string => l.key ?? [l.sql, l.threshold, l.word, l.edits, l.prefix ? l.pattern : ""].join("\u0000");
    for (let attempt = 0; ; attempt++) {
      const known = lookups.map((l) => this.nearMemo.get(keyOf(l)) ?? this.narrowed(l));
      const asked = lookups.flatMap((l, k) => (known[k] ? [] : [l]));
      const all: Near[] = [...asked, { sql: "SELECT $1::int, generation::text, NULL::int FROM eb_state WHERE id = 1", threshold: null, word: "", edits: 0 }];
      const { rows } = await this.db.query<{ i: number; v: string; n: number | null }>(
        "SELECT i, v, n FROM eb_near_rows($1::text[], $2::text[], $3::text[], $4::int[], $5::text[])",
        [
          all.map((l) => l.sql),
          all.map((l) => (l.threshold === null ? null : String(l.threshold))),
          all.map((l) => l.word),
          all.map((l) => l.edits),
          all.map((l) => l.pattern ?? null),
        ],
      );
      const found = all.map((): NearRow[] => []);
      for (const r of rows) found[r.i - 1]!.push({ v: r.v, n: r.n });
      const generation = Number(found[asked.length]![0]?.v ?? 0);
      // Remembered on another generation: forget them all and ask again (once: the next answer is fresh).
      if (known.some((m) => m && m.generation !== generation) && attempt === 0) {
        this.nearMemo.clear();
        continue;
      }
      let a = 0;
      const out = lookups.map((l, k) => {
        const m = known[k];
        if (m && m.generation === generation) return m.rows;
        const distance = l.swaps ? typoDistance : editDistance;
        const near = found[a++]!.filter((r) => distance(l.word, r.v, l.edits) <= l.edits || (!!l.prefix && r.v.startsWith(l.word)));
        this.nearMemo.set(keyOf(l), { generation, rows: near });
        return near;
      });
      return { generation, rows: out };
    }
  }

  /** A lookup's rows out of a remembered lookup holding them (Near.within), by its own distance; undefined when none is remembered. */
  private narrowed(l: Near): { generation: number; rows: NearRow[] } | undefined {
    const wider = l.within === undefined ? undefined : this.nearMemo.get(l.within);
    return wider && { generation: wider.generation, rows: wider.rows.filter((r) => editDistance(l.word, r.v, l.edits) <= l.edits) };
  }

  /** Lookups made, by statement and word, with the generation they were made on (nearBatch). */
  private readonly nearMemo = new LRUCache<string, { generation: number; rows: NearRow[] }>({ max: 4096 });
}

/** Up to this many stance facts, stancesAbout gives an actor's all. */
const FEW_STANCES = 200;

/** Where typos are looked for: the corpus' words as written (spelling) and its stems (search, topics). */
const WORDS: TypoTable = { table: "eb_words", column: "word", count: "n", generation: GEN, limit: 500 };
const STEMS: TypoTable = { table: "eb_stems", column: "stem", count: "NULL::int", generation: GEN, limit: 200 };
/** A topic's spellings: all of them, and a term of other characters compared with every stem of about its length. */
const TOPIC_STEMS: TypoTable = { ...STEMS, limit: undefined, exactOtherwise: true };

/** Rows each word once, the first kept (the table's order, then the radix tree's). */
function once(rows: readonly NearRow[]): NearRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.v) && !!seen.add(r.v));
}

/** The served generation's passage count: recorded by the indexer, counted for a database indexed before it was. */
const PASSAGE_COUNT = `coalesce((SELECT passages FROM eb_state WHERE id = 1), (SELECT count(*) FROM eb_passages WHERE generation = ${GEN}))`;

/** A word found by a typo lookup, with its count where the statement gives one. */
interface NearRow {
  v: string;
  n: number | null;
}

/** A word whose typos are looked for, up to `max` edits. */
interface TypoAsk {
  word: string;
  max: number;
  /** A swap of neighbouring letters is one edit (the typo rule of text/typos.ts), not two. */
  swaps?: boolean;
}
