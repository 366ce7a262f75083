// "Show source" and "More". Button ids carry their own state (see custom-ids.ts); an id this bot no
// longer understands, or a query that expired, gets a clear private answer.
import { renderSourceView } from "../render/discord.js";
import type { BotContext } from "./command.js";
import { decodeCustomId, fileHash, type ButtonAction } from "./custom-ids.js";
import type { ButtonInput } from "./incoming.js";
import { messageReply, noticeReply, type Reply } from "./reply.js";
import { describeError } from "./errors.js";
import { questionText } from "./feedback.js";
import { lookupSource } from "./source-view.js";

export function pressButton(input: ButtonInput, bot: BotContext): Reply | Promise<Reply> {
  const action = decodeCustomId(input.customId);
  if (!action) return noticeReply("This button is from an older version of the bot and no longer works. Please ask again.");
  if (action.kind === "source" || action.kind === "source-hashed") return showSource(bot, action);
  if (action.kind === "publish" || action.kind === "publish-ref") return postPublicly(bot, action);
  if (action.kind === "feedback" || action.kind === "feedback-ref") return recordVote(input, bot, action);
  return showMore(input, bot, action);
}

async function showSource(bot: BotContext, action: Extract<ButtonAction, { kind: "source" | "source-hashed" }>): Promise<Reply> {
  const engine = bot.holder.current;
  const file = action.kind === "source" ? action.file : (await engine.store.files()).find((f) => fileHash(f) === action.fileHash);
  if (!file) return noticeReply("That document is no longer in the index (it was removed or renamed since). Please ask again.");
  const found = await lookupSource(engine, bot.holder.root, file, action.lineStart, action.lineEnd, { contentHash: action.contentHash });
  return found.ok ? messageReply(renderSourceView(found.view), true) : noticeReply(found.message);
}

/** The answer again, from the first result, as a message everyone in the channel sees. */
async function postPublicly(bot: BotContext, action: Extract<ButtonAction, { kind: "publish" | "publish-ref" }>): Promise<Reply> {
  const query = action.kind === "publish" ? action.query : bot.answers.store?.get(action.key);
  if (!query) return noticeReply('This "Post publicly" button has expired (I only remember recent questions for a while). Please ask again.');
  const page = await bot.answers.page(query, 0);
  return messageReply(page.message, !page.found);
}

async function showMore(input: ButtonInput, bot: BotContext, action: Extract<ButtonAction, { kind: "more" | "more-ref" }>): Promise<Reply> {
  const query = action.kind === "more" ? action.query : bot.answers.store?.get(action.key);
  if (!query) return noticeReply('This "More" button has expired (I only remember recent questions for a while). Please ask again.');
  const page = await bot.answers.page(query, action.offset, input.guildId);
  if (!page.found) return messageReply(page.message, true);
  // Paging a private answer replaces it in place; a shared message is left as it is, and the
  // next page goes to whoever pressed the button.
  return input.messageEphemeral ? { type: "update", message: page.message } : messageReply(page.message, true);
}

/** 👍 / 👎: appends the vote, with the answer's first result as it stands, to the feedback log. */
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
