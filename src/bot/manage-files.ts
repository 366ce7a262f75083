// What /add and /remove share: who may use them, and reindexing after a change with a report
// of what the index now holds. The commands themselves stay a few lines each (commands/).
import { formatIsoForPeople } from "../render/text.js";
import type { ReindexReport } from "../runtime/holder.js";
import type { BotContext } from "./command.js";
import { describeError } from "./errors.js";
import type { CommandInput } from "./incoming.js";
import { uploadSettings, type UploadSettings } from "./uploads.js";
import { PermissionFlagsBits } from "discord.js";

/** Manage Server, or Administrator (which Discord treats as every permission). */
const MAY_MANAGE = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

/** Why `input` may not change the knowledge folder, or null when it may. Refusals are logged. */
export function refuseManage(input: CommandInput, bot: BotContext): string | null {
  if (input.guildId === null) return `/${input.name} works in a server, for members with Manage Server.`;
  // Checked here as well as by the command's default permissions, which a server can change.
  if (((input.memberPermissions ?? 0n) & MAY_MANAGE) === 0n) {
    bot.log.info(`refused /${input.name} to ${input.userId}: no Manage Server permission`);
    return `/${input.name} needs the Manage Server permission in this server.`;
  }
  return null;
}

export function settingsOf(bot: BotContext): UploadSettings {
  return bot.uploads ?? uploadSettings(undefined);
}

/** The knowledge folder the bot answers from. */
export function knowledgeRoot(bot: BotContext): string {
  return bot.holder.root;
}

/** One line about an indexed document: title, date and passage count; else the reindex' warning about it. */
export async function describeDocument(bot: BotContext, file: string, warnings: readonly string[]): Promise<{ line: string } | { warning: string | null }> {
  const doc = (await bot.holder.current.store.documentsByFile([file])).get(file);
  if (!doc) return { warning: warnings.find((w) => w.includes(` ${file}:`) || w.includes(` ${file} `)) ?? null };
  const date = doc.date ? formatIsoForPeople(doc.date) : "undated";
  return { line: `**${doc.title}** (${date}), ${doc.passageIds.length} passage${doc.passageIds.length === 1 ? "" : "s"}` };
}

/** Reindexes: the report, or the failure as a sentence (the previous index keeps answering). */
export async function reindexAfter(bot: BotContext, what: string): Promise<{ ok: true; report: ReindexReport } | { ok: false; message: string }> {
  try {
    return { ok: true, report: await bot.holder.reindex() };
  } catch (error) {
    bot.log.error(`reindex after ${what} failed: ${describeError(error)}`);
    return { ok: false, message: `Reindex failed: ${error instanceof Error ? error.message : String(error)}. Still answering from the previous index.` };
  }
}
