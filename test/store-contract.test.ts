// One contract for every store: the embedded one (MiniSearch + in-memory facts) and PostgreSQL
// (through PGlite, no service needed). Same facts, same candidates for clear questions, and the
// same answers from the answer modules, which see only the two interfaces. With TEST_DATABASE_URL
// (.ci/run starts a throwaway PostgreSQL 15), the PostgreSQL store runs on that server instead.
// Tables are created in the database given: use a throwaway one.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnswerContext } from "../src/answer/context.js";
import { answer } from "../src/answer/dispatch.js";
import type { Question } from "../src/answer/question.js";
import type { Engine } from "../src/runtime/engine.js";
import { answerTimelineIn } from "../src/answer/timeline-facts.js";
import { answerWhoSaid } from "../src/answer/who-said.js";
import { connectPg, type Db } from "../src/store/postgres/db.js";
import { writeCorpus } from "../src/store/postgres/indexer.js";
import { PostgresStore } from "../src/store/postgres/store.js";
import { EmbeddedStore } from "../src/store/embedded/store.js";
import { EVALUATION } from "../src/extract/stance.js";
import { mayHoldCutWords, mayHoldCutWordsSql } from "../src/store/topic-words.js";
import type { Store, TopicStance, TopicWords } from "../src/store/types.js";
import { contentTerms } from "../src/text/tokenize.js";
import { editDistance, FOUND_EXACT, FOUND_TYPO, NOT_FOUND, swapped, typoEdits } from "../src/text/typos.js";
import type { StanceFact } from "../src/types.js";
import { engineFor, watched } from "./helpers.js";

const DOCS = {
  "harbour.txt": [
    "Harbour board approves dredging",
    "",
    "March 3, 2021",
    "",
    'The harbour board approved the dredging plan on Tuesday. "The channel silts up every winter," said Ann Lee, the board\'s chair.',
    "",
    'The fishermen\'s union opposes the dredging plan, its secretary Tom Rees said. "Dredging will drive the cod away," Rees said.',
    "",
    "Work starts next month and should end in 2023.",
  ].join("\n"),
  "ferry.md": [
    "# Ferry timetable changes",
    "",
    "The ferry company supports the new timetable, its spokesman said on Monday.",
    "",
    '"Every ferry must carry two lifeboats," said Ann Lee. The mayor criticized the timetable last week.',
  ].join("\n"),
};

const QUESTIONS: Question[] = [
  { command: "who-said", query: "the channel silts up every winter" },
  { command: "who-said", query: "dredging will drive the cod away" },
  { command: "who-said", query: "the chanel silts up evry winter" },
  { command: "who-said", query: "purple elephants sing opera" },
  { command: "when", query: "harbour board approved the dredging plan" },
  { command: "when", query: "work starts" },
  { command: "when", query: "zebra crossing painted" },
  { command: "search", query: "ferry timetable" },
  { command: "search", query: "lifeboats" },
  { command: "search", query: "quantum bananas" },
  { command: "stance", actor: "fishermen's union", topic: "dredging plan" },
  { command: "stance", actor: "ferry company", topic: null },
  { command: "stance", actor: "Nobody Atall", topic: null },
  { command: "sources" },
  { command: "check", query: "Every ferry must carry two lifeboats", speaker: "Ann Lee" },
  { command: "check", query: "Every ferry must carry three lifeboats", speaker: null },
  { command: "said", speaker: "Ann Lee", topic: null },
  { command: "said", speaker: "Rees", topic: "cod" },
  { command: "said", speaker: "Zed Nobody", topic: null },
];

// PGlite starts a WebAssembly PostgreSQL: on a busy machine that alone can take a minute. The
// limits are generous so the suite never depends on the machine's speed.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

let engine: Engine;
let db: Db;
let postgres: PostgresStore;

beforeAll(async () => {
  engine = engineFor(DOCS);
  const url = process.env.TEST_DATABASE_URL;
  db = url ? await connectPg(url) : (new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db);
  await writeCorpus(db, engine.corpus, { batchSize: 20 });
  postgres = await PostgresStore.open(db);
  // The corpus is small: every actor has "few" facts, which PostgreSQL's stancesAbout would give
  // whole. Filtering them is what is under test (the answers are the same either way).
  postgres.fewStances = 0;
});

afterAll(async () => {
  await db?.close?.();
});

const stores = (): [[string, Store], [string, Store]] => [
  ["embedded", engine.store],
  ["postgres", postgres],
];

/** A topic's words as the stance answer gives them to stancesAbout. */
const topicOf = (words: string, min: number, minEvaluation = min): TopicWords => ({
  terms: [...new Set(contentTerms(words).map((t) => t.term))],
  min,
  minEvaluation,
});

/** The typo rule, spelt out: within its edits, or its letters with two neighbours swapped. */
const typoOf = (qt: string, t: string): boolean =>
  typoEdits(qt) > 0 && t.length >= 4 && (editDistance(qt, t, typoEdits(qt)) <= typoEdits(qt) || swapped(qt, t));

/** What stancesAbout must keep, read the slow way: the passage's own terms, each query term exactly or a typo away. */
function holdsTopic(f: StanceFact, topic: TopicWords): boolean {
  if (mayHoldCutWords(f)) return true;
  const have = contentTerms(engine.corpus.passages[f.passageId]!.text).map((t) => t.term);
  const found = topic.terms.filter((qt) => have.some((t) => t === qt || typoOf(qt, t)));
  return found.length >= (f.cueClass === "evaluation" ? topic.minEvaluation : topic.min);
}

/** What the stance answer reads of a fact to weigh it against a topic, read the slow way: off its passage and title. */
function weighedBy(f: StanceFact, topic: TopicWords): TopicStance {
  const p = engine.corpus.passages[f.passageId]!;
  const found = (text: string): Uint8Array => {
    const have = contentTerms(text).map((t) => t.term);
    return Uint8Array.from(topic.terms, (qt) => (have.includes(qt) ? FOUND_EXACT : have.some((t) => typoOf(qt, t)) ? FOUND_TYPO : NOT_FOUND));
  };
  const at = Math.min(f.sentence.start, f.clause?.start ?? f.sentence.start);
  const end = Math.max(f.sentence.end, f.clause?.end ?? f.sentence.end);
  return {
    fact: f,
    docId: p.docId,
    span: { at, text: p.text.slice(at, end) },
    found: { text: found(p.text), title: found(engine.corpus.documents[p.docId]!.title) },
  };
}

/** [topic words, how many the passage must hold (for a cue, for evaluative words), whether any stance has them]. */
const TOPICS: Array<[string, number, number, boolean]> = [
  ["dredging plan", 1, 1, true],
  ["dredging plan", 2, 2, true],
  ["timetable", 1, 1, true],
  // Typos: one edit from a 4–7 letter stem, two from a longer one.
  ["harbor", 1, 1, true],
  ["chanel", 1, 1, true],
  ["lifebaots", 1, 1, true],
  ["dredging zeppelin", 1, 1, true],
  ["dredging zeppelin", 1, 2, true],
  ["dredging zeppelin", 2, 1, false],
  ["dredging zeppelin", 2, 2, false],
  ["zeppelin", 1, 1, false],
  // The title's words are not the passage's: "changes" is only in a headline.
  ["changes", 1, 1, false],
  ["dredging", 0, 0, true],
];

describe.each(["embedded", "postgres"])("the %s store", (name) => {
  const store = (): Store => stores().find(([n]) => n === name)![1];

  it("gives passages with their document and facts, in the order asked, leaving out unknown ids", async () => {
    const got = await store().passages([2, 0, 999]);
    expect(got.map((p) => p.passage.id)).toEqual([2, 0]);
    expect(got[0]!.document.id).toBe(engine.corpus.passages[2]!.docId);
    expect(got[0]!.quotes).toEqual(engine.corpus.quotes.filter((q) => q.passageId === 2));
    expect(await store().passages([])).toEqual([]);
    // Without their facts: the same passages and documents, in the same order.
    expect(await store().passageTexts([2, 0, 999])).toEqual(got.map(({ passage, document }) => ({ passage, document })));
    expect(await store().passageTexts([])).toEqual([]);
  });

  it("finds the passage holding every word first, and nothing for words no passage has", async () => {
    const ids = await store().candidates("cod away", 5);
    expect(engine.corpus.passages[ids[0]!]!.text).toContain("drive the cod away");
    expect(await store().candidates("xylophone zeppelin", 5)).toEqual([]);
    expect(await store().candidates("the of and", 5)).toEqual([]);
  });

  it("corrects misspelt words against the corpus' words, and leaves known words alone", async () => {
    expect(await store().correct("the harbor bord")).toBe("the harbour board");
    expect(await store().correct("the harbour board")).toBeNull();
  });

  it("suggests corpus words for a typo", async () => {
    expect((await store().suggest("harbor")).join(" ")).toMatch(/harbour/);
  });

  it("corrects several misspelt words at once, each in its place", async () => {
    expect(await store().correct("the chanel silts up evry wintr")).toBe("the channel silts up every winter");
  });

  it("corrects a swap of neighbouring letters as one slip, and leaves two slips in a word under ten letters", async () => {
    expect(await store().correct("the chanenl silts up")).toBe("the channel silts up");
    expect(await store().correct("the timetabel changes")).toBe("the timetable changes");
    expect(await store().correct("the tymetible changes")).toBeNull();
  });

  it("gives stances by actor, actors by word, known actors, speakers and their quotations", async () => {
    const keys = await store().actorsSharingWord("union");
    expect(keys.some((k) => k.includes("union"))).toBe(true);
    expect(await store().actorsSharingWord("zzzz")).toEqual([]);
    // With `having`: the same keys in the same order, but only those holding one of those words.
    const holding = (key: string, words: string[]) => key.split(" ").some((w) => words.includes(w));
    for (const [name, having] of [
      ["the ferry union", ["union"]],
      ["ann lee union", ["lee", "ferry"]],
    ] as const) {
      const all = await store().actorsSharingWord(name);
      const some = await store().actorsSharingWord(name, having);
      expect(some.length).toBeGreaterThan(0);
      expect(some).toEqual(all.filter((k) => holding(k, [...having])));
    }
    expect(await store().actorsSharingWord("union", ["zzzz"])).toEqual([]);
    expect(await store().actorsSharingWord("union", [])).toEqual([]);
    const facts = await store().stancesByActors(keys);
    expect(facts.length).toBeGreaterThan(0);
    expect(await store().stancesByActors(["nobody at all"])).toEqual([]);
    const speakers = await store().speakers();
    expect(speakers.map((s) => s.speaker)).toContain("Ann Lee");
    const quotes = await store().quotesBySpeakers(["Ann Lee"]);
    expect(quotes.map((q) => q.speaker)).toEqual(quotes.map(() => "Ann Lee"));
    expect(quotes.map((q) => q.id)).toEqual([...quotes.map((q) => q.id)].sort((a, b) => a - b));
    expect(await store().quotesBySpeakers(["Zed Nobody"])).toEqual([]);
  });

  it("gives the stance facts of given passages in extraction order, and none for passages without any", async () => {
    const all = engine.corpus.stances;
    const ids = [...new Set(all.map((f) => f.passageId))];
    expect(await store().stancesInPassages([...ids].reverse())).toEqual(all.filter((f) => ids.includes(f.passageId)));
    const without = engine.corpus.passages.find((p) => !ids.includes(p.id))!.id;
    expect(await store().stancesInPassages([without, 999])).toEqual([]);
    expect(await store().stancesInPassages([])).toEqual([]);
  });

  it("gives the first stances by actor when asked for a few", async () => {
    const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
    const all = await store().stancesByActors(keys);
    expect(all.length).toBeGreaterThan(2);
    expect(await store().stancesByActors(keys, 2)).toEqual(all.slice(0, 2));
    expect(await store().stancesByActors(keys, 0)).toEqual([]);
    expect(await store().stancesByActors(["nobody at all"], 5)).toEqual([]);
  });

  it.each(TOPICS)(
    "gives the stances whose passage holds enough of the topic's words: %j, at least %i (%i for evaluative words)",
    async (words, min, minEvaluation, some) => {
      const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
      const topic = topicOf(words, min, minEvaluation);
      const got = await store().stancesAbout(keys, topic);
      expect(got.map((a) => a.fact)).toEqual((await store().stancesByActors(keys)).filter((f) => holdsTopic(f, topic)));
      for (const a of got) expect(a).toEqual(weighedBy(a.fact, topic));
      expect(got.length > 0).toBe(some);
      expect(await store().stancesAbout(["nobody at all"], topic)).toEqual([]);
    },
  );

  it("gives the actors' stances as weighed without a topic, and each fact by its number", async () => {
    const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
    const facts = await store().stancesByActors(keys);
    const votes = await store().stanceVotes(keys);
    expect(votes.map(({ ord: _o, ...v }) => v)).toEqual(
      facts.map((f) => ({
        passageId: f.passageId,
        docId: engine.corpus.passages[f.passageId]!.docId,
        cueStart: f.cueStart,
        evaluation: f.cueClass === EVALUATION,
        polarity: f.polarity,
        negated: f.negated,
        weight: f.weight,
      })),
    );
    expect(votes.map((v) => engine.corpus.stances[v.ord])).toEqual(facts);
    const byOrd = await store().stancesByOrd([...votes.map((v) => v.ord)].reverse());
    expect(votes.map((v) => byOrd.get(v.ord))).toEqual(facts);
    expect(await store().stancesByOrd([engine.corpus.stances.length + 5])).toEqual(new Map());
    expect(await store().stanceVotes(["nobody at all"])).toEqual([]);
  });

  it("may give an actor with few facts all of them, never fewer than asked", async () => {
    const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
    const all = await store().stancesByActors(keys);
    const few = await PostgresStore.open(db);
    const topic = topicOf("zeppelin timetable", 1);
    expect(await few.stancesAbout(keys, topic)).toEqual(all.map((f) => weighedBy(f, topic)));
    expect(await few.stancesAbout(["nobody at all"], topic)).toEqual([]);
  });

  it("lists documents and counts", async () => {
    const docs = await store().documents();
    expect(docs.map((d) => d.file).sort()).toEqual(["ferry.md", "harbour.txt"]);
    expect(await store().stats()).toMatchObject({ documents: 2, passages: engine.corpus.passages.length, stances: engine.corpus.stances.length });
  });
});

describe("both stores", () => {
  it("hold the same facts", async () => {
    const [[, a], [, b]] = stores();
    const ids = engine.corpus.passages.map((p) => p.id);
    expect(await b.passages(ids)).toEqual(await a.passages(ids));
    expect(await b.documents()).toEqual(await a.documents());
    expect(await b.stats()).toEqual(await a.stats());
    expect(new Set(await b.speakers())).toEqual(new Set(await a.speakers()));
    for (const word of ["union", "ann lee", "ferry company", "mayor"]) expect(await b.actorsSharingWord(word)).toEqual(await a.actorsSharingWord(word));
    expect(await b.actorsSharingWord("ann lee union", ["union", "lee"])).toEqual(await a.actorsSharingWord("ann lee union", ["union", "lee"]));
    const keys = [...engine.corpus.actors.keys()];
    expect(await b.actors(keys)).toEqual(await a.actors(keys));
  });

  it.each(TOPICS)("give the same stances about %j, at least %i (%i for evaluative words)", async (words, min, minEvaluation) => {
    const [[, a], [, b]] = stores();
    const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
    expect(await b.stancesAbout(keys, topicOf(words, min, minEvaluation))).toEqual(await a.stancesAbout(keys, topicOf(words, min, minEvaluation)));
  });

  it.each([
    ["Ann Lee", undefined],
    ["fishermen's union", "dredging"],
    ["", "dredging plan"],
    ["Zed Nobody", undefined],
  ])("give the same timeline for actor %j and topic %j", async (actor, topic) => {
    const ctx = (s: Store): AnswerContext => ({ backend: s, facts: s, options: {} });
    const [[, a], [, b]] = stores();
    const want = await answerTimelineIn(ctx(a), actor, topic);
    expect(await answerTimelineIn(ctx(b), actor, topic)).toEqual(want);
    if (actor !== "Zed Nobody") expect(want.results.length).toBeGreaterThan(0);
  });

  it.each(QUESTIONS.map((q) => [JSON.stringify(q), q] as const))("give the same answer to %s", async (_name, q) => {
    const ctx = (s: Store): AnswerContext => ({ backend: s, facts: s, options: {} });
    const [[, a], [, b]] = stores();
    expect(await answer(ctx(b), q)).toEqual(await answer(ctx(a), q));
  });
});

describe("PostgreSQL's typo lookups, all of a question's words in one round trip", () => {
  it("suggest what each word alone would, in the words' order, as many as asked", async () => {
    const alone = async (w: string): Promise<string[]> => postgres.suggest(w);
    expect(await alone("dredgng")).toEqual(["dredging"]);
    const each = [...(await alone("dredgng")), ...(await alone("chanel")), ...(await alone("lifebaots"))];
    expect(each).toHaveLength(3);
    expect(await postgres.suggest("dredgng chanel lifebaots")).toEqual(each);
    expect(await postgres.suggest("dredgng chanel lifebaots", 2)).toEqual(each.slice(0, 2));
    expect(await postgres.suggest("xqzvw dredgng")).toEqual(["dredging"]);
  });

  it("are defined once, and again only when the function is another version's", async () => {
    const own = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      let defined = 0;
      const counted = watched(own, (sql) => {
        if (sql.startsWith("CREATE OR REPLACE FUNCTION eb_near_rows")) defined++;
      });
      await writeCorpus(own, engine.corpus, { batchSize: 20 });
      await PostgresStore.open(counted);
      await PostgresStore.open(counted);
      expect(defined).toBe(0); // writeCorpus defined it
      await own.query(
        "CREATE OR REPLACE FUNCTION eb_near_rows(sqls text[], thresholds text[], words text[], edits int[], patterns text[]) RETURNS TABLE (i int, v text, n int) LANGUAGE plpgsql AS $$ BEGIN END $$",
      );
      const store = await PostgresStore.open(counted);
      expect(defined).toBe(1);
      expect(await store.suggest("chanel")).toEqual(["channel"]);
    } finally {
      await own.close?.();
    }
  });

  it("look a word up once per generation, and again once another is served", async () => {
    const own = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      // How many statements each call of eb_near_rows runs (the last one reads the generation).
      const runs: number[] = [];
      const counted = watched(own, (sql, params) => {
        if (sql.includes("FROM eb_near_rows")) runs.push((params![0] as string[]).length);
      });
      await writeCorpus(own, engine.corpus, { batchSize: 20 });
      const store = await PostgresStore.open(counted);
      expect(await store.correct("the chanel silts")).toBe("the channel silts");
      expect(await store.suggest("chanel")).toEqual(["channel"]);
      expect(await store.correct("the chanel silts")).toBe("the channel silts");
      expect(runs).toEqual([2, 1, 1]);
      // A new generation where the word is spelt otherwise: the lookup is made again, on it.
      const other = engineFor({ "canal.txt": "Canal news\n\nThe chanell was dredged in spring, the lock keeper said." }).corpus;
      await writeCorpus(own, other, { batchSize: 20 });
      expect(await store.suggest("chanel")).toEqual(["chanell"]);
      expect(runs.slice(3)).toEqual([1, 2]);
    } finally {
      await own.close?.();
    }
  });
});

describe("PostgreSQL stances of a database indexed before each fact's class, keep, document and span were columns", () => {
  it("are the same, worked out of the facts", async () => {
    const own = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      await writeCorpus(own, engine.corpus, { batchSize: 20 });
      const store = await PostgresStore.open(own);
      store.fewStances = 0;
      const keys = [...new Set(engine.corpus.stances.map((f) => f.actor))];
      const topics = () => Promise.all(TOPICS.map(([words, min, minEvaluation]) => store.stancesAbout(keys, topicOf(words, min, minEvaluation))));
      const plain = await topics();
      // Every target ends in a number now, as one cut at its comma: every fact is kept, whatever the topic.
      await own.query(`UPDATE eb_stances SET fact = jsonb_set(fact, '{target}', to_jsonb((fact->>'target') || ' 800'))`);
      await own.query(`UPDATE eb_stances SET evaluation = fact->>'cueClass' = '${EVALUATION}', keep = ${mayHoldCutWordsSql("fact")}`);
      const kept = await topics();
      expect(kept.flat().length).toBeGreaterThan(plain.flat().length);
      await own.query("UPDATE eb_stances SET evaluation = NULL, keep = NULL");
      expect(await topics()).toEqual(kept);
      // Nor each fact's document and span: they are read off the passages.
      const votes = await store.stanceVotes(keys);
      await own.query("UPDATE eb_stances SET doc_id = NULL, span_at = NULL, span = NULL");
      expect(await topics()).toEqual(kept);
      expect(await store.stanceVotes(keys)).toEqual(votes);
    } finally {
      await own.close?.();
    }
  });
});

describe("stances kept whatever their passage's words", () => {
  const fact = (target: string, cueClass = "support", clause?: { start: number; end: number }): StanceFact =>
    ({ target, cueClass, clause }) as unknown as StanceFact;
  it.each([
    ["a number cut at its comma", fact("all the 800"), true],
    ["an acronym that lost its last dot", fact("closer ties with the U.S"), true],
    ["a non-ASCII last letter", fact("the new café"), true],
    ["evaluative words cut at the length read", fact("the same", "evaluation", { start: 10, end: 310 }), true],
    ["plain words", fact("the dredging plan"), false],
    ["a short evaluation", fact("a great harm", "evaluation", { start: 10, end: 40 }), false],
    ["a long clause of a cue, which is never cut", fact("the plan", "support", { start: 0, end: 400 }), false],
  ])("%s: %s", (_name, f, want) => {
    expect(mayHoldCutWords(f)).toBe(want);
  });
});

describe("the PostgreSQL indexer", () => {
  it("keeps the served generation when a run fails half-way, and tells listeners when the next one commits", async () => {
    const before = await postgres.documents();
    const other = engineFor({ "tide.txt": 'Tide tables\n\n"The tide turns at noon," said Ola Berg.' });
    // A connection that fails on the quotations batch: the run dies after writing some of its rows.
    const failing: Db = {
      query: (sql, params) => db.query(sql, params),
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({ query: (sql, params) => (sql.startsWith("INSERT INTO eb_quotes") ? Promise.reject(new Error("connection lost")) : tx.query(sql, params)) }),
        ),
    };
    await expect(writeCorpus(failing, other.corpus)).rejects.toThrow("connection lost");
    expect(await postgres.documents()).toEqual(before);

    const seen: number[] = [];
    const stop = await postgres.onChange((g) => seen.push(g));
    const generation = await writeCorpus(db, other.corpus, { batchSize: 2 });
    expect((await postgres.documents()).map((d) => d.file)).toEqual(["tide.txt"]);
    expect((await answerWhoSaid({ backend: postgres, facts: postgres, options: {} }, "the tide turns at noon")).results[0]?.speaker).toBe("Ola Berg");
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([generation]);
    await stop();
  });
});

/** Waits (without a timed assertion) until `done()` holds, or gives up after a generous while. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}

const MILL = {
  "mill.txt": 'Mill reopens after the flood\n\nMarch 2, 2022\n\n"The wheel turns again," said Renée Dubé, the miller. The town council supports the mill.',
};
const BAKERY = { "bakery.txt": 'Bakery opens\n\n"Bread at dawn, every day," said Piet Olsen, the baker.' };

describe.each(["embedded", "postgres"])("replace and change notification on the %s store", (name) => {
  let store: Store;
  let mill: Engine;
  beforeAll(() => {
    mill = engineFor(MILL);
    // The embedded store starts from the first corpus; PostgreSQL is the shared one above.
    store = name === "embedded" ? new EmbeddedStore(engine.corpus, engine.index) : postgres;
  });

  it("serves the new corpus after replace, tells listeners, and no longer tells those that stopped", async () => {
    const seen: number[] = [];
    const stop = await store.onChange((g) => seen.push(g));
    await store.replace({ corpus: mill.corpus, changed: ["mill.txt"], removed: ["harbour.txt", "ferry.md"] });
    await until(() => seen.length > 0);
    expect(seen).toHaveLength(1);
    expect(await store.files()).toEqual(["mill.txt"]);
    const ctx: AnswerContext = { backend: store, facts: store, options: {} };
    expect((await answerWhoSaid(ctx, "the wheel turns again")).results[0]?.speaker).toBe("Renée Dubé");
    expect((await answerWhoSaid(ctx, "the channel silts up every winter")).results).toEqual([]);
    const docs = await store.documentsByFile(["mill.txt", "harbour.txt"]);
    expect([...docs.keys()]).toEqual(["mill.txt"]);
    expect(docs.get("mill.txt")?.hash).toBe(mill.corpus.documents[0]!.hash);

    await stop();
    const still: number[] = [];
    const stopStill = await store.onChange((g) => still.push(g));
    await store.replace({ corpus: engineFor(BAKERY).corpus, changed: ["bakery.txt"], removed: ["mill.txt"] });
    await until(() => still.length > 0);
    expect(still).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(await store.files()).toEqual(["bakery.txt"]);
    await stopStill();
    await store.replace({ corpus: mill.corpus, changed: ["mill.txt"], removed: ["bakery.txt"] });
  });

  it("finds actor and speaker names whatever their case and accents, and none that no document has", async () => {
    const names = async (typed: string, speakersOnly = false): Promise<string[]> => (await store.namesLike(typed, { speakersOnly })).map((n) => n.name);
    expect(await names("renee")).toContain("Renée Dubé");
    expect(await names("DUBE")).toContain("Renée Dubé");
    expect(await names("dubé", true)).toEqual(["Renée Dubé"]);
    expect(await names("council", true)).toEqual([]);
    expect(await names("zzzz")).toEqual([]);
    expect((await store.namesLike("", { max: 1 })).length).toBe(1);
  });
});

describe("PostgreSQL names without the unaccent extension", () => {
  it("still folds the common accents, and says it does not use unaccent", async () => {
    expect(postgres.unaccent).toBe(true);
    const plain = await PostgresStore.open(db, { unaccent: false });
    expect(plain.unaccent).toBe(false);
    expect((await plain.namesLike("renee dube")).map((n) => n.name)).toEqual(["Renée Dubé"]);
    expect(await plain.namesLike("renata")).toEqual([]);
  });
});
