// /search query:<words> — the passages that contain the words.
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, replyWithAnswer, type BotContext } from "../src/bot/command.js";

export const data = new SlashCommandBuilder()
  .setName("search")
  .setDescription("Find the passages that contain these words")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("query").setDescription("Words to look for").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  await replyWithAnswer(interaction, bot, { command: "search", query: interaction.options.getString("query", true) });
}
