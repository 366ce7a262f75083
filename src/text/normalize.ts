// Character-level folding shared by the index, the extractors and the query side, so that a
// query typed with straight quotes or without accents still meets the text as printed.

const QUOTE_FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u00B4": "'",
  "`": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u00A0": " ",
  "\u2009": " ",
  "\u202F": " ",
  "\u2007": " ",
};
const FOLD_RE =
  /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2015\u2212\u2010\u2011\u00A0\u2009\u202F\u2007]/g;

/** Straight quotes, plain hyphens and plain spaces; same length as the input (1:1 characters). */
export function foldPunctuation(s: string): string {
  return s.replace(FOLD_RE, (c) => QUOTE_FOLD[c] ?? c);
}

/** Lower case, no diacritics, folded punctuation: the form terms are compared in. */
export function foldTerm(s: string): string {
  return foldPunctuation(s)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Strips control and zero-width characters a user may paste into a query; keeps text otherwise. */
export function cleanInput(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Collapses runs of whitespace to one space. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
