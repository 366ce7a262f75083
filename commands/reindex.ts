// /reindex — reload the knowledge folder (members with Manage Server). Rebuilding can take longer
// than Discord's 3-second answer window, so the reply is deferred first.
import { ApplicationIntegrationType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/bot/command.js";
import { describeError } from "../src/bot/errors.js";
import { notice, renderReindex } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("reindex")
  .setDescription("Reload the knowledge folder and rebuild the index")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  // Discord applies default member permissions in servers only, so the command is offered nowhere else.
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export async function execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void> {
  if (!interaction.inGuild()) {
    await interaction.reply({ content: "/reindex works in a server, for members with Manage Server.", flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const report = await bot.holder.reindex();
    bot.log.info(`reindexed on request of ${interaction.user.id}: ${report.documents} documents in ${report.ms} ms`);
    await interaction.editReply(renderReindex(report));
  } catch (error) {
    bot.log.error(`reindex failed: ${describeError(error)}`);
    await interaction.editReply(notice(`Reindex failed: ${error instanceof Error ? error.message : String(error)}. Still answering from the previous index.`));
  }
}
