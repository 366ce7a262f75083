// The real-text bench's corpus and queries: copies are seeded and lightly changed (names, numbers,
// words, dates moved), the corpus grows by whole copies to the passages asked for and is reused,
// and the queries come from the corpus' own facts. Texts are written for this test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../bench/prng.js";
import { copyText, ensureRealCorpus, properNames } from "../bench/real-corpus.js";
import { buildRealWorkload } from "../bench/real-workload.js";
import { stem } from "../src/text/tokenize.js";
import { engineFor, tempDir, writeKnowledge } from "./helpers.js";

const STORY = [
  "date: 2021-06-14",
  "",
  "Library extends its opening hours",
  "",
  "The city library will open until nine on weekdays from July, the council said in 1998 and again in 2021. About 240 readers signed the petition.",
  "",
  "“People work late and still want to borrow books,” said head librarian Nadia Kowalski.",
  "",
  "The extra hours will cost 35000 euros a year, according to Kowalski.",
].join("\n");

describe("copyText", () => {
  const pool = ["Brennan", "Okafor", "Lindqvist"];
  it("is the same for the same seed and differs for another", () => {
    expect(copyText(STORY, new Rng("a"), pool, 10)).toBe(copyText(STORY, new Rng("a"), pool, 10));
    const copies = new Set(["a", "b", "c", "d"].map((s) => copyText(STORY, new Rng(s), pool, 10)));
    expect(copies.size).toBeGreaterThan(1);
  });

  it("moves the date line, keeps years and the text's shape", () => {
    const out = copyText(STORY, new Rng("x"), pool, 20);
    expect(out.split("\n")[0]).toBe("date: 2021-07-04");
    expect(out).toContain("1998");
    expect(out).toContain("2021");
    expect(out.split("\n").length).toBe(STORY.split("\n").length);
  });

  it("swaps a name everywhere it occurs", () => {
    // With one name in running text and a one-name pool, the swap is certain.
    const text = "The plan was backed by Kowalski. Later, said Kowalski, it passed.";
    expect(copyText(text, new Rng("y"), ["Brennan"], 0)).toBe("The plan was backed by Brennan. Later, said Brennan, it passed.");
  });

  it("leaves a text with nothing to change as it is", () => {
    expect(copyText("date: 2020-01-01\n\nno names here, no numbers.", new Rng("z"), pool, 0)).toBe("date: 2020-01-01\n\nno names here, no numbers.");
  });
});

describe("properNames", () => {
  it.each([
    ["signed by Nadia Kowalski today", ["Nadia"]],
    ["Library opens. the head is Kowalski", ["Kowalski"]],
    ["Sentence starts Are Not names", []],
    ["all lower case words", []],
  ])("%s → %j", (text, names) => {
    expect(properNames(text)).toEqual(names);
  });
});

describe("ensureRealCorpus", () => {
  const shared = writeKnowledge({
    "eval/small-set/knowledge/2021-06-14_library.txt": STORY,
    "knowledge/notes.txt": "Harbour notes\n\nThe ferry leaves at noon, the harbour master Ines Roth said.\n",
  });
  const root = tempDir("real-corpus-");
  afterAll(() => {
    shared.cleanup();
    root.cleanup();
  });

  it("copies the sources until the passages asked for, dated names moved, and reuses the result", () => {
    const a = ensureRealCorpus({ passages: 20, seed: "1", root: root.dir, shared: shared.dir });
    expect(a.reused).toBe(false);
    expect(a.manifest.sources).toEqual(["small-set", "default"]);
    expect(a.manifest.copies).toBeGreaterThanOrEqual(3);
    expect(a.manifest.estimatedPassages).toBeGreaterThanOrEqual(20);
    expect(readFileSync(join(a.knowledge, "copy00", "small-set", "2021-06-14_library.txt"), "utf8")).toBe(STORY);
    const copy1 = readdirSync(join(a.knowledge, "copy01", "small-set"));
    expect(copy1).toHaveLength(1);
    expect(copy1[0]).not.toBe("2021-06-14_library.txt");
    expect(copy1[0]).toMatch(/^2021-0[67]-\d\d_library\.txt$/);
    expect(existsSync(join(a.knowledge, "copy01", "default", "notes.txt"))).toBe(true);

    const b = ensureRealCorpus({ passages: 20, seed: "1", root: root.dir, shared: shared.dir });
    expect(b.reused).toBe(true);
    expect(b.manifest).toEqual(a.manifest);
  });

  it("refuses a folder with no real text", () => {
    const empty = tempDir("no-shared-");
    try {
      expect(() => ensureRealCorpus({ passages: 20, seed: "1", root: join(empty.dir, "corpora"), shared: empty.dir })).toThrow(/no real text/);
    } finally {
      empty.cleanup();
    }
  });
});

describe("buildRealWorkload", () => {
  const engine = engineFor({
    "library.txt": STORY,
    "ferry.txt": [
      "date: 2022-03-01",
      "",
      "Ferry returns",
      "",
      "“We are glad the ferry is back,” said harbour master Ines Roth on Monday.",
      "",
      "The mayor supports the new ferry timetable, which starts next week.",
    ].join("\n"),
  });
  const known = (st: string): boolean => engine.index.vocabulary.df.has(st);
  const queries = buildRealWorkload(engine.corpus, known, 200, "7");

  it("has an equal share per command, the same for the same seed", () => {
    expect(queries).toHaveLength(200);
    for (const c of ["who-said", "when", "stance", "search"]) expect(queries.filter((q) => q.command === c)).toHaveLength(50);
    expect(buildRealWorkload(engine.corpus, known, 200, "7")).toEqual(queries);
  });

  it("asks who-said with words of the corpus' quotations", () => {
    const exact = queries.filter((q) => q.command === "who-said" && q.variant === "exact");
    expect(exact.length).toBeGreaterThan(0);
    const quotes = engine.corpus.quotes.map((q) => q.text.toLowerCase());
    for (const q of exact) expect(quotes.some((t) => t.replace(/[^\p{L}\p{N}' ]+/gu, "").includes(q.text.toLowerCase()))).toBe(true);
  });

  it("makes absent questions of words no passage has", () => {
    const absent = queries.filter((q) => q.variant === "absent");
    expect(absent.length).toBeGreaterThan(0);
    for (const q of absent) for (const w of q.text.split(" ")) expect(known(stem(w))).toBe(false);
  });
});
