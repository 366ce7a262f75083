// One question type for every way in: the command line, `--batch` JSON lines, plain language and
// the bot. Parsed once, with a schema, so every entry point rejects the same bad input the same way.
import { z } from "zod";
import { COMMANDS } from "./types.js";

const text = z.string();
const optional = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

export const QuestionSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("who-said"), query: text }),
  z.object({ command: z.literal("when"), query: text }),
  z.object({ command: z.literal("search"), query: text }),
  z.object({ command: z.literal("stance"), actor: text, topic: optional }),
  z.object({ command: z.literal("sources") }),
  z.object({ command: z.literal("check"), query: text, speaker: optional }),
  z.object({ command: z.literal("said"), speaker: text, topic: optional }),
]);

export type Question = z.output<typeof QuestionSchema>;

/** A question that cannot be asked (unknown command, a field missing or not text). */
export class QuestionError extends Error {}

/** A question from untrusted input (a JSON line, a stored button), or a QuestionError saying what is wrong. */
export function parseQuestion(input: unknown): Question {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new QuestionError("a query must be a JSON object");
  const command = (input as { command?: unknown }).command;
  if (typeof command !== "string" || !(COMMANDS as readonly string[]).includes(command)) {
    throw new QuestionError(`unknown command ${JSON.stringify(command)}; use ${COMMANDS.slice(0, -1).join(", ")} or ${COMMANDS.at(-1)}`);
  }
  const parsed = QuestionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  throw new QuestionError(`missing field "${String(field ?? "query")}"`);
}
