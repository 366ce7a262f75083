// Where in a file a citation points, in words: `lines 12–14`, or for paged documents (PDF)
// `p. 3, lines 12–14` and `p. 3, line 40 – p. 4, line 2`.
export interface Place {
  lineStart: number;
  lineEnd: number;
  page?: number;
  pageEnd?: number;
}

export function placeLabel(p: Place): string {
  const lines = (a: number, b: number): string => (b > a ? `lines ${a}–${b}` : `line ${a}`);
  if (p.page === undefined) return lines(p.lineStart, p.lineEnd);
  if (p.pageEnd !== undefined && p.pageEnd !== p.page) return `p. ${p.page}, line ${p.lineStart} – p. ${p.pageEnd}, line ${p.lineEnd}`;
  return `p. ${p.page}, ${lines(p.lineStart, p.lineEnd)}`;
}
