// One entry point from a routed or JSON query to an answer, shared by the CLI, the prompt and the bot.
import { answerCheck } from "./check.js";
import type { Engine } from "./engine.js";
import { answerSaid } from "./said.js";
import type { Answer } from "./types.js";

export interface QueryInput {
  command?: unknown;
  query?: unknown;
  actor?: unknown;
  topic?: unknown;
  speaker?: unknown;
}

export class QueryError extends Error {}

export function answer(engine: Engine, q: QueryInput, limit = engine.limit): Answer {
  switch (q.command) {
    case "who-said":
      return engine.whoSaid(requireString(q.query, "query"), limit);
    case "when":
      return engine.when(requireString(q.query, "query"), limit);
    case "search":
      return engine.search(requireString(q.query, "query"), limit);
    case "stance":
      return engine.stance(requireString(q.actor, "actor"), q.topic === undefined || q.topic === null ? undefined : requireString(q.topic, "topic"), limit);
    case "sources":
      return engine.sources();
    case "check":
      return answerCheck(engine, requireString(q.query, "query"), optionalString(q.speaker, "speaker"), limit);
    case "said":
      return answerSaid(engine, requireString(q.speaker, "speaker"), optionalString(q.topic, "topic"), limit);
    default:
      throw new QueryError(`unknown command ${JSON.stringify(q.command)}; use who-said, when, stance, search, sources, check or said`);
  }
}

function optionalString(v: unknown, name: string): string | undefined {
  return v === undefined || v === null ? undefined : requireString(v, name);
}

function requireString(v: unknown, name: string): string {
  if (typeof v !== "string") throw new QueryError(`missing field "${name}"`);
  return v;
}
