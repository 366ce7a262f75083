// The bounds on the slow answers: the fallback search keeps its rarest words within a scan budget,
// passages holding every word are ranked among themselves with MiniSearch's own scores, typo
// corrections are cached, and layered coverage reads lighter layers only when they could count —
// each giving the same answers as the unbounded way where the bound does not bite.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredCoverage, makeQuery } from "../src/answer/match.js";
import { editDistance, foundIn, swapped } from "../src/text/typos.js";
import type MiniSearch from "minisearch";
import { compactParts } from "../src/index/compact-index.js";
import { best, type Variant, variants } from "../src/index/compact-search.js";
import { ALL_WORDS_BUDGET, fuzzy, PassageSearch, phraseTest, prefix } from "../src/index/search-index.js";
import { foldPunctuation } from "../src/text/normalize.js";
import { contentTerms, stem, tokenize } from "../src/text/tokenize.js";
import { engineFor } from "./helpers.js";

const filler = (i: number) => `The council met again on day ${i} to discuss the budget and the harbour plan, officials said.`;
const engine = engineFor({
  "a.txt": [
    "Harbour budget talks",
    "",
    ...Array.from({ length: 40 }, (_, i) => [filler(i), ""]).flat(),
    "The harbour plan was approved after the mayor changed the budget for dredging work.",
    "",
    "Dredging of the quay starts in winter, the mayor said.",
    "",
  ].join("\n"),
});
const vocabulary = engine.index.vocabulary;

describe("withinBudget: the fallback's words, rarest first, within a scan budget", () => {
  const rows: Array<[query: string, budget: number, expected: string]> = [
    // nothing dropped: the text as is
    ["dredging quay", 100, "dredging quay"],
    ["council dredging", 100, "council dredging"],
    // the common word goes first
    ["council dredging", 10, "dredging"],
    ["council budget dredging quay", 5, "quay dredging"],
    // the rarest word stays even when it alone is over the budget
    ["council budget", 1, "council"],
    // words no passage has cost nothing and stay
    ["zeppelin council", 1, "zeppelin"],
    ["zeppelin", 0, "zeppelin"],
  ];
  it.each(rows)("%s (budget %d) → %s", (query, budget, expected) => {
    expect(vocabulary.withinBudget(query, budget)).toBe(expected);
  });

  it("finds nothing to search in stopwords alone", () => {
    expect(vocabulary.withinBudget("the and of", 1)).toBe("the and of");
    expect(engine.index.searchPassages("the and of")).toEqual([]);
  });
});

describe("ranking the passages that hold every word", () => {
  it("scores them as MiniSearch scores the same words, restricted to them", () => {
    const query = "council budget harbour";
    const ids = engine.index.withAllWords(query);
    expect(ids.length).toBeGreaterThan(30);
    const ours = engine.index.passages.scoreOnly(ids, ["council", "budget", "harbour"]);
    const inIds = new Set(ids);
    const theirs = engine.index.passages.search(query, { fuzzy: false, prefix: false }).filter((r) => inIds.has(r.id as number));
    expect(ours.map((r) => r.id)).toEqual(theirs.map((r) => r.id));
    ours.forEach((r, i) => expect(r.score).toBeCloseTo(theirs[i]!.score, 9));
  });

  it("are what the search returns when there are many, and only them", () => {
    const hits = engine.index.searchPassages("council budget harbour");
    const ids = new Set(engine.index.withAllWords("council budget harbour"));
    expect(hits.length).toBe(ids.size);
    expect(hits.every((h) => ids.has(h.id as number))).toBe(true);
  });

  it("gives nothing for ids the index does not have", () => {
    expect(engine.index.passages.scoreOnly([99_999], ["council"])).toEqual([]);
  });
});

describe("typo correction", () => {
  const rows: Array<[string, string | null]> = [
    ["the mayer aproved dredgin", "the mayor approved dredging"],
    ["counsil", "council"],
    // a swap of neighbouring letters is one slip, whatever the word's length
    ["dredgnig", "dredging"],
    ["harbuor", "harbour"],
    // two slips in a word of eight letters reach other words more often than a typo: left as typed
    ["drexgint", null],
    // nothing to correct, or nothing close enough
    ["the mayor approved", null],
    ["xylophone", null],
  ];
  it.each(rows)("%s → %s, the same the second time (cached)", (typed, expected) => {
    expect(vocabulary.correct(typed)).toBe(expected);
    expect(vocabulary.correct(typed)).toBe(expected);
  });
});

/** The coverage as defined: each term's best layer (1 exactly, 0.8 with a typo), averaged; read without shortcuts. */
function referenceCoverage(terms: string[], layers: Array<[string, number]>): number {
  if (terms.length === 0) return 0;
  let total = 0;
  for (const qt of terms) {
    let best = 0;
    for (const [text, w] of layers) {
      const textTerms = tokenize(text).map((t) => stem(t.norm));
      const max = qt.length >= 10 ? 2 : 1;
      const typo = (t: string): boolean => t.length >= 4 && (editDistance(qt, t, max) <= max || swapped(qt, t));
      const credit = textTerms.includes(qt) ? 1 : qt.length >= 4 && textTerms.some(typo) ? 0.8 : 0;
      best = Math.max(best, credit * w);
    }
    total += best;
  }
  return total / terms.length;
}

describe("layeredCoverage reads only the layers that can count", () => {
  const words = ["harbour", "harbor", "budget", "budgets", "council", "counsel", "dredging", "mayor", "quay", "winter", "plans", "plan"];
  const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 8 }).map((w) => w.join(" "));
  it("equals the definition on random layers and weights", () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(text, fc.constantFrom(0.3, 0.5, 0.6, 0.8, 1)), { minLength: 1, maxLength: 5 }), (query, layers) => {
        const q = makeQuery(query);
        expect(layeredCoverage(q, layers)).toBeCloseTo(referenceCoverage(q.terms, layers), 12);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("gives the same from what a layer holds of each term as from its text", () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(text, fc.constantFrom(0.3, 0.5, 0.6, 0.8, 1), fc.boolean()), { minLength: 1, maxLength: 5 }), (query, layers) => {
        const q = makeQuery(query);
        const held = (t: string): Uint8Array => {
          const stems = new Set(contentTerms(t).map((c) => c.term));
          return Uint8Array.from(q.terms, (qt) => foundIn(qt, stems));
        };
        const asText = layers.filter(([, , known]) => !known).map(([t, w]): [string, number] => [t, w]);
        const asFound = layers.filter(([, , known]) => known).map(([t, w]): [Uint8Array, number] => [held(t), w]);
        expect(layeredCoverage(q, asText, asFound)).toBe(
          layeredCoverage(
            q,
            layers.map(([t, w]) => [t, w]),
          ),
        );
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("gives 0 when no layer has any of the words", () => {
    expect(
      layeredCoverage(makeQuery("zeppelin airship"), [
        ["the harbour budget", 1],
        ["a council vote", 0.5],
      ]),
    ).toBe(0);
  });
});

describe("a quotation whose content words are common", () => {
  // Sixty short passages share the quotation's two content words, in another order; BM25 prefers
  // short passages, so ranking on content words alone leaves the long one holding the quotation out.
  const engine = engineFor({
    "notes.txt": ["Notes", "", ...Array.from({ length: 60 }, (_, i) => [`Even worse on day ${i}, the decision waited.`, ""]).flat()].join("\n"),
    "story.txt": [
      "Ferry timetable",
      "",
      `The operator published the winter timetable after weeks of talks with the unions, the port authority and the town, which had asked for an earlier first crossing on weekdays and a later last one on Fridays. “This decision is even worse than the last one,” said union steward Carla Mendes.`,
    ].join("\n"),
  });

  it("is found among the passages holding the words as asked", async () => {
    const a = await engine.whoSaid("This decision is even worse");
    expect(a.results[0]?.speaker).toBe("Carla Mendes");
  });

  it.each(["decision is even better", "even the decision is worse"])("words it never says together find nothing: %s", async (q) => {
    expect((await engine.whoSaid(q)).results).toEqual([]);
  });
});

describe("phraseTest: the words as asked, found without folding each passage", () => {
  /** The definition: the folded phrase among the folded text's words. */
  const fold = (t: string): string =>
    foldPunctuation(t)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}']+/gu, " ")
      .trim();
  const reference = (phrase: string, text: string): boolean => ` ${fold(text)} `.includes(` ${fold(phrase)} `);

  const rows: Array<[phrase: string, text: string, expected: boolean]> = [
    ["the mayor said", "“The mayor said,” she wrote.", true],
    ["mayor said", "The MAYOR — said nothing.", true],
    ["don't wait", "“Don’t wait for the tide,” he said.", true],
    ["don't wait", "Don`t  wait.", true],
    // whole words only, in the order asked, nothing between them
    ["the mayor", "themayor said", false],
    ["mayor said", "the mayors said", false],
    ["mayor said", "said the mayor", false],
    ["mayor said", "the mayor clearly said", false],
    ["dont wait", "Don’t wait", false],
    ["σας λέω", "ΣΑΣ ΛΈΩ", true],
  ];
  it.each(rows)("%s in %s: %s", (phrase, text, expected) => {
    expect(phraseTest(fold(phrase))(text)).toBe(expected);
    expect(reference(phrase, text)).toBe(expected);
  });

  it("agrees with the definition on random texts of words, case, quotes and punctuation", () => {
    const piece = fc.constantFrom(
      "the",
      "The",
      "mayor",
      "MAYOR",
      "said",
      "don't",
      "don’t",
      "Don`t",
      "it's",
      "Σ",
      "σ",
      "ς",
      "ΣΑΣ",
      "naïve",
      "42",
      " ",
      "  ",
      ", ",
      "—",
      "“",
      "”",
      "’",
      "‘",
      "-",
      "\n",
      ".",
      "'",
      "′",
    );
    const text = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(""));
    const word = fc.constantFrom("the", "mayor", "said", "don't", "it's", "σ", "ς", "σας", "naïve", "42", "'");
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 3 }), text, (words, t) => {
        const phrase = words.join(" ");
        expect(phraseTest(phrase)(t)).toBe(reference(phrase, t));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});

describe("the bounded all-words and fallback paths give the unbounded head", () => {
  const texts = (id: number): string | undefined => engine.corpus.passages[id]?.text;
  const queries = ["council budget harbour", "the harbour plan", "budget and the harbour", "dredging quay", "counsil budjet", "harbour zeppelin", "zeppelin"];
  it.each(queries)("%s: the first n of the full list", (q) => {
    const all = engine.index.searchPassages(q, 5, texts);
    for (const n of [1, 3, 30]) expect(engine.index.searchPassages(q, 5, texts, n).map((r) => r.id)).toEqual(all.slice(0, n).map((r) => r.id));
  });

  it("finds nothing for words no passage has", () => {
    expect(engine.index.searchPassages("zeppelin airship", 5, texts, 30)).toEqual([]);
  });

  it("scores from the compact arrays exactly as from MiniSearch's own maps, and keeps only the head asked for", () => {
    const plain = new PassageSearch();
    plain.addAll(engine.corpus.passages.map((p) => ({ id: p.id, text: p.text, title: engine.corpus.documents[p.docId]!.title })));
    const ids = engine.index.withAllWords("council budget");
    const stems = ["council", "budget", "harbour", "zeppelin"];
    const ours = engine.index.passages.scoreOnly(ids, stems);
    expect(ours).toEqual(plain.scoreOnly(ids, stems));
    expect(engine.index.passages.scoreOnly(ids, stems, 4)).toEqual(ours.slice(0, 4));
    expect(engine.index.passages.scoreOnly(ids, ["zeppelin"]).every((r) => r.score === 0)).toBe(true);
  });
});

describe("the typed search's bounds", () => {
  it("best(): the head of a stable sort by score, ties in position order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2, 3), { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (xs, k) => {
        const scores = Float64Array.from(xs);
        const expected = xs
          .map((_, i) => i)
          .sort((a, b) => xs[b]! - xs[a]! || a - b)
          .slice(0, k);
        expect(best(scores, k)).toEqual(expected);
      }),
      { numRuns: 300, seed: 2 },
    );
    expect(best(new Float64Array(0), 5)).toEqual([]);
  });

  describe("variants within a postings budget", () => {
    // "plan" begins several words; each holds some passages
    const words = ["plan", "plans", "planner", "planners", "planet", "planted", "plank", "plant"];
    const e = engineFor(
      Object.fromEntries(words.map((w, i) => [`${w}.txt`, Array.from({ length: 3 + i }, (_, k) => `Note ${k} on the ${w} of the quay.\n`).join("\n")])),
    );
    const parts = compactParts(e.index.passages as MiniSearch<unknown>)!;
    const F = Object.keys(parts.compact.fieldIds).length;
    const size = (t: number): number => parts.compact.offsets[(t + 1) * F]! - parts.compact.offsets[t * F]!;
    const names = (vs: Variant[]): string[] => vs.map((v) => parts.compact.terms[v.t]!);

    it("are all of them when their postings fit", () => {
      const all = variants("plan", 0, ["plan"], parts, false, true, Infinity);
      expect(all.length).toBeGreaterThan(4);
      expect(variants("plan", 0, ["plan"], parts, false, true)).toEqual(all);
    });

    it("keep the term itself and the nearest variants, in the search's order, within the budget", () => {
      const all = variants("plan", 0, ["plan"], parts, false, true, Infinity);
      for (const budget of [0, 5, 12, 30]) {
        const kept = variants("plan", 0, ["plan"], parts, false, true, budget);
        expect(kept[0]).toEqual(all[0]); // the exact term, whatever its size
        const loose = kept.slice(1);
        expect(loose.reduce((n, v) => n + size(v.t), 0)).toBeLessThanOrEqual(budget);
        // the search's order is kept: a subsequence of the full list
        expect(names(all).filter((w) => names(kept).includes(w))).toEqual(names(kept));
        // nothing dropped outranks something kept unless it did not fit
        const dropped = all.slice(1).filter((v) => !kept.includes(v) && !kept.some((k) => k.t === v.t));
        for (const d of dropped)
          for (const k of loose) if (d.weight > k.weight) expect(size(d.t)).toBeGreaterThan(budget - loose.reduce((n, v) => n + size(v.t), 0));
      }
    });

    it("find nothing for a word nothing begins with or is near", () => {
      expect(variants("zeppelin", 0, ["zeppelin"], parts, fuzzy, prefix, 5)).toEqual([]);
      expect(e.index.passages.searchScored("zeppelin", { fuzzy, prefix }, 5)).toEqual([]);
    });
  });
});

describe("passages holding every word, past the ranking budget", () => {
  // More holders than ALL_WORDS_BUDGET: "harbour office" in every paragraph of thirty logs.
  const who = ["Ana Ruiz", "Tom Berg", "Lena Fox", "Omar Said", "Kim Lee", "Eva Holm", "Raj Patel"];
  const what = ["the ferry timetable", "the winter dredging", "the quay repairs", "the fishing permits", "the new pontoon", "the tide gauge"];
  const files: Record<string, string> = {};
  for (let f = 0; f < 30; f++) {
    const lines = Array.from({ length: 75 }, (_, i) => [
      `On day ${f * 75 + i} ${who[(i + f) % 7]} asked the harbour office about ${what[(i * 5 + f) % 6]}, and the clerk wrote it in ledger ${i + 3 * f}.`,
      "",
    ]);
    files[`log${String(f).padStart(2, "0")}.txt`] = [`Harbour log ${f}`, "", ...lines.flat()].join("\n");
  }
  const board = engineFor(files);
  const texts = (id: number): string | undefined => board.corpus.passages[id]?.text;

  it("ranks only the first ALL_WORDS_BUDGET in corpus order", () => {
    const holders = board.index.withAllWords("harbour office");
    expect(holders.length).toBeGreaterThan(ALL_WORDS_BUDGET);
    const first = new Set(holders.slice(0, ALL_WORDS_BUDGET));
    const hits = board.index.searchPassages("asked the harbour office", 5, texts, 50);
    expect(hits).toHaveLength(50);
    expect(hits.every((h) => first.has(h.id as number))).toBe(true);
  });

  it("moves nothing first for words as asked that no passage holds", () => {
    const hits = board.index.searchPassages("office the harbour", 5, texts, 50);
    expect(hits.map((h) => h.id)).toEqual(board.index.searchPassages("office the harbour", 5, undefined, 50).map((h) => h.id));
  });
});
