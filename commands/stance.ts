// /stance actor:<name> topic:<words> — an actor's stance (support, oppose, mixed, neutral) with evidence.
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { actorNames } from "../src/bot/actors.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, replyWithAnswer, type BotContext } from "../src/bot/command.js";
import { toChoices } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("stance")
  .setDescription("What is an actor's stance? Support, oppose, mixed or neutral, with the evidence")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("actor").setDescription("A person, company or country").setRequired(true).setMaxLength(100).setAutocomplete(true))
  .addStringOption((o) => o.setName("topic").setDescription("What about (optional)").setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  const topic = interaction.options.getString("topic")?.trim() || null;
  await replyWithAnswer(interaction, bot, { command: "stance", actor: interaction.options.getString("actor", true), topic });
}

export async function autocomplete(interaction: AutocompleteInteraction, bot: BotContext): Promise<void> {
  await interaction.respond(toChoices(actorNames(bot.holder.current), interaction.options.getFocused()));
}
