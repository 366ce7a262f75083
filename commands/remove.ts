// /remove file:<autocomplete> — delete a document that /add put in the knowledge folder
// (members with Manage Server), then reindex. Files put there any other way are not offered.
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/bot/command.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import { knowledgeRoot, refuseManage, reindexAfter } from "../src/bot/manage-files.js";
import { noticeReply, type Choice, type Reply } from "../src/bot/reply.js";
import { addedFiles, removeUpload } from "../src/bot/uploads.js";
import { notice } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("remove")
  .setDescription("Remove a document that was added with /add")
  .addStringOption((o) => o.setName("file").setDescription("The added document").setRequired(true).setAutocomplete(true).setMaxLength(200))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export function run(input: CommandInput, bot: BotContext): Reply {
  const refused = refuseManage(input, bot);
  if (refused) return noticeReply(refused);
  const file = input.options.string("file")?.trim() ?? "";
  if (!file) return noticeReply("Name the added document to remove in the `file` option.");
  const removed = removeUpload(knowledgeRoot(bot), file);
  if (!removed.ok) return noticeReply(removed.reason);
  bot.log.info(`removed ${removed.file} on request of ${input.userId}`);
  return {
    type: "deferred",
    ephemeral: true,
    work: async () => {
      const reindexed = await reindexAfter(bot, `removing ${removed.file}`);
      return notice(reindexed.ok ? `Removed \`${removed.file}\`; it no longer answers questions.` : reindexed.message);
    },
  };
}

/** The added files whose names contain what was typed (at most 25, as Discord allows). */
export function autocomplete(input: AutocompleteInput, bot: BotContext): Choice[] {
  const typed = (input.options.focused()?.value ?? "").toLowerCase();
  return addedFiles(knowledgeRoot(bot))
    .filter((f) => f.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((f) => ({ name: f.slice(0, 100), value: f.slice(0, 100) }));
}

export const alwaysPrivate = true;
