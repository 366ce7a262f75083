// /when event:<words> — when something happened: the words as written and the date they mean.
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, replyWithAnswer, type BotContext } from "../src/bot/command.js";

export const data = new SlashCommandBuilder()
  .setName("when")
  .setDescription("When did it happen? The time words as written and the date they resolve to")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("event").setDescription("Words about the event").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  await replyWithAnswer(interaction, bot, { command: "when", query: interaction.options.getString("event", true) });
}
