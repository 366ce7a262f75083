// How an answer is judged against a human expectation, shared by the bench's answer key and the
// tests of the sample questions: text compared case-, space- and curly-quote-insensitively, and a
// citation right when it is the expected file and its lines cover one of the expected lines.

/** Text as compared: NFKC, curly single quotes straight, spaces collapsed, lower case. */
export const norm = (s: unknown): string =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Whether `hay` contains one of `needles`, as compared. */
export const has = (hay: unknown, needles: readonly string[]): boolean => needles.some((n) => norm(hay).includes(norm(n)));

/** Whether a citation is of `file` and its lines cover one of `lines`. */
export const cites = (src: { file: string; lineStart: number; lineEnd: number } | undefined, file: string, lines: readonly number[]): boolean =>
  !!src && norm(src.file) === norm(file) && lines.some((l) => src.lineStart <= l && l <= src.lineEnd);
