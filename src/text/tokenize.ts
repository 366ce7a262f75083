// Word tokens with their offsets, and the terms the index and the rerankers compare.
import { stemmer } from "stemmer";
import stopwordList from "../extract/lexicons/stopwords.json" with { type: "json" };
import { foldPunctuation, foldTerm } from "./normalize.js";

export const STOPWORDS: ReadonlySet<string> = new Set(stopwordList);

export interface Token {
  /** The word as printed (quote marks folded). */
  raw: string;
  /** Lower case, no diacritics, possessive 's removed, dotted acronyms joined (U.S. → us). */
  norm: string;
  start: number;
  end: number;
}

// A word: letters/digits, inner apostrophes (don't, Huawei's), dotted acronyms (U.S., a.m.),
// and numbers with separators (3,000 / 1.5).
const WORD_RE = /(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}+)?|[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

// Words repeat: their normal forms (and terms, below) are computed once. Bounded, so a huge
// corpus cannot grow them without limit. Plain maps cleared when full, not lru-cache: these are
// looked up for every token indexed, and LRU bookkeeping there cost indexing about a tenth of its time.
const normCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function normalize(raw: string): string {
  let norm = normCache.get(raw);
  if (norm === undefined) {
    norm = foldTerm(raw).replace(/\./g, "");
    if (norm.endsWith("'s")) norm = norm.slice(0, -2);
    else if (norm.endsWith("'")) norm = norm.slice(0, -1);
    if (normCache.size > CACHE_LIMIT) normCache.clear();
    normCache.set(raw, norm);
  }
  return norm;
}

export function tokenize(text: string): Token[] {
  const folded = foldPunctuation(text);
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD_RE)) {
    const raw = m[0];
    const norm = normalize(raw);
    if (!norm) continue;
    out.push({ raw, norm, start: m.index, end: m.index + raw.length });
  }
  return out;
}

const termCache = new Map<string, string | null>();

/** The index terms of a text (stemmed, stopwords out), without offsets: the fast path for indexing. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of foldPunctuation(text).matchAll(WORD_RE)) {
    const raw = m[0];
    let term = termCache.get(raw);
    if (term === undefined) {
      const norm = normalize(raw);
      term = norm && !isStopToken({ raw, norm, start: 0, end: 0 }) ? stem(norm) : null;
      if (termCache.size > CACHE_LIMIT) termCache.clear();
      termCache.set(raw, term);
    }
    if (term) out.push(term);
  }
  return out;
}

/** True for a token that carries no meaning for retrieval. All-caps acronyms (US, IT, WHO) are kept. */
export function isStopToken(t: Token): boolean {
  if (!STOPWORDS.has(t.norm)) return false;
  const letters = t.raw.replace(/[^\p{L}]/gu, "");
  return !(letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase());
}

const stemCache = new Map<string, string>();
/** Porter stem of a normalized word; numbers and short words are left alone. */
export function stem(norm: string): string {
  if (norm.length <= 3 || /\d/.test(norm)) return norm;
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = stemmer(norm);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** Content terms (stemmed, stopwords out) in order, with the token each came from. */
export function contentTerms(text: string): Array<{ term: string; token: Token }> {
  const out: Array<{ term: string; token: Token }> = [];
  for (const t of tokenize(text)) {
    if (isStopToken(t)) continue;
    out.push({ term: stem(t.norm), token: t });
  }
  return out;
}
