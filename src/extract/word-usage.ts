// How a document writes a capitalized word elsewhere: mid-sentence (after a word, not after a
// sentence end or a quote mark) and/or in lower case as a whole word. Answered by plain substring
// search — compiling two regular expressions per word and scanning the document with each was the
// top cost of stance extraction — with the same word-boundary rule as the regex `\b` (ASCII word
// characters), so the answers are exactly those of
//   midSentence: /[^.!?"“\s]\s+WORD\b/   and   lower: /\bword\b/   over the document.

export interface WordUsage {
  /** Written after a word character other than a sentence end or a quote mark, spaces between. */
  midSentence: boolean;
  /** Written in lower case as a whole word. */
  lower: boolean;
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
// The characters of the regex `\s`.
const SPACE_RE = /\s/;
const isSpace = (text: string, i: number): boolean => SPACE_RE.test(text[i]!);

/** Whether `\b` holds at position i of text (between text[i-1] and text[i]). */
function boundary(text: string, i: number): boolean {
  const before = i > 0 && isWordChar(text.charCodeAt(i - 1));
  const after = i < text.length && isWordChar(text.charCodeAt(i));
  return before !== after;
}

/** Whether `word` occurs at some i where test(i) holds and `\b` holds right after it. */
function occurs(text: string, word: string, test: (at: number) => boolean): boolean {
  if (word === "") return false;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (boundary(text, at + word.length) && test(at)) return true;
  }
  return false;
}

/** A memoized lookup of how `docText` writes each word asked about. */
export function wordUsage(docText: string): (word: string) => WordUsage {
  const seen = new Map<string, WordUsage>();
  const afterWord = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && isSpace(docText, k)) k--;
    if (k === at - 1 || k < 0) return false;
    const c = docText[k]!;
    return c !== "." && c !== "!" && c !== "?" && c !== '"' && c !== "“";
  };
  return (word) => {
    let u = seen.get(word);
    if (!u) {
      u = { midSentence: occurs(docText, word, afterWord), lower: occurs(docText, word.toLowerCase(), (at) => boundary(docText, at)) };
      seen.set(word, u);
    }
    return u;
  };
}
