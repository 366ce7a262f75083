// The PostgreSQL store's postings and the ranking over them: ids survive encoding whatever their
// gaps, rows come per span in order, and the ranking equals scoring every passage by hand.
import { describe, expect, it } from "vitest";
import { decodeIds, encodeIds, type Postings, postingRows, SPAN } from "../src/store/postgres/postings.js";
import { intersect, topScored, union } from "../src/store/postgres/ranking.js";
// Seeded, so a failure can be replayed.
import { prng as rng } from "./support/soak-plan.js";

/** Sorted distinct ids below `top`, each kept with probability `p`. */
function randomIds(next: () => number, top: number, p: number): Int32Array {
  const out: number[] = [];
  for (let id = 0; id < top; id++) if (next() < p) out.push(id);
  return Int32Array.from(out);
}

describe("encodeIds / decodeIds", () => {
  it("give back the ids, for gaps of one byte to five and any first id", () => {
    const cases: Array<[number[], number]> = [
      [[], 0],
      [[0], 0],
      [[7, 8, 9], 7],
      [[127, 128, 16_511, 16_512, 2_113_663, 2_147_000_000], 0],
      [[65_536, 65_537, 131_071], 65_536],
    ];
    for (const [ids, first] of cases) {
      const bytes = encodeIds(ids, first);
      const out = new Int32Array(ids.length + 2);
      expect(decodeIds(bytes, first, out, 1)).toBe(ids.length + 1);
      expect([...out.subarray(1, ids.length + 1)]).toEqual(ids);
    }
    // One byte per gap below 128: the point of storing gaps.
    expect(encodeIds([10, 20, 147], 0)).toHaveLength(3);
    expect(encodeIds([10, 20, 148], 0)).toHaveLength(4);
  });
});

describe("postingRows", () => {
  it("makes one row per stem and span, in span order, text and title apart, repeats once", () => {
    const rows = [
      ...postingRows([
        { id: 1, terms: "harbour crane crane", titleTerms: "port news" },
        { id: 2, terms: "crane", titleTerms: "port news" },
        { id: SPAN + 3, terms: "harbour", titleTerms: "" },
      ]),
    ];
    const decoded = rows.map(([stem, first, text, title]) => {
      const t = new Int32Array(8);
      const d = new Int32Array(8);
      return [stem, first, [...t.subarray(0, decodeIds(text, first, t, 0))], [...d.subarray(0, decodeIds(title, first, d, 0))]];
    });
    expect(decoded).toEqual([
      ["harbour", 0, [1], []],
      ["crane", 0, [1, 2], []],
      ["port", 0, [], [1, 2]],
      ["news", 0, [], [1, 2]],
      ["harbour", SPAN, [SPAN + 3], []],
    ]);
  });

  it("refuses passages out of id order", () => {
    expect(() => [
      ...postingRows([
        { id: 5, terms: "a", titleTerms: "" },
        { id: 5, terms: "b", titleTerms: "" },
      ]),
    ]).toThrow(/increasing id order/);
  });
});

describe("intersect and union", () => {
  it("equal a set computation on random lists, up to the first `max`", () => {
    const next = rng(7);
    for (let round = 0; round < 40; round++) {
      const lists = Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomIds(next, 3000, 0.05 + next() * 0.6));
      const all = [...lists[0]!].filter((id) => lists.every((l) => l.includes(id)));
      const max = 1 + Math.floor(next() * 40);
      expect(intersect(lists, max)).toEqual(all.slice(0, max));
      const [a, b] = [lists[0]!, lists[lists.length - 1]!];
      expect([...union(a, b)]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
    }
    expect(intersect([], 5)).toEqual([]);
    expect(intersect([Int32Array.of(1, 2), Int32Array.of()], 5)).toEqual([]);
    expect(intersect([Int32Array.of(4, 9), Int32Array.of(1, 9)], 5)).toEqual([9]);
  });
});

describe("topScored", () => {
  /** Every passage scored by hand: a term's value for the text, a quarter for the title only. */
  function byHand(terms: Array<{ postings: Postings; value: number }>, limit: number): number[] {
    const score = new Map<number, number>();
    const ids = new Set(terms.flatMap((t) => [...t.postings.text, ...t.postings.title]));
    for (const id of ids) {
      let s = 0;
      for (const t of terms) s += t.postings.text.includes(id) ? t.value : t.postings.title.includes(id) ? t.value * 0.25 : 0;
      if (s > 0) score.set(id, s);
    }
    return [...score]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([id]) => id);
  }

  it("equals scoring every passage, ties by id, across windows of ids", () => {
    const next = rng(11);
    for (let round = 0; round < 30; round++) {
      // Up to 150k ids: more than one scoring window.
      const top = round % 3 === 0 ? 150_000 : 2_000;
      const terms = Array.from({ length: 1 + Math.floor(next() * 5) }, () => ({
        postings: { text: randomIds(next, top, next() * 0.02 + 0.001), title: randomIds(next, top, next() * 0.01) },
        // Few distinct values, so many passages tie.
        value: [0.5, 1, 2.75][Math.floor(next() * 3)]!,
      }));
      const limit = 1 + Math.floor(next() * 30);
      expect(topScored(terms, limit, 0.25)).toEqual(byHand(terms, limit));
    }
  });

  it("finds nothing with no terms, no postings or nothing to add", () => {
    const empty = { text: new Int32Array(0), title: new Int32Array(0) };
    expect(topScored([], 5, 0.25)).toEqual([]);
    expect(topScored([{ postings: empty, value: 3 }], 5, 0.25)).toEqual([]);
    expect(topScored([{ postings: { text: Int32Array.of(1), title: Int32Array.of() }, value: 0 }], 5, 0.25)).toEqual([]);
    // A title worth nothing: only the text counts.
    expect(topScored([{ postings: { text: Int32Array.of(4), title: Int32Array.of(1, 2, 4) }, value: 1 }], 5, 0)).toEqual([4]);
  });
});
