// What a command file in commands/ exports, what every handler gets, and the pieces the answering
// commands share (where they work, the `private` option, answering with the first page).
// Handlers are transport-free: they turn an input into a Reply, and the gateway bot and the HTTP
// endpoint each send that Reply their own way, so both give the same answers.
import { ApplicationIntegrationType, InteractionContextType } from "discord.js";
import type { RESTPostAPIApplicationCommandsJSONBody, SlashCommandBooleanOption } from "discord.js";
import type { FeedbackLog } from "../feedback/log.js";
import type { Logger } from "../log.js";
import type { Answers } from "./answers.js";
import type { Cooldown } from "./cooldown.js";
import type { EngineSource } from "./engine-source.js";
import type { AutocompleteInput, CommandInput } from "./incoming.js";
import type { BotQuery } from "./query.js";
import type { UploadSettings } from "./uploads.js";
import { messageReply, type Choice, type Reply } from "./reply.js";

export interface BotContext {
  holder: EngineSource;
  answers: Answers;
  cooldown: Cooldown;
  log: Logger;
  /** Where 👍/👎 votes go (FEEDBACK_FILE); absent when votes are not recorded. */
  feedback?: FeedbackLog | null;
  /** Where /add may download attachments from, and how large they may be. */
  uploads?: UploadSettings;
}

export interface BotCommand {
  /** A slash command, or a message context-menu command (ContextMenuCommandBuilder). */
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  run(input: CommandInput, bot: BotContext): Reply | Promise<Reply>;
  /** Every answer is private (not only when asked): a late answer's placeholder must be too. */
  alwaysPrivate?: boolean;
  autocomplete?(input: AutocompleteInput, bot: BotContext): Choice[] | Promise<Choice[]>;
}

/** Servers, DMs with the bot, and group DMs (the latter for user installs). */
export const EVERYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];
export const ANY_INSTALL = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];

export const privateOption = (o: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  o.setName("private").setDescription("Only you see the answer (default: everyone in the channel)");

/** The first page of the answer; private on request, and always when nothing was found. */
export async function answerReply(input: CommandInput, bot: BotContext, query: BotQuery): Promise<Reply> {
  const page = await bot.answers.page(query, 0, input.guildId);
  return messageReply(page.message, (input.options.boolean("private") ?? false) || !page.found);
}
