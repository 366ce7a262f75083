// The long tail of a news vocabulary. Real news has tens of thousands of distinct words at this
// scale, most of them rare: names of people, towns, firms and projects, jargon, numbers. Template
// words alone would give a few thousand, which would flatter the index (smaller term tree, cheaper
// fuzzy search, less heap). Tail words are drawn by rank with P(rank) ∝ 1/rank (Zipf) from a large
// universe computed on demand from the index, so nothing is stored and every run agrees.
import type { Rng } from "./prng.js";

/** Size of the tail's universe; draws are log-uniform over it. */
const UNIVERSE = 500_000;

const ONSETS = [
  "b",
  "br",
  "c",
  "ch",
  "d",
  "dr",
  "f",
  "g",
  "gr",
  "h",
  "j",
  "k",
  "kl",
  "l",
  "m",
  "n",
  "p",
  "pr",
  "r",
  "s",
  "sk",
  "st",
  "t",
  "tr",
  "v",
  "w",
  "z",
  "sh",
  "th",
  "bl",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "y", "ae", "oe"];
const CODAS = ["", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "st", "ck", "ll", "x", "ng", "rn"];
const NAME_ENDINGS = ["", "", "", "sen", "berg", "ov", "ski", "ez", "ari", "ton", "ford", "ini", "ek", "ard", "stad", "holm", "wick", "ville", "ia", "ano"];

const PREFIXES = [
  "inter",
  "re",
  "over",
  "under",
  "co",
  "sub",
  "trans",
  "de",
  "pre",
  "post",
  "counter",
  "micro",
  "macro",
  "multi",
  "non",
  "cross",
  "off",
  "out",
  "up",
  "mid",
];
const ROOTS = [
  "connect",
  "port",
  "form",
  "struct",
  "grid",
  "load",
  "flow",
  "bond",
  "charge",
  "mark",
  "stock",
  "frame",
  "link",
  "trade",
  "block",
  "path",
  "gate",
  "line",
  "field",
  "scale",
  "cast",
  "quota",
  "levy",
  "meter",
  "tariff",
  "bank",
  "rate",
  "yield",
  "store",
  "ship",
  "route",
  "cap",
  "lend",
  "price",
  "fund",
  "audit",
  "hedge",
  "claim",
  "grant",
  "lease",
  "plant",
  "shore",
  "fleet",
  "craft",
  "press",
  "print",
  "wire",
  "draft",
];
const SUFFIXES = ["ing", "ation", "ment", "er", "ers", "ism", "ity", "ance", "ive", "al", "ship", "ness", "age", "ings", "ised", "ed"];

/** A 32-bit hash of the index under a seed (splitmix-style), so word(i) is a pure function. */
function mix(i: number, seed: number): number {
  let h = (i ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function at<T>(list: readonly T[], h: number, shift: number): T {
  return list[(h >>> shift) % list.length]!;
}

export type TailKind = "name" | "jargon";

export class Tail {
  private readonly seed: number;

  constructor(seed: number | string) {
    let h = 2166136261;
    for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    this.seed = h >>> 0;
  }

  /** The capitalized name at rank i: a surname, a town, a firm, a project. */
  name(i: number): string {
    const h = mix(i, this.seed);
    const h2 = mix(i + UNIVERSE, this.seed);
    const syllables = 1 + (h % 3);
    let w = "";
    for (let k = 0; k < syllables; k++) {
      const hk = k === 0 ? h2 : mix(i * 7 + k, this.seed ^ 0x9e3779b9);
      w += at(ONSETS, hk, 3) + at(VOWELS, hk, 11) + (k === syllables - 1 ? at(CODAS, hk, 19) : "");
    }
    w += at(NAME_ENDINGS, h, 7);
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  /** The lower-case word at rank i: jargon built from English parts ("interconnector"). */
  jargon(i: number): string {
    const h = mix(i, this.seed ^ 0x5bd1e995);
    const h2 = mix(i + 3 * UNIVERSE, this.seed);
    // Ranks past the morpheme combinations get a syllable stem, as rare coinages do.
    const root =
      i < PREFIXES.length * ROOTS.length * SUFFIXES.length ? at(ROOTS, h, 5) : at(ONSETS, h2, 2) + at(VOWELS, h2, 9) + at(CODAS, h2, 17) + at(ROOTS, h, 5);
    return (h % 3 === 0 ? "" : at(PREFIXES, h, 13)) + root + at(SUFFIXES, h, 21);
  }

  /**
   * A rank: half the draws Zipf-like (P(rank) ∝ 1/rank: names that recur), half uniform over the
   * universe (names met once: about half of a news vocabulary occurs a single time).
   */
  rank(rng: Rng): number {
    if (rng.chance(0.5)) return rng.int(0, UNIVERSE - 1);
    return Math.floor(Math.exp(rng.next() * Math.log(UNIVERSE + 1))) - 1;
  }

  drawName(rng: Rng): string {
    return this.name(this.rank(rng));
  }

  drawJargon(rng: Rng): string {
    return this.jargon(this.rank(rng));
  }
}

/** Numbers as news prints them: amounts, percentages, counts. Each is a token of its own. */
export function amount(rng: Rng): string {
  const unit = rng.pick(["million", "billion", "million"]);
  const cur = rng.pick(["$", "€", "£", ""]);
  const n = rng.chance(0.5) ? `${rng.int(1, 99)}.${rng.int(1, 9)}` : String(rng.int(2, 950));
  return cur ? `${cur}${n} ${unit}` : `${n} ${unit} euros`;
}

export function percent(rng: Rng): string {
  return `${rng.int(0, 40)}.${rng.int(0, 9)} percent`;
}

export function count(rng: Rng): string {
  const n = rng.int(120, 98_000);
  return n >= 1000 ? `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, "0")}` : String(n);
}
