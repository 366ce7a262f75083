// /sources — the documents the bot answers from: titles, dates and sizes.
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, replyWithAnswer, type BotContext } from "../src/bot/command.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setDescription("List the documents I answer from, with their dates and sizes")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addBooleanOption(privateOption);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  await replyWithAnswer(interaction, bot, { command: "sources" });
}
