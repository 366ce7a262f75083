// Past or future around a time expression, from the nearest tense marker in its sentence:
// a bare "Thursday" in "the team planned to leave on Thursday" is the next one, in "bombs
// exploded Friday" the last one.

export type Tense = "past" | "future" | "unknown";

// Planning words mark the future even in a past-tense sentence ("has scheduled a news conference
// Thursday"), as do modals and deadlines ("might come as soon as Tuesday", "postponed until Tuesday").
const FUTURE_RE = /\b(?:will|won't|shall|going to|gonna|plans? (?:to|for|on)|planned (?:to|for|on)|planning (?:to|for|on)|expected (?:to|in|on|for|at|by|next)|expects? to|scheduled|schedules?|slated|sets? (?:to|for)|set (?:to|for)|due (?:to|for|in|on|back)|intends? to|aims? to|hopes? to|hoping to|to be held|is to|are to|would|might|may|could|as soon as|(?:postponed|delayed|deferred|adjourned|put off|extended|suspended|recessed) until|upcoming|coming|from now|later this|ahead)\b|'ll\b/gi;
const PAST_RE = /\b(?:was|were|had|did|ago|earlier|previously|yesterday|said|told|went|came|took|made|found|gave|met|left|began|won|lost|fled|held|fell|rose|sent|spent|kept|brought|bought|thought|felt|wrote|spoke|broke|chose|drove|flew|grew|knew|threw|saw|ran|became|stood|struck|sold|led|paid|laid|built|shot|hid|fought|sought|caught|taught|won|arose|forgot|got|heard|meant|slept|swore|tore|wore|woke|[a-z]{2,}(?<!e)ed|[a-z]{2,}ied)\b/g;
const NOT_PAST = /^(?:need|speed|indeed|proceed|feed|seed|hundred|bred|red|bed|wed|shed|fled)$/;

const CLAUSE_RE = /[,;:]|\s[-—–]{1,2}\s|\b(?:that|which|who|whom|when|where|if|because|although|though|but|and)\b/g;

/** The tense of the clause around [start, end) in `sentence` (offsets within it). */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  // Markers in the expression's own clause decide; the whole sentence only when that has none.
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_RE)) {
    if (m.index + m[0].length <= start) clauseStart = m.index + m[0].length;
    else if (m.index >= end) {
      clauseEnd = m.index;
      break;
    }
  }
  return tenseIn(sentence, start, end, clauseStart, clauseEnd) ?? tenseIn(sentence, start, end, 0, sentence.length) ?? "unknown";
}

function tenseIn(sentence: string, start: number, end: number, from: number, to: number): Tense | null {
  const future: Array<[number, number]> = [];
  for (const m of sentence.matchAll(FUTURE_RE)) future.push([m.index, m.index + m[0].length]);
  let best: { d: number; t: Tense } | null = null;
  const consider = (s: number, e: number, t: Tense): void => {
    if (s < from || e > to) return;
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
  return (best as { d: number; t: Tense } | null)?.t ?? null;
}
