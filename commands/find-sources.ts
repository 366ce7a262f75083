// "Find sources" (Apps menu on any message): the passages that hold the message's words.
// Private by default, with a button to post the answer publicly.
import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { searchTextOf } from "../src/answer/message-quote.js";
import { ANY_INSTALL, EVERYWHERE, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import { privateAnswer } from "../src/bot/publish.js";
import { noticeReply, type Reply } from "../src/bot/reply.js";
import { NO_TEXT } from "./who-said-this.js";

export const data = new ContextMenuCommandBuilder()
  .setName("Find sources")
  .setType(ApplicationCommandType.Message)
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL);

export function run(input: CommandInput, bot: BotContext): Reply | Promise<Reply> {
  const words = searchTextOf(input.target?.content ?? "");
  return words ? privateAnswer(bot, { command: "search", query: words }) : noticeReply(NO_TEXT);
}
