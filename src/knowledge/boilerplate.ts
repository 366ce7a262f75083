// Keeps the article and drops page furniture (menus, share bars, comment prompts, teaser lists,
// bios, copyright lines) by general signals: length, sentence punctuation, stopword density and
// position. The article body is the run of units with the best prose score (a maximum-sum segment),
// so a run of short lines after it ends it, while a heading between two paragraphs does not.
import { LRUCache } from "lru-cache";
import { STOPWORDS } from "../text/tokenize.js";
import type { Unit } from "../types.js";

export type UnitClass = "strong" | "medium" | "weak" | "short" | "bad";

export interface UnitFeatures {
  words: number;
  stopRatio: number;
  endsSentence: boolean;
  innerSentence: boolean;
  teaser: boolean;
  furniture: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Units are classified several times (body, title, passages); features are computed once per text.
const cache = new LRUCache<string, UnitFeatures>({ max: 20_000 });

export function features(text: string): UnitFeatures {
  let f = cache.get(text);
  if (!f) {
    f = computeFeatures(text);
    cache.set(text, f);
  }
  return f;
}

function computeFeatures(text: string): UnitFeatures {
  const words = text.match(WORD_RE) ?? [];
  const stops = words.filter((w) => STOPWORDS.has(w.toLowerCase().replace(/’/g, "'"))).length;
  const t = text.trim();
  return {
    words: words.length,
    stopRatio: words.length ? stops / words.length : 0,
    endsSentence: /[.!?]["'”’)\]]*$|["”’]$/u.test(t),
    innerSentence: /\p{Ll}[.!?]["”’]?\s+["“]?\p{Lu}/u.test(t),
    // A teaser or truncated bio ends in an ellipsis outside any quote.
    teaser: /(…|\.\.\.)\s*$/.test(t) && !/["”]\s*$/.test(t),
    furniture: isFurniture(t, words.length),
  };
}

function isFurniture(t: string, words: number): boolean {
  if (/©|\(c\)\s*\d{4}|\bcopyright\b.{0,40}\d{4}|all rights reserved/i.test(t) && words < 40) return true;
  if (/^\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago$/i.test(t)) return true;
  if (/^(https?:\/\/|www\.)\S+$/i.test(t)) return true;
  // Several pipe- or bullet-separated items on one line: a link bar.
  if ((t.match(/\s[|•·]\s?|\s?[|•·]\s/g) ?? []).length >= 2) return true;
  // Leftover markup (embeds such as <tweet id="…"/>) is not text.
  if (/<[^>]+>/.test(t) && t.replace(/<[^>]*>/g, "").trim().length < t.length * 0.3) return true;
  // Few letters: a price table row, a phone line, a date stamp. Not a sentence about numbers
  // ("It closed at 10,520.33, up 1.2%."): capitalised, ended, with lower-case words in it.
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  const sentence = /^["“'‘(]?\p{Lu}/u.test(t) && /[.!?]["'”’)]*$/u.test(t) && (t.match(/(?<![\p{L}\p{N}])\p{Ll}{2,}(?![\p{L}\p{N}])/gu) ?? []).length >= 2;
  return t.length > 0 && letters / t.length < 0.4 && words < 12 && !sentence;
}

export function classify(u: Unit): UnitClass {
  const f = features(u.text);
  if (f.furniture || f.teaser) return "bad";
  if (f.words < 5) return "short";
  const prose = f.stopRatio >= 0.15;
  if (prose && f.words >= 40) return "strong";
  if (prose && f.words >= 10 && f.endsSentence) return "strong";
  if (prose && f.words >= 6 && (f.endsSentence || f.innerSentence || /:$/.test(u.text.trim()))) return "medium";
  return "weak";
}

const SCORE: Record<UnitClass, (words: number) => number> = {
  strong: (w) => 1 + Math.min(w, 80) / 20,
  medium: () => 0.4,
  weak: () => -0.2,
  short: () => -1,
  bad: () => -2.5,
};

/** A run of non-prose units adding up to this much separates two parts of a page. */
const GAP = -3.5;

/**
 * Indexes of the units that belong to the article. The page is cut into chunks at long runs of
 * non-prose units; in each chunk the best-scoring run of units (maximum-sum segment) is prose;
 * the best chunk is the article, and other chunks count when they score like real paragraphs
 * (an article split by an embed or an ad block). Bad units inside are dropped.
 */
export function articleUnits(units: Unit[]): Set<number> {
  const classes = units.map(classify);
  const scores = units.map((u, i) => SCORE[classes[i]!](features(u.text).words));
  const segments = chunks(scores).map(([from, to]) => bestSegment(scores, from, to)).filter((s) => s.sum > 0);
  const keep = new Set<number>();
  if (segments.length === 0) return keep;
  const best = Math.max(...segments.map((s) => s.sum));
  for (const s of segments) {
    if (s.sum === best || s.sum >= 2.5) {
      for (let i = s.start; i <= s.end; i++) if (classes[i] !== "bad") keep.add(i);
      // A lead paragraph that opens with a dateline is dense with names (few stopwords), yet it
      // is the article's first paragraph, right above the body.
      const lead = units[s.start - 1];
      if (lead && (classes[s.start - 1] === "weak" || classes[s.start - 1] === "medium") && DATELINE_LEAD.test(lead.text) && features(lead.text).endsSentence) keep.add(s.start - 1);
    }
  }
  return keep;
}

// `PLACE, date -` or `PLACE (Agency) —` before the first sentence.
const DATELINE_LEAD = /^\s*\p{Lu}{2,}[\p{Lu} .'’-]*(?:,[^\n–—]{1,40}?)?(?:\s*\([^)\n]{1,30}\))?\s(?:-{1,2}|[–—])\s+["“]?\p{Lu}/u;

/** [from, to] ranges between gaps (runs of non-positive scores summing to GAP or less). */
function chunks(scores: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let runStart = -1;
  let run = 0;
  for (let i = 0; i <= scores.length; i++) {
    const s = i < scores.length ? scores[i]! : Infinity;
    if (s <= 0) {
      if (runStart < 0) runStart = i;
      run += s;
      continue;
    }
    if (runStart >= 0 && run <= GAP) {
      if (runStart > from) out.push([from, runStart - 1]);
      from = i;
    }
    runStart = -1;
    run = 0;
  }
  if (from < scores.length) out.push([from, scores.length - 1]);
  return out;
}

/** The maximum-sum run of scores within [from, to] (Kadane). */
function bestSegment(scores: number[], from: number, to: number): { start: number; end: number; sum: number } {
  let best = { start: from, end: from - 1, sum: 0 };
  let start = from;
  let sum = 0;
  for (let i = from; i <= to; i++) {
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += scores[i]!;
    if (sum > best.sum) best = { start, end: i, sum };
  }
  return best;
}
