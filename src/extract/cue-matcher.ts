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
  /** The written forms each later word may take. */
  rest: Array<Set<string>>;
}

/** The base forms a written word may be an inflection of, itself first. */
export function baseForms(word: string): string[] {
  const w = word.toLowerCase().replace(/’/g, "'");
  const out = [w];
  const add = (x: string): void => void (x.length >= 2 && !out.includes(x) && out.push(x));
  if (w.endsWith("ies") || w.endsWith("ied")) add(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) add(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) add(w.slice(0, -1));
  for (const suffix of ["ed", "ing"]) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`);
    if (/([bdfgklmnprstvz])\1$/.test(stem)) add(stem.slice(0, -1));
  }
  if (w.endsWith("d")) add(w.slice(0, -1));
  return out;
}

/** The written forms that baseForms() takes back to `base`: the base and its regular inflections. */
function inflections(base: string): string[] {
  const last = base.slice(-1);
  const stemE = base.endsWith("e") ? base.slice(0, -1) : base;
  const stemY = base.endsWith("y") ? base.slice(0, -1) : null;
  const forms = [base, `${base}s`, `${base}es`, `${base}ed`, `${base}d`, `${base}ing`, `${stemE}ing`, `${base}${last}ed`, `${base}${last}ing`];
  if (stemY) forms.push(`${stemY}ies`, `${stemY}ied`);
  return [...new Set(forms)].filter((f) => baseForms(f).includes(base));
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** A word of the text in lower case (without a possessive 's), and where it is. */
export interface WordToken {
  w: string;
  start: number;
  end: number;
}

export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    let w = m[0];
    if (w.includes("'") || w.includes("’")) w = w.replace(/’/g, "'").replace(/'s$/, "");
    tokens.push({ w, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * Words that may stand between a phrase's first word and the rest (up to two): `first` is the
 * phrase's first word as listed, `word` the text's word in lower case.
 */
export type Gap = (first: string, word: string) => boolean;

export class CueMatcher<T> {
  /** Every written form of a phrase's first word → the phrases it can start, longest first. */
  private readonly byForm = new Map<string, Array<{ e: Entry<T>; base: boolean }>>();

  constructor(
    entries: Iterable<[phrase: string, value: T]>,
    private readonly gap: Gap = () => false,
  ) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const e: Entry<T> = { words, phrase: words.join(" "), value, rest: words.slice(1).map((w) => new Set(inflections(w))) };
      for (const form of inflections(words[0]!)) {
        const list = this.byForm.get(form) ?? [];
        list.push({ e, base: form === words[0] });
        // Longest first, so "call for" wins over "call".
        list.sort((a, b) => b.e.words.length - a.e.words.length);
        this.byForm.set(form, list);
      }
    }
  }

  /** Matches in text, left to right, the longest phrase at each word (tokens: wordTokens(text), when at hand). */
  matches(text: string, tokens: WordToken[] = wordTokens(text)): Array<CueMatch<T>> {
    const out: Array<CueMatch<T>> = [];
    for (let i = 0; i < tokens.length; i++) {
      const list = this.byForm.get(tokens[i]!.w);
      if (!list) continue;
      let skip = -1;
      const hit = list.find((c) => (skip = this.follows(text, tokens, i, c.e)) >= 0);
      if (!hit) continue;
      const last = tokens[i + skip + hit.e.words.length - 1]!;
      out.push({ start: tokens[i]!.start, end: last.end, phrase: hit.e.phrase, baseForm: hit.base, value: hit.e.value });
      i += skip + hit.e.words.length - 1;
    }
    return out;
  }

  /**
   * Whether the words after token i are the rest of the phrase (as listed or inflected), side by
   * side but for up to two gap words after the first: how many gap words, or -1.
   */
  private follows(text: string, tokens: WordToken[], i: number, e: Entry<T>): number {
    if (e.rest.length === 0) return 0;
    for (let skip = 0; skip <= 2; skip++) {
      if (skip > 0 && !(tokens[i + skip] && this.gap(e.words[0]!, tokens[i + skip]!.w))) return -1;
      if (this.restAt(text, tokens, i, skip, e)) return skip;
    }
    return -1;
  }

  private restAt(text: string, tokens: WordToken[], i: number, skip: number, e: Entry<T>): boolean {
    for (let k = 0; k < e.rest.length; k++) {
      const t = tokens[i + skip + k + 1];
      if (!t || !e.rest[k]!.has(t.w)) return false;
      if (!/^\s+$/.test(text.slice(tokens[i + skip + k]!.end, t.start))) return false;
    }
    // Gap words stand apart by spaces too.
    for (let g = 1; g <= skip; g++) if (!/^\s+$/.test(text.slice(tokens[i + g - 1]!.end, tokens[i + g]!.start))) return false;
    return true;
  }
}
