// /reindex — reload the knowledge folder (members with Manage Server). Rebuilding can take longer
// than Discord's 3-second answer window, so the answer is deferred ("thinking…") and filled in after.
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/bot/command.js";
import { describeError } from "../src/bot/errors.js";
import type { CommandInput } from "../src/bot/incoming.js";
import { noticeReply, type Reply } from "../src/bot/reply.js";
import { notice, renderReindex } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("reindex")
  .setDescription("Reload the knowledge folder and rebuild the index")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  // Discord applies default member permissions in servers only, so the command is offered nowhere else.
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** Manage Server, or Administrator (which Discord treats as every permission). */
const MAY_REINDEX = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

export function run(input: CommandInput, bot: BotContext): Reply {
  if (input.guildId === null) return noticeReply("/reindex works in a server, for members with Manage Server.");
  // Checked here as well: a server can change who sees the command, and the HTTP endpoint has no
  // other guard between a request and a rebuild.
  if (((input.memberPermissions ?? 0n) & MAY_REINDEX) === 0n) {
    bot.log.info(`refused /reindex to ${input.userId}: no Manage Server permission`);
    return noticeReply("/reindex needs the Manage Server permission in this server.");
  }
  return {
    type: "deferred",
    ephemeral: true,
    work: async () => {
      try {
        const report = await bot.holder.reindex();
        bot.log.info(`reindexed on request of ${input.userId}: ${report.documents} documents in ${report.ms} ms`);
        return renderReindex(report);
      } catch (error) {
        bot.log.error(`reindex failed: ${describeError(error)}`);
        return notice(`Reindex failed: ${error instanceof Error ? error.message : String(error)}. Still answering from the previous index.`);
      }
    },
  };
}

export const alwaysPrivate = true;
