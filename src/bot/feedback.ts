// 👍 / 👎 under answers: the buttons carry the vote and the question (like "More"); a press
// appends the vote, with the answer's first result as it stands, to the feedback log.
import { ButtonStyle, ComponentType } from "discord.js";
import { buttonRow, type ButtonRow } from "../render/discord.js";
import type { BotContext } from "./command.js";
import { feedbackId, type ButtonAction } from "./custom-ids.js";
import { describeError } from "./errors.js";
import type { ButtonInput } from "./incoming.js";
import type { BotQuery } from "./query.js";
import type { QueryStore } from "./query-store.js";
import { noticeReply, type Reply } from "./reply.js";

/** The components with a 👍 / 👎 row added (none when the question cannot fit a button). */
export function withFeedbackRow(components: ButtonRow[], query: BotQuery, store: QueryStore | null): ButtonRow[] {
  const up = feedbackId(query, "up", store);
  const down = feedbackId(query, "down", store);
  if (!up || !down || components.length >= 5) return components;
  const vote = (id: string, emoji: string, label: string) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, emoji: { name: emoji }, label, custom_id: id });
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

export async function recordVote(input: ButtonInput, bot: BotContext, action: Extract<ButtonAction, { kind: "feedback" | "feedback-ref" }>): Promise<Reply> {
  if (!bot.feedback) return noticeReply("Thanks, but this bot does not record votes (its operator has not set FEEDBACK_FILE).");
  const query = action.kind === "feedback" ? action.query : bot.answers.store?.get(action.key);
  if (!query) return noticeReply("This vote button has expired (I only remember recent questions for a while). Thanks anyway!");
  const top = (await bot.answers.ask(query)).results[0];
  const source = top && "source" in top ? top.source : null;
  try {
    bot.feedback.record({
      time: new Date().toISOString(),
      command: query.command,
      question: questionText(query),
      file: source?.file ?? null,
      lines: source ? [source.lineStart, source.lineEnd] : null,
      vote: action.vote,
      user: bot.feedback.hashUser(input.userId),
    });
  } catch (error) {
    bot.log.warn(`could not record a vote in ${bot.feedback.file}: ${describeError(error)}`);
    return noticeReply("Sorry, your vote could not be recorded just now.");
  }
  return noticeReply(action.vote === "up" ? "Thanks! 👍 noted." : "Thanks — 👎 noted. The operator reviews these to improve the answers.");
}
