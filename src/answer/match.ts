// How well a piece of text answers a query: the share of the query's content words it contains
// (a typo counts for most of a word), plus a bonus for the words in the same order.
import { contentTerms, tokenize } from "../text/tokenize.js";

export interface Query {
  raw: string;
  /** Distinct content terms (stemmed). */
  terms: string[];
  /** All word tokens, normalized, stopwords included: for phrase matching. */
  words: string[];
}

export function makeQuery(raw: string): Query {
  const terms = [...new Set(contentTerms(raw).map((c) => c.term))];
  return { raw, terms, words: tokenize(raw).map((t) => t.norm) };
}

export interface Match {
  /** 0..1: share of query terms found. */
  coverage: number;
  /** 0..1: longest run of query words found in order, over the query length. */
  phrase: number;
  score: number;
  /** Offsets (in the text) of the matched content terms. */
  hits: number[];
}

/** Levenshtein distance, bounded (returns max+1 when over). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Term → offset of its first occurrence in the text. */
function termPositions(text: string): Map<string, number> {
  const byTerm = new Map<string, number>();
  for (const t of contentTerms(text)) if (!byTerm.has(t.term)) byTerm.set(t.term, t.token.start);
  return byTerm;
}

/** How well one query term is found: 1 exactly, 0.8 with a typo, 0 not at all; and where. */
function findTerm(qt: string, byTerm: Map<string, number>): { credit: number; at: number } {
  const at = byTerm.get(qt);
  if (at !== undefined) return { credit: 1, at };
  if (qt.length >= 4) {
    // A typo: one edit for mid-length words, two for long ones.
    const max = qt.length >= 8 ? 2 : 1;
    for (const [term, pos] of byTerm) {
      if (term.length >= 4 && editDistance(qt, term, max) <= max) return { credit: 0.8, at: pos };
    }
  }
  return { credit: 0, at: -1 };
}

/**
 * Coverage of the query over layers of context, each with a weight (the sentence counts fully,
 * the rest of the paragraph or the headline less): each term takes its best layer.
 */
export function layeredCoverage(q: Query, layers: Array<[text: string, weight: number]>): number {
  if (q.terms.length === 0) return 0;
  const maps = layers.map(([text, w]) => [termPositions(text), w] as const);
  let total = 0;
  for (const qt of q.terms) total += Math.max(0, ...maps.map(([m, w]) => findTerm(qt, m).credit * w));
  return total / q.terms.length;
}

export function match(q: Query, text: string): Match {
  const byTerm = termPositions(text);
  let found = 0;
  const hits: number[] = [];
  for (const qt of q.terms) {
    const f = findTerm(qt, byTerm);
    if (f.credit > 0) {
      found += f.credit;
      hits.push(f.at);
    }
  }
  const coverage = q.terms.length ? found / q.terms.length : 0;
  const textWords = tokenize(text).map((t) => t.norm);
  const phrase = q.words.length ? longestRun(q.words, textWords) / q.words.length : 0;
  // The same inflections ("approved" rather than "approve") break ties between equal matches.
  const exact = q.words.length ? q.words.filter((w) => textWords.includes(w)).length / q.words.length : 0;
  return { coverage, phrase, score: 0.75 * coverage + 0.25 * phrase + 0.02 * exact, hits };
}

/** Longest run of consecutive query words that appears consecutively in the text. */
function longestRun(query: string[], text: string[]): number {
  let best = 0;
  const positions = new Map<string, number[]>();
  text.forEach((w, i) => positions.set(w, [...(positions.get(w) ?? []), i]));
  for (let i = 0; i < query.length; i++) {
    for (const start of positions.get(query[i]!) ?? []) {
      let k = 0;
      while (i + k < query.length && start + k < text.length && query[i + k] === text[start + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}
