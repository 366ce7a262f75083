// Finding lexicon words and phrases by their base form: a lexicon lists "sign" or "call for",
// and the text may say "signed", "signing", "calls for", "criticising". A word matches a listed
// word when it is that word or one of its regular inflections (-s, -es, -ed, -d, -ing, -ies,
// -ied, a doubled final consonant, a dropped final e); derived words ("supporters", "backer")
// are different words and do not match. Irregular forms are listed as they are written.

export interface CueMatch<T> {
  start: number;
  end: number;
  /** The phrase as listed (lower case, base form). */
  phrase: string;
  /** True when the first word is written exactly as listed (no inflection). */
  baseForm: boolean;
  value: T;
}

interface Entry<T> {
  words: string[];
  phrase: string;
  value: T;
}

/** The base forms a written word may be an inflection of, itself first. */
export function baseForms(word: string): string[] {
  const w = word.toLowerCase().replace(/’/g, "'");
  const out = [w];
  const add = (s: string): void => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  const undouble = (s: string): void => {
    if (/([bdfgklmnprstvz])\1$/.test(s)) add(s.slice(0, -1));
  };
  if (w.endsWith("ies")) add(`${w.slice(0, -3)}y`);
  if (w.endsWith("ied")) add(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) add(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) add(w.slice(0, -1));
  if (w.endsWith("ed")) {
    const stem = w.slice(0, -2);
    add(stem);
    add(`${stem}e`);
    undouble(stem);
  }
  if (w.endsWith("d")) add(w.slice(0, -1));
  if (w.endsWith("ing")) {
    const stem = w.slice(0, -3);
    add(stem);
    add(`${stem}e`);
    undouble(stem);
  }
  return out;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export class CueMatcher<T> {
  private readonly byFirst = new Map<string, Array<Entry<T>>>();

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, phrase: words.join(" "), value });
      // Longest first, so "call for" wins over "call".
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  /** Matches in text, left to right, the longest phrase at each word. */
  matches(text: string): Array<CueMatch<T>> {
    const tokens = [...text.matchAll(WORD_RE)].map((m) => ({ w: m[0].replace(/[’']s$/, ""), start: m.index, end: m.index + m[0].length }));
    const out: Array<CueMatch<T>> = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const forms = baseForms(t.w);
      let hit: { e: Entry<T>; base: boolean } | null = null;
      for (const f of forms) {
        for (const e of this.byFirst.get(f) ?? []) {
          if (hit && hit.e.words.length >= e.words.length) continue;
          if (this.follows(text, tokens, i, e.words)) hit = { e, base: f === forms[0] };
        }
      }
      if (!hit) continue;
      const last = tokens[i + hit.e.words.length - 1]!;
      out.push({ start: t.start, end: last.end, phrase: hit.e.phrase, baseForm: hit.base, value: hit.e.value });
      i += hit.e.words.length - 1;
    }
    return out;
  }

  /** Whether the words after token i are the rest of the phrase (exact, or inflected for verbs). */
  private follows(text: string, tokens: Array<{ w: string; start: number; end: number }>, i: number, words: string[]): boolean {
    for (let k = 1; k < words.length; k++) {
      const t = tokens[i + k];
      if (!t) return false;
      // Only spaces between the words of a phrase.
      if (!/^\s+$/.test(text.slice(tokens[i + k - 1]!.end, t.start))) return false;
      if (!baseForms(t.w).includes(words[k]!)) return false;
    }
    return true;
  }
}
