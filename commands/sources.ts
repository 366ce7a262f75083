// /sources — the documents the bot answers from: titles, dates and sizes.
import { SlashCommandBuilder } from "discord.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import type { Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setDescription("List the documents I answer from, with their dates and sizes")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  return answerReply(input, bot, { command: "sources" });
}
