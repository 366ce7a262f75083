// Article units → passages: one per paragraph, long paragraphs cut into windows of sentences
// (never inside an open quotation when a better cut exists).
import { type Span, splitSentences } from "../text/sentences.js";
import type { Passage, Unit } from "../types.js";
import { lineAt } from "./units.js";

const MAX_CHARS = 1200;

export type PassageDraft = Omit<Passage, "id" | "docId" | "file">;

export function toPassages(units: Unit[]): PassageDraft[] {
  const out: PassageDraft[] = [];
  for (const u of units) {
    const sentences = bounded(splitSentences(u.text), u.text);
    if (u.text.length <= MAX_CHARS) {
      out.push(draft(u, 0, u.text.length));
      continue;
    }
    let from = 0;
    let i = 0;
    while (i < sentences.length) {
      let j = i;
      // Grow the window while it stays under the limit.
      while (j + 1 < sentences.length && sentences[j + 1]!.end - sentences[i]!.start <= MAX_CHARS) j++;
      // Prefer to end where no quotation is left open, if that keeps at least half the window.
      for (let k = j; k > i && sentences[k]!.end - sentences[i]!.start > MAX_CHARS / 2; k--) {
        if (quotesBalanced(u.text.slice(sentences[i]!.start, sentences[k]!.end))) {
          j = k;
          break;
        }
      }
      from = sentences[i]!.start;
      out.push(draft(u, from, sentences[j]!.end));
      i = j + 1;
    }
  }
  return out;
}

/** A "sentence" longer than a passage (a list, a run-on text) is cut at spaces into pieces. */
function bounded(sentences: Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    let start = s.start;
    while (s.end - start > MAX_CHARS) {
      let cut = text.lastIndexOf(" ", start + MAX_CHARS);
      if (cut <= start) cut = start + MAX_CHARS;
      out.push({ start, end: cut });
      start = cut;
      while (start < s.end && text[start] === " ") start++;
    }
    if (s.end > start) out.push({ start, end: s.end });
  }
  return out;
}

function quotesBalanced(s: string): boolean {
  const open = (s.match(/“/g) ?? []).length;
  const close = (s.match(/”/g) ?? []).length;
  const straight = (s.match(/"/g) ?? []).length;
  return open === close && straight % 2 === 0;
}

function draft(u: Unit, start: number, end: number): PassageDraft {
  const text = u.text.slice(start, end);
  const lineMap: Array<[number, number]> = [[0, lineAt(u.lineMap, start)]];
  for (const [o, l] of u.lineMap) if (o > start && o < end) lineMap.push([o - start, l]);
  return {
    text,
    lineStart: lineMap[0]![1],
    lineEnd: lineAt(u.lineMap, Math.max(start, end - 1)),
    lineMap,
    sentences: splitSentences(text),
  };
}
