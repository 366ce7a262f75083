// A question as the bot remembers it (for "More"): the command and its arguments, nothing else.
import type { Engine } from "../answer/engine.js";
import type { Routed } from "../answer/router.js";
import { answer } from "../answer/dispatch.js";
import type { Answer } from "../answer/types.js";

export type BotQuery =
  | { command: "who-said" | "when" | "search"; query: string }
  | { command: "stance"; actor: string; topic: string | null }
  | { command: "sources" }
  | { command: "check"; query: string; speaker: string | null }
  | { command: "said"; speaker: string; topic: string | null };

/** Asks the engine (all answering logic stays there), for up to `limit` results. */
export function ask(engine: Engine, q: BotQuery, limit?: number): Answer {
  return answer(engine, q, limit);
}

/** A routed plain-language question as a query; null for help and empty input. */
export function fromRouted(r: Routed): BotQuery | null {
  switch (r.command) {
    case "who-said":
    case "when":
    case "search":
      return { command: r.command, query: r.query };
    case "stance":
      return { command: "stance", actor: r.actor, topic: r.topic };
    case "sources":
      return { command: "sources" };
    case "check":
      return { command: "check", query: r.query, speaker: r.speaker };
    case "said":
      return { command: "said", speaker: r.speaker, topic: r.topic };
    default:
      return null;
  }
}
