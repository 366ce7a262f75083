// 👍 / 👎 under answers: the buttons carry the vote and the question (like "More"); a press
// appends the vote, with the answer's first result as it stands, to the feedback log (buttons.ts).
import { ButtonStyle, ComponentType } from "discord.js";
import { buttonRow, type ButtonRow } from "../render/discord.js";
import { feedbackId } from "./custom-ids.js";
import type { BotQuery } from "./query.js";
import type { QueryStore } from "./query-store.js";

/** The components with a 👍 / 👎 row added (none when the question cannot fit a button). */
export function withFeedbackRow(components: ButtonRow[], query: BotQuery, store: QueryStore | null): ButtonRow[] {
  const up = feedbackId(query, "up", store);
  const down = feedbackId(query, "down", store);
  if (!up || !down || components.length >= 5) return components;
  const vote = (id: string, emoji: string, label: string) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    emoji: { name: emoji },
    label,
    custom_id: id,
  });
  return [...components, ...buttonRow([vote(up, "👍", "Helpful"), vote(down, "👎", "Not helpful")])];
}

/** The question as someone would type it, for the log and the summary. */
export function questionText(q: BotQuery): string {
  const opt = (name: string, v: string | null): string => (v ? ` ${name}:${v}` : "");
  switch (q.command) {
    case "stance":
      return `/stance${opt("actor", q.actor)}${opt("topic", q.topic)}`;
    case "said":
      return `/said${opt("speaker", q.speaker)}${opt("topic", q.topic)}`;
    case "check":
      return `/check${opt("quote", q.query)}${opt("speaker", q.speaker)}`;
    case "sources":
      return "/sources";
    default:
      return `/${q.command} ${q.query}`;
  }
}
