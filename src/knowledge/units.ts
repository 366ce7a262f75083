// Shared helpers for readers: source lines and building units from them.
import type { Unit } from "../types.js";

export interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Joins source lines into one unit, one space between lines, keeping where each line starts. */
export function unitFromLines(lines: SourceLine[], hint?: Unit["hint"]): Unit | null {
  let text = "";
  const lineMap: Array<[number, number]> = [];
  for (const l of lines) {
    const t = l.text.replace(/\s+/g, " ").trim();
    if (!t) continue;
    if (text) text += " ";
    lineMap.push([text.length, l.line]);
    text += t;
  }
  if (!text) return null;
  return hint ? { text, lineMap, hint } : { text, lineMap };
}

/** The source line holding offset `at` of a unit or passage text. */
export function lineAt(lineMap: Array<[number, number]>, at: number): number {
  let lo = 0;
  let hi = lineMap.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineMap[mid]![0] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lineMap[lo]![1];
}

const TERMINAL = /[.!?:;"”’')\]…]$/;
/** A quotation closed by a comma ("…,") waits for its attribution: the sentence goes on. */
const OPEN_QUOTE_END = /,["”’']$/;

/**
 * Groups non-blank lines into units. Consecutive lines join when they look hard-wrapped (long
 * lines broken mid-sentence); otherwise each line stands alone (menus, headings, lists).
 */
export function unitsFromPlainLines(lines: SourceLine[]): Unit[] {
  const units: Unit[] = [];
  let group: SourceLine[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    for (const part of splitGroup(group)) {
      const u = unitFromLines(part);
      if (u) units.push(u);
    }
    group = [];
  };
  for (const l of lines) {
    if (l.text.trim() === "") flush();
    else group.push(l);
  }
  flush();
  return units;
}

function splitGroup(group: SourceLine[]): SourceLine[][] {
  if (group.length === 1) return [group];
  const out: SourceLine[][] = [];
  let cur: SourceLine[] = [group[0]!];
  for (let i = 1; i < group.length; i++) {
    const prev = group[i - 1]!.text.trim();
    const next = group[i]!.text.trim();
    // A wrapped line is long and the break falls mid-sentence (or the next line starts in lower case).
    const wrapped = prev.length >= 45 && (!TERMINAL.test(prev) || OPEN_QUOTE_END.test(prev) || /^[\p{Ll}(“"'‘,;]/u.test(next));
    const continues = /^[\p{Ll},;)]/u.test(next) && prev.length >= 20;
    if (wrapped || continues) cur.push(group[i]!);
    else {
      out.push(cur);
      cur = [group[i]!];
    }
  }
  out.push(cur);
  return out;
}
