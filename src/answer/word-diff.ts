// Word-level comparison of a quotation as someone gave it with the text of a document: where in
// the text it lies (a local alignment, so a quote inside a long paragraph is found), how many of
// its words the text has in the same order, and which words differ. Case, punctuation and quote
// styles never count as differences; any other change of a word does.
import { foldTerm } from "../text/normalize.js";
import { tokenize, type Token } from "../text/tokenize.js";

export interface WordChange {
  /** The words the question has here ("" when the text has words the question lacks). */
  query: string;
  /** The words the text has here, as printed ("" when the question has words the text lacks). */
  text: string;
  /** Offsets of `text` in the compared text (an empty span where the text lacks words). */
  start: number;
  end: number;
}

export interface Alignment {
  /** Offsets of the aligned stretch of the text. */
  start: number;
  end: number;
  /** Query words found in the text, in order. */
  matched: number;
  queryWords: number;
  /** Words of the text inside the aligned stretch. */
  textWords: number;
  /** Dice similarity of the two word sequences, 2·matched / (query words + text words): 1 when the text says exactly this. */
  similarity: number;
  changes: WordChange[];
}

// Local alignment scores: a word in common gains more than a changed, missing or extra word
// costs, so one changed word inside a quote keeps the quote together.
const SAME = 2;
const CHANGE = -1;
const GAP = -1;

/** The form words are compared in: lower case, folded quotes and accents, dots dropped. */
export function wordKey(t: Token): string {
  return foldTerm(t.raw).replace(/\./g, "");
}

// Contractions are the same words written short: "we're" is "we are", "don't" is "do not" (but
// "Huawei's" stays one word: 's is only "is" after a pronoun).
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/^(can)'t$/, "not"],
  [/^(won)'t$/, "not"],
  [/^(.+)n't$/, "not"],
  [/^(.+)'re$/, "are"],
  [/^(.+)'ve$/, "have"],
  [/^(.+)'ll$/, "will"],
  [/^(.+)'m$/, "am"],
  [/^(.+)'d$/, "would"],
  [/^(it|he|she|that|there|what|who|here|where|how)'s$/, "is"],
  [/^(let)'s$/, "us"],
];
const STEMS: Record<string, string> = { can: "can", won: "will", ca: "can", wo: "will" };

/** Tokens with contractions split in two, both keeping the contraction's offsets. */
function words(text: string): { tokens: Token[]; keys: string[] } {
  const tokens: Token[] = [];
  const keys: string[] = [];
  for (const t of tokenize(text)) {
    const key = wordKey(t);
    const hit = CONTRACTIONS.find(([re]) => re.test(key));
    if (hit) {
      const head = hit[0].exec(key)![1]!;
      tokens.push(t, t);
      keys.push(STEMS[head] ?? head, hit[1]);
    } else {
      tokens.push(t);
      keys.push(key);
    }
  }
  return { tokens, keys };
}

type Op = { kind: "same" | "sub"; q: number; t: number } | { kind: "del"; q: number } | { kind: "ins"; t: number };

/**
 * Aligns `query` with the best-matching stretch of `text`. Query words left over before or after
 * the aligned part are paired with the text's neighbouring words (changed words at the ends),
 * but never past `bounds` (e.g. the quotation's own span). Null when no word is in common.
 */
export function alignWords(query: string, text: string, bounds: [number, number] = [0, text.length]): Alignment | null {
  const { tokens: Q, keys: qk } = words(query);
  const { tokens: T, keys: tk } = words(text);
  const n = Q.length;
  const m = T.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const H = new Int32Array((n + 1) * width);
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diag = H[(i - 1) * width + j - 1]! + (qk[i - 1] === tk[j - 1] ? SAME : CHANGE);
      const v = Math.max(0, diag, H[(i - 1) * width + j]! + GAP, H[i * width + j - 1]! + GAP);
      H[i * width + j] = v;
      // Ties go to the earlier stretch of text, so repeated words resolve the same way every time.
      if (v > best) [best, bi, bj] = [v, i, j];
    }
  }
  if (best === 0) return null;
  // Trace back to where the local alignment starts.
  const ops: Op[] = [];
  let i = bi;
  let j = bj;
  while (i > 0 && j > 0 && H[i * width + j]! > 0) {
    const v = H[i * width + j]!;
    const same = qk[i - 1] === tk[j - 1];
    if (v === H[(i - 1) * width + j - 1]! + (same ? SAME : CHANGE)) {
      ops.push({ kind: same ? "same" : "sub", q: i - 1, t: j - 1 });
      i--;
      j--;
    } else if (v === H[(i - 1) * width + j]! + GAP) {
      ops.push({ kind: "del", q: i - 1 });
      i--;
    } else {
      ops.push({ kind: "ins", t: j - 1 });
      j--;
    }
  }
  ops.reverse();
  // A local alignment starts and ends on a word in common.
  const firstT = (ops.find((o) => o.kind === "same") as { t: number }).t;
  const lastT = ([...ops].reverse().find((o) => o.kind === "same") as { t: number }).t;
  const firstQ = (ops.find((o) => o.kind === "same") as { q: number }).q;
  const lastQ = ([...ops].reverse().find((o) => o.kind === "same") as { q: number }).q;
  // Leftover query words at either end become changed words against the text's neighbours.
  const inBounds = (k: number): boolean => T[k]!.start >= bounds[0] && T[k]!.end <= bounds[1];
  const lead: Op[] = [];
  let tk0 = firstT;
  for (let q = firstQ - 1; q >= 0; q--) {
    if (tk0 - 1 >= 0 && inBounds(tk0 - 1)) lead.unshift({ kind: "sub", q, t: --tk0 });
    else lead.unshift({ kind: "del", q });
  }
  const tail: Op[] = [];
  let tk1 = lastT;
  for (let q = lastQ + 1; q < n; q++) {
    if (tk1 + 1 < m && inBounds(tk1 + 1)) tail.push({ kind: "sub", q, t: ++tk1 });
    else tail.push({ kind: "del", q });
  }
  // A leftover word equal to its neighbour is the same word (the alignment stopped short of it).
  const all = [...lead, ...ops, ...tail].map((o): Op => (o.kind === "sub" && qk[o.q] === tk[o.t] ? { ...o, kind: "same" } : o));
  const tIdx = all.filter((o) => o.kind !== "del").map((o) => (o as { t: number }).t);
  const start = T[Math.min(...tIdx)]!.start;
  const end = T[Math.max(...tIdx)]!.end;
  const matched = all.filter((o) => o.kind === "same").length;
  const textWords = tIdx.length;
  return { start, end, matched, queryWords: n, textWords, similarity: (2 * matched) / (n + textWords), changes: groupChanges(all, Q, T, query, text) };
}

/** Runs of changed, missing and extra words, each as one change ("must have" → "should"). */
function groupChanges(ops: Op[], Q: Token[], T: Token[], query: string, text: string): WordChange[] {
  const out: WordChange[] = [];
  let run: Op[] = [];
  let lastTextEnd = ops.length && "t" in ops[0]! ? T[(ops[0] as { t: number }).t]!.start : 0;
  const flush = (): void => {
    if (run.length === 0) return;
    const qs = run.filter((o) => o.kind !== "ins").map((o) => Q[(o as { q: number }).q]!);
    const ts = run.filter((o) => o.kind !== "del").map((o) => T[(o as { t: number }).t]!);
    const start = ts.length ? ts[0]!.start : lastTextEnd;
    const end = ts.length ? ts[ts.length - 1]!.end : lastTextEnd;
    out.push({ query: qs.length ? query.slice(qs[0]!.start, qs[qs.length - 1]!.end) : "", text: text.slice(start, end), start, end });
    run = [];
  };
  for (const o of ops) {
    if (o.kind === "same") {
      flush();
      lastTextEnd = T[o.t]!.end;
    } else run.push(o);
  }
  flush();
  return out;
}
