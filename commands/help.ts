// /help — how to ask (the same text as the terminal prompt), shown only to whoever asked.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { ANY_INSTALL, EVERYWHERE } from "../src/bot/command.js";
import { discordHelp } from "../src/bot/help.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("How to ask me questions")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL);

export async function execute(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.reply({ ...discordHelp(), flags: MessageFlags.Ephemeral });
}
