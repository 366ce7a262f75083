// A question as the bot remembers it (for "More"): the command and its arguments, nothing else.
import type { AnswerContext } from "../answer/context.js";
import { answer } from "../answer/dispatch.js";
import type { Question } from "../answer/question.js";
import type { Routed } from "../answer/router.js";
import type { Answer } from "../answer/types.js";

/** The one Question type (answer/question.ts), by the name the bot's modules know it. */
export type BotQuery = Question;

/** Asks the engine (all answering logic stays there), for up to `limit` results. */
export function ask(engine: AnswerContext, q: BotQuery, limit?: number): Promise<Answer> {
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
