// Plain or slash-style text that asks for a timeline ("/timeline actor:X topic:Y", "timeline of X
// on Y", "/timeline topic:Y"): the terminal prompt and DMs check this before the general router.
import { cleanInput } from "../text/normalize.js";

import type { TimelineAnswer } from "./timeline.js";

export interface TimelineRoute {
  actor: string | null;
  topic: string | null;
  /** Plain words with no "on"/"about": "timeline of X" may name an actor or a topic. */
  loose: boolean;
}

const OPTION_RE = /(\w+):\s*("[^"]*"|[^:]*?)(?=\s+\w+:|$)/g;

export function routeTimeline(input: string): TimelineRoute | null {
  const text = cleanInput(input)
    .trim()
    .replace(/[?？.!]+$/, "")
    .trim();
  const m = /^\/?timeline\b\s*(?:(?:of|for)\b\s*)?(.*)$/is.exec(text);
  if (!m) return null;
  const rest = m[1]!.trim();
  if (rest.includes(":")) {
    const opts: Record<string, string> = {};
    for (const o of rest.matchAll(OPTION_RE)) opts[o[1]!.toLowerCase()] = o[2]!.replace(/^"|"$/g, "").trim();
    return { actor: opts.actor || opts.speaker || null, topic: opts.topic || null, loose: false };
  }
  const [actor, topic] = rest.split(/\s+(?:on|about)\s+/i);
  return { actor: actor?.trim() || null, topic: topic?.trim() || null, loose: topic === undefined };
}

/** Asks for the routed timeline; loose words that name no actor are tried as a topic. */
export async function askTimeline(ask: (actor: string, topic?: string) => Promise<TimelineAnswer>, r: TimelineRoute): Promise<TimelineAnswer> {
  const a = await ask(r.actor ?? "", r.topic ?? undefined);
  if (!r.loose || !r.actor || a.results.length > 0) return a;
  const asTopic = await ask("", r.actor);
  return asTopic.results.length > 0 ? asTopic : a;
}
