// The timeline for the terminal (and the words Discord's list reuses): dated items in time order,
// grouped by year, each with its date as precise as the text gives it, who, and the file and line.
import type { TimelineAnswer, TimelineItem } from "../answer/timeline.js";
import { formatIsoForPeople, plain, type TextStyle } from "./text.js";

const POLARITY_WORD = { support: "supports", oppose: "opposes", neutral: "neutral" } as const;
const KIND_WORD = { quote: "said", stance: "stance", event: "event" } as const;

/** "2 September 2019", "July 2019 (month)"; where the date comes from when it is the document's. */
export function itemDate(i: TimelineItem): string {
  if (!i.date || !i.span) return "undated";
  const when = formatIsoForPeople(i.date);
  const coarse = i.span.precision === "day" ? "" : ` (${i.span.precision})`;
  return `${when}${coarse}${i.dateFrom === "document" ? " · article date" : ""}`;
}

/** Who, what kind, and the polarity: "United States · stance · opposes (“ban”)". */
export function itemHead(i: TimelineItem): string {
  const parts = [i.who ?? "(event)", KIND_WORD[i.kind]];
  if (i.polarity) parts.push(`${POLARITY_WORD[i.polarity]}${i.cue ? ` (“${i.cue}”)` : ""}`);
  return parts.join(" · ");
}

export function itemWhere(i: TimelineItem): string {
  const s = i.source;
  return `${s.file}:${s.lineEnd > s.lineStart ? `${s.lineStart}-${s.lineEnd}` : s.lineStart}`;
}

/** What the item says: a quotation in quote marks, a sentence as it is. */
export function itemText(i: TimelineItem): string {
  return i.kind === "quote" ? `“${i.text}”` : i.text;
}

export function timelineSummary(a: TimelineAnswer): string {
  const who = [a.actor, a.topic ? `on ${a.topic}` : null].filter(Boolean).join(" ");
  return `${who || "Timeline"}: ${a.points.length} dated item${a.points.length === 1 ? "" : "s"}, ${a.undated} undated (counted, not placed)`;
}

export function renderTimelineText(a: TimelineAnswer, style: TextStyle = plain): string {
  if (a.results.length === 0) return a.message ?? "Nothing found.";
  const out = [style.bold(timelineSummary(a))];
  let year: string | null = null;
  let n = 0;
  for (const i of a.results) {
    const y = i.span ? i.span.start.slice(0, 4) : "undated";
    if (y !== year) {
      out.push(style.bold(y === "undated" ? `Undated (${a.undated}; the best shown)` : `── ${y}`));
      year = y;
    }
    out.push(`${++n}. ${style.bold(itemDate(i))} — ${itemHead(i)}${i.expression ? style.dim(` · “${i.expression}”`) : ""}`);
    out.push(`   ${itemText(i)}`);
    out.push(`   ${style.dim(`${itemWhere(i)} · ${i.title}`)}${i.source.url ? `\n   ${style.dim(i.source.url)}` : ""}`);
  }
  if (a.message) out.push(style.dim(a.message));
  return out.join("\n");
}
