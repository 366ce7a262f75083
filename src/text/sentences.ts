// Sentence boundaries with offsets. A period ends a sentence unless it closes a known
// abbreviation or an initial; quotes and brackets after the mark stay with the sentence.
import abbreviations from "../extract/lexicons/abbreviations.json" with { type: "json" };

export interface Span {
  start: number;
  end: number;
}

const TITLE_ABBR = new Set(abbreviations.titles);
const OTHER_ABBR = new Set(abbreviations.others);

// Terminal punctuation, then closing quotes/brackets, then space.
const BOUNDARY_RE = /([.!?…]+|\.\.\.)(["'”’»)\]]*)(\s+)/g;

function wordBefore(text: string, idx: number): string {
  let i = idx;
  while (i > 0 && /[\p{L}\p{N}.&'’-]/u.test(text[i - 1]!)) i--;
  return text.slice(i, idx);
}

/** Splits text into sentence spans (trimmed, non-empty). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY_RE)) {
    const punct = m[1]!;
    const markAt = m.index;
    const end = markAt + punct.length + m[2]!.length;
    const nextAt = end + m[3]!.length;
    const next = text.slice(nextAt, nextAt + 3);
    if (!isBoundary(text, markAt, punct, m[2]!, next)) continue;
    push(spans, text, start, end);
    start = nextAt;
  }
  push(spans, text, start, text.length);
  return spans;
}

function isBoundary(text: string, markAt: number, punct: string, closers: string, next: string): boolean {
  // The next sentence must start like one: a capital, a digit, or an opening quote/bracket.
  if (!/^["'“‘([«]?[\p{Lu}\p{N}]/u.test(next) && !/^["'“‘]/.test(next)) return false;
  if (punct !== "." || closers) return true;
  const word = wordBefore(text, markAt);
  const lower = word.toLowerCase().replace(/^['’]+/, "");
  if (TITLE_ABBR.has(lower)) return false;
  // Single initials (John F. Kennedy) and dotted acronyms (U.S., N.Y.) rarely end a sentence
  // in news text when a capitalized word follows.
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return isSentenceStarter(next, text, markAt);
  if (OTHER_ABBR.has(lower)) {
    // Month abbreviations before a number (Aug. 7) never end a sentence; others only rarely.
    return false;
  }
  return true;
}

// After an acronym, a following pronoun or article is a strong sign a new sentence began.
function isSentenceStarter(next: string, text: string, markAt: number): boolean {
  const after =
    text
      .slice(markAt + 1)
      .trimStart()
      .match(/^["'“‘]?(\p{L}+)/u)?.[1] ?? "";
  return /^(The|A|An|He|She|It|They|We|I|But|And|In|On|This|That|These|Those|His|Her|Their|Its)$/.test(after) && next.length > 0;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}
