// A question as the bot remembers it (for "More"): the command and its arguments, nothing else.
import type { Engine } from "../answer/engine.js";
import type { Routed } from "../answer/router.js";
import { answer } from "../answer/dispatch.js";
import type { Answer } from "../answer/types.js";

export type BotQuery =
  | { command: "who-said" | "when" | "search"; query: string }
  | { command: "stance"; actor: string; topic: string | null }
  | { command: "sources" };

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
    default:
      return null;
  }
}
