// /who-said quote:<words> — the speaker of a quotation, with the line that proves it.
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, replyWithAnswer, type BotContext } from "../src/bot/command.js";

export const data = new SlashCommandBuilder()
  .setName("who-said")
  .setDescription("Who said these words? The speaker, their role, and the line that proves it")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("quote").setDescription("Words from the quotation").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  await replyWithAnswer(interaction, bot, { command: "who-said", query: interaction.options.getString("quote", true) });
}
