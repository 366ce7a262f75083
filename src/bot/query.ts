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
  return r.command === "help" || r.command === "empty" ? null : r;
}
