// The compact index answers exactly as MiniSearch does from its own index (and as it did from the
// old JSON cache, which listed the terms in the same order): same results, same order, same scores, for exact, prefix and fuzzy searches,
// suggestions and the all-words lists — including queries that must find nothing.
import fc from "fast-check";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { CompactBuilder } from "../src/index/compact-builder.js";
import { compactFromMiniSearch } from "../src/index/compact-index.js";
import { fuzzy, PASSAGE_OPTIONS, type PassageDoc, PassageSearch, prefix, SearchIndex, Vocabulary } from "../src/index/search-index.js";
import { engineFor } from "./helpers.js";

const words = [
  "harbour",
  "harbours",
  "council",
  "counsel",
  "budget",
  "budgets",
  "dredging",
  "ferry",
  "ferries",
  "quay",
  "vote",
  "voters",
  "mayor",
  "tide",
  "plan",
  "planning",
  "union",
  "winter",
];
const docs: PassageDoc[] = [];
for (let i = 1; i <= 300; i++) {
  const picked = words.filter((_, b) => (i >> (b % 9)) & 1 || i % (b + 3) === 0);
  docs.push({
    id: i * 3,
    text: `On day ${i} the ${picked.join(" and the ")} were discussed; ${picked.slice(0, 2).join(" ")} again.`,
    title: `Notes ${i % 7} ${words[i % words.length]}`,
  });
}

function built(): PassageSearch {
  const ms = new PassageSearch();
  ms.addAll(docs);
  return ms;
}

const queries = [
  "harbour",
  "harbour council",
  "dredging ferry quay",
  "plan",
  "plann",
  "harbor",
  "councel budgt",
  "ferr",
  "winter union tide mayor",
  "zeppelin",
  "zeppelin airship",
  "the and of",
  "",
];

describe("the compact index", () => {
  const original = built();
  const fromJson = MiniSearch.loadJS<PassageDoc>(JSON.parse(JSON.stringify(original)), PASSAGE_OPTIONS);
  const compact = PassageSearch.fromCompact(compactFromMiniSearch(built() as MiniSearch<unknown>));

  it("returns MiniSearch's results in the same order with the same scores, exact, prefix and fuzzy", () => {
    let found = 0;
    for (const q of queries) {
      for (const opts of [{}, { fuzzy, prefix }, { prefix: true }, { combineWith: "AND" as const }]) {
        const expected = fromJson.search(q, opts);
        expect(compact.search(q, opts), `${q} ${JSON.stringify(opts)}`).toEqual(expected);
        // (the same set as the index it was built as: only ties may list in another order, as they did from the old cache)
        expect(new Set(compact.search(q, opts).map((r) => r.id))).toEqual(new Set(original.search(q, opts).map((r) => r.id)));
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
    expect(compact.search("zeppelin")).toEqual([]);
  });

  it("suggests the same words", () => {
    for (const q of ["harb", "councel", "fer", "zeppelin"])
      expect(compact.autoSuggest(q, { fuzzy: 0.2, prefix: true }), q).toEqual(fromJson.autoSuggest(q, { fuzzy: 0.2, prefix: true }));
    expect(compact.autoSuggest("zeppelin", { fuzzy: 0.2, prefix: true })).toEqual([]);
  });

  it("suggests from its arrays exactly what MiniSearch's autoSuggest gives: terms, scores and order", () => {
    let found = 0;
    for (const q of [...queries, "harb", "councel", "fer", "harbour ferr", "budgt plan", "day 12", "12 harbour", "harbour harbour", "plan zeppelin"]) {
      const expected = fromJson.autoSuggest(q, { fuzzy: 0.2, prefix: true });
      expect(compact.suggestions(q), q).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(30);
    // nothing when one word reaches no passage, or there are no words at all
    expect(compact.suggestions("plan zeppelin")).toEqual([]);
    expect(compact.suggestions("the and of")).toEqual([]);
  });

  it("searches from its arrays exactly as MiniSearch's OR search: passages, scores and order", () => {
    let found = 0;
    for (const q of [...queries, "harbour harbour", "day 12 harbour", "budgt plan zeppelin"]) {
      for (const opts of [{}, { fuzzy, prefix }, { prefix: true }, { fuzzy: 0.3 }]) {
        const expected = compact.search(q, opts).map((r) => ({ id: r.id, score: r.score }));
        expect(
          compact.searchScored(q, opts).map((r) => ({ id: r.id, score: r.score })),
          `${q} ${JSON.stringify(opts)}`,
        ).toEqual(expected);
        expect(compact.searchScored(q, opts, 7).map((r) => r.id)).toEqual(expected.slice(0, 7).map((r) => r.id));
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
    expect(compact.searchScored("zeppelin", { fuzzy, prefix })).toEqual([]);
    expect(compact.searchScored("the and of")).toEqual([]);
  });

  it("searches as MiniSearch on random corpora with copies, numbers and typos", () => {
    const vocab = ["harbour", "harbours", "harbor", "council", "counsel", "budget", "2016", "12", "quay", "quays", "tide", "tides", "plan", "plans", "planner"];
    const word = fc.constantFrom(...vocab, "zeppelin", "harbr", "budgte", "pla");
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (texts, q, loose) => {
          const ms = new PassageSearch();
          ms.addAll([...texts, ...texts].map((t, i) => ({ id: i, text: t.join(" "), title: i % 3 ? "" : t[0]! })));
          const c = PassageSearch.fromCompact(compactFromMiniSearch(ms as MiniSearch<unknown>));
          const opts = loose ? { fuzzy, prefix } : {};
          const query = q.join(" ");
          expect(c.searchScored(query, opts).map((r) => [r.id, r.score])).toEqual(c.search(query, opts).map((r) => [r.id, r.score]));
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("suggests as autoSuggest on random corpora with copies, numbers and typos", () => {
    const vocab = ["harbour", "harbours", "harbor", "council", "counsel", "budget", "2016", "12", "quay", "quays", "tide", "tides", "plan", "plans", "planner"];
    const word = fc.constantFrom(...vocab, "zeppelin", "harbr", "budgte", "pla");
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (texts, q) => {
          // every text twice: copies score alike, so ties and their order are exercised
          const ms = new PassageSearch();
          ms.addAll([...texts, ...texts].map((t, i) => ({ id: i, text: t.join(" "), title: i % 3 ? "" : t[0]! })));
          const c = PassageSearch.fromCompact(compactFromMiniSearch(ms as MiniSearch<unknown>));
          const query = q.join(" ");
          // (MiniSearch's own autoSuggest over the same term tree: a rebuilt tree may list prefixes in another order)
          expect(c.suggestions(query)).toEqual(c.autoSuggest(query, { fuzzy: 0.2, prefix: true }));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it("round-trips: compacting a compact index gives the same arrays, and its JSON is MiniSearch's", () => {
    const c = compactFromMiniSearch(original as MiniSearch<unknown>);
    expect(compactFromMiniSearch(PassageSearch.fromCompact(c) as MiniSearch<unknown>)).toBe(c);
    expect(JSON.parse(JSON.stringify(compact))).toEqual(JSON.parse(JSON.stringify(original)));
    expect(compact.documentCount).toBe(300);
    expect(compact.termCount).toBe(original.termCount);
  });

  it("is what the builder makes document by document, term order, postings and averages included", () => {
    const b = new CompactBuilder(PASSAGE_OPTIONS.fields, (t) => PASSAGE_OPTIONS.tokenize!(t));
    for (const d of docs) b.add(d.id, [d.text, d.title]);
    expect(b.finish()).toEqual(compactFromMiniSearch(built() as MiniSearch<unknown>));
    expect(new CompactBuilder(["text"], (t) => t.split(" ")).finish()).toMatchObject({ documentCount: 0, terms: [] });
  });

  it("refuses to be changed in place", () => {
    expect(() => compact.add({ id: 1, text: "harbour", title: "x" })).toThrow(/read-only/);
  });

  it("reads the all-words posting lists straight from its arrays", () => {
    const plain = new SearchIndex(built(), new Vocabulary());
    const idx = new SearchIndex(compact, new Vocabulary());
    for (const q of ["harbour council", "dredging ferry quay", "winter union", "zeppelin", "harbour zeppelin"])
      expect(idx.withAllWords(q), q).toEqual(plain.withAllWords(q));
    expect(idx.withAllWords("zeppelin")).toEqual([]);
  });
});

describe("a saved and loaded search index", () => {
  const engine = engineFor({
    "a.txt": [
      "Harbour budget talks",
      "",
      "The harbour plan was approved after the mayor changed the budget for dredging work.",
      "",
      "The ferry union voted against the winter timetable.",
      "",
    ].join("\n"),
    "b.txt": ["Quay repairs", "", "Council officials said the quay repairs would wait until the tide tables were checked.", ""].join("\n"),
  });
  const loaded = SearchIndex.fromStored(engine.index.toStored());

  it("answers like the index it was saved from, typo correction included", () => {
    for (const q of ["harbour plan", "ferry union winter", "quay tide", "mayor zeppelin", "zeppelin"]) {
      expect(loaded.searchPassages(q), q).toEqual(engine.index.searchPassages(q));
    }
    expect(loaded.vocabulary.correct("the mayer aproved dredgin")).toBe(engine.index.vocabulary.correct("the mayer aproved dredgin"));
    expect(loaded.vocabulary.correct("harbour plan")).toBeNull();
    expect(loaded.suggest("harb")).toEqual(engine.index.suggest("harb"));
    expect([...loaded.vocabulary.df]).toEqual([...engine.index.vocabulary.df]);
  });
});
