// Finding words and short phrases from a lexicon in text, by looking each word up in a map:
// linear in the text, where one regex alternation of hundreds of words is not.

interface Entry<T> {
  rest: string[];
  phrase: string;
  value: T;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  /** The phrase as listed (lower case). */
  phrase: string;
  value: T;
}

// Lexicon phrases are plain ASCII words; the text is lower-cased once and scanned character by
// character (a word glued to other letters, as in "saidé", is not a match).
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || c === 45;
const isLetterLike = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Array<Entry<T>>>();

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ rest: words.slice(1), phrase: words.join(" "), value });
      // Longest first, so "agreed to" wins over "agreed".
      list.sort((a, b) => b.rest.length - a.rest.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  /** Whole-word matches in text[from, to), left to right, longest phrase at each place. */
  matches(text: string, from = 0, to = text.length): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    const lower = text.slice(from, to).toLowerCase();
    const n = lower.length;
    let i = 0;
    while (i < n) {
      const c = lower.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) || (i > 0 && isLetterLike(lower.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isWordChar(lower.charCodeAt(j))) j++;
      const list = j < n && lower.charCodeAt(j) > 127 ? undefined : this.byFirst.get(lower.slice(i, j).replace(/’/g, "'"));
      let next = j;
      if (list) {
        for (const e of list) {
          const end = this.follow(lower, j, e.rest, n);
          if (end < 0) continue;
          out.push({ start: from + i, end: from + end, phrase: e.phrase, value: e.value });
          next = end;
          break;
        }
      }
      i = next;
    }
    return out;
  }

  /** The end of `rest` following position `at` (single spaces or more between words), or -1. */
  private follow(text: string, at: number, rest: string[], to: number): number {
    let pos = at;
    for (const w of rest) {
      let i = pos;
      while (i < to && /\s/.test(text[i]!)) i++;
      if (i === pos || text.slice(i, i + w.length) !== w) return -1;
      const after = text[i + w.length];
      if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) return -1;
      pos = i + w.length;
    }
    if (rest.length === 0) {
      return pos;
    }
    return pos <= to ? pos : -1;
  }
}
