// Past or future around a time expression, from the nearest tense marker in its sentence:
// a bare "Thursday" in "the team planned to leave on Thursday" is the next one, in "bombs
// exploded Friday" the last one.

export type Tense = "past" | "future" | "unknown";

const FUTURE_RE = /\b(?:will|won't|shall|going to|gonna|plans? (?:to|for)|planned (?:to|for)|planning (?:to|for)|expected (?:to|in|on|for)|expects? to|scheduled (?:to|for)|sets? (?:to|for)|set (?:to|for)|due (?:to|for|in|on|back)|intends? to|aims? to|hopes? to|hoping to|to be held|is to|are to|would|upcoming|coming|from now|later this|ahead)\b|'ll\b/gi;
const PAST_RE = /\b(?:was|were|had|did|ago|earlier|previously|yesterday|said|told|went|came|took|made|found|gave|met|left|began|won|lost|fled|held|fell|rose|sent|spent|kept|brought|bought|thought|felt|wrote|spoke|broke|chose|drove|flew|grew|knew|threw|saw|ran|became|stood|struck|sold|led|paid|laid|built|shot|hid|fought|sought|caught|taught|won|arose|forgot|got|heard|meant|slept|swore|tore|wore|woke|[a-z]{2,}(?<!e)ed|[a-z]{2,}ied)\b/g;
const NOT_PAST = /^(?:need|speed|indeed|proceed|feed|seed|hundred|bred|red|bed|wed|shed|fled)$/;

/** The tense of the clause around [start, end) in `sentence` (offsets within it). */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  const future: Array<[number, number]> = [];
  for (const m of sentence.matchAll(FUTURE_RE)) future.push([m.index, m.index + m[0].length]);
  let best: { d: number; t: Tense } | null = null;
  const consider = (s: number, e: number, t: Tense): void => {
    if (s < end && e > start) return; // inside the expression itself ("last", "earlier")
    const d = s >= end ? s - end : start - e;
    if (!best || d < best.d || (d === best.d && t === "past")) best = { d, t };
  };
  for (const [s, e] of future) consider(s, e, "future");
  for (const m of sentence.matchAll(PAST_RE)) {
    const s = m.index;
    const e = s + m[0].length;
    if (NOT_PAST.test(m[0]) || future.some(([fs, fe]) => s < fe && e > fs)) continue;
    consider(s, e, "past");
  }
  return (best as { d: number; t: Tense } | null)?.t ?? "unknown";
}
