// /add file:<attachment> — add a document to the knowledge folder (members with Manage Server):
// downloaded from Discord with a size cap, saved under KNOWLEDGE_DIR/added/ with a safe name
// (never over an existing file), indexed, and reported with its title, date and passage count.
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import { describeDocument, knowledgeRoot, refuseManage, reindexAfter, settingsOf } from "../src/bot/manage-files.js";
import { noticeReply, type Reply } from "../src/bot/reply.js";
import { checkAttachment, discardUpload, downloadAttachment, saveUpload } from "../src/bot/uploads.js";
import { notice } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("add")
  .setDescription("Add a document (PDF, Word, text, Markdown or HTML) to the knowledge folder")
  .addAttachmentOption((o) => o.setName("file").setDescription("The document to add").setRequired(true))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

export function run(input: CommandInput, bot: BotContext): Reply {
  const refused = refuseManage(input, bot);
  if (refused) return noticeReply(refused);
  const ref = input.options.attachment("file");
  if (!ref) return noticeReply("Attach the document to add in the `file` option.");
  const settings = settingsOf(bot);
  const checked = checkAttachment(ref, settings);
  if (!checked.ok) return noticeReply(checked.reason);
  return {
    type: "deferred",
    ephemeral: true,
    work: async () => {
      const got = await downloadAttachment(ref, checked.name, settings);
      if (!got.ok) return notice(got.reason);
      const root = knowledgeRoot(bot);
      const saved = saveUpload(root, checked.name, got.bytes);
      if (!saved.ok) return notice(saved.reason);
      bot.log.info(`added ${saved.file} (${got.bytes.length} bytes) on request of ${input.userId}`);
      const reindexed = await reindexAfter(bot, `adding ${saved.file}`);
      if (!reindexed.ok) return notice(reindexed.message);
      const doc = await describeDocument(bot, saved.file, reindexed.report.warnings);
      if ("line" in doc) return notice(`Added \`${saved.file}\`: ${doc.line}.`);
      // Saved but not indexable (a scan, an encrypted PDF, no article text): not kept.
      discardUpload(root, saved.file);
      bot.log.info(`removed ${saved.file} again: it could not be indexed`);
      return notice(`Could not index \`${saved.file}\`, so it was not kept: ${doc.warning?.replace(/^skipped [^:]+: /, "") ?? "no article text found in it"}.`);
    },
  };
}

export const alwaysPrivate = true;
