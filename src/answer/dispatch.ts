// One entry point from a question to an answer, shared by the CLI, the prompt and the bot.
import { answerCheck } from "./check.js";
import { type AnswerContext, limitOf } from "./context.js";
import { parseQuestion, type Question } from "./question.js";
import { answerSaid } from "./said.js";
import { answerSearch } from "./search.js";
import { answerSources } from "./sources.js";
import { answerStance } from "./stance.js";
import type { Answer } from "./types.js";
import { answerWhen } from "./when.js";
import { answerWhoSaid } from "./who-said.js";

/** Answers a question; anything not yet a Question (a JSON line) is parsed first, or a QuestionError thrown. */
export async function answer(ctx: AnswerContext, input: Question | unknown, limit = limitOf(ctx)): Promise<Answer> {
  const q = parseQuestion(input);
  switch (q.command) {
    case "who-said":
      return answerWhoSaid(ctx, q.query, limit);
    case "when":
      return answerWhen(ctx, q.query, limit);
    case "search":
      return answerSearch(ctx, q.query, limit);
    case "stance":
      return answerStance(ctx, q.actor, q.topic ?? undefined, limit);
    case "sources":
      return answerSources(ctx);
    case "check":
      return answerCheck(ctx, q.query, q.speaker ?? undefined, limit);
    case "said":
      return answerSaid(ctx, q.speaker, q.topic ?? undefined, limit);
  }
}
