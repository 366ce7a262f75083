// "Who said this?" (Apps menu on any message): who-said on the message's words, with its quote
// marks and attribution stripped. Private by default, with a button to post the answer publicly.
import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { quotationOf } from "../src/answer/message-quote.js";
import { ANY_INSTALL, EVERYWHERE, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import { privateAnswer } from "../src/bot/publish.js";
import { noticeReply, type Reply } from "../src/bot/reply.js";

export const NO_TEXT = "That message has no text to look up (I read only a message's text, not its images, embeds or attachments).";

export const data = new ContextMenuCommandBuilder()
  .setName("Who said this?")
  .setType(ApplicationCommandType.Message)
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL);

export function run(input: CommandInput, bot: BotContext): Reply | Promise<Reply> {
  const words = quotationOf(input.target?.content ?? "");
  return words ? privateAnswer(bot, { command: "who-said", query: words }) : noticeReply(NO_TEXT);
}
