// What a command file in commands/ exports, what every handler gets, and the pieces the answering
// commands share (where they work, the `private` option, replying with an answer).
import { ApplicationIntegrationType, InteractionContextType } from "discord.js";
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBooleanOption,
} from "discord.js";
import type { EngineHolder } from "../answer/holder.js";
import type { Logger } from "../log.js";
import type { Answers } from "./answers.js";
import type { Cooldown } from "./cooldown.js";
import type { BotQuery } from "./query.js";
import { replyOptions } from "./respond.js";

export interface BotContext {
  holder: EngineHolder;
  answers: Answers;
  cooldown: Cooldown;
  log: Logger;
}

export interface BotCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, bot: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, bot: BotContext): Promise<void>;
}

/** Servers, DMs with the bot, and group DMs (the latter for user installs). */
export const EVERYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];
export const ANY_INSTALL = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];

export const privateOption = (o: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  o.setName("private").setDescription("Only you see the answer (default: everyone in the channel)");

/** Answers with the first page; private on request, and always when nothing was found. */
export async function replyWithAnswer(interaction: ChatInputCommandInteraction, bot: BotContext, query: BotQuery): Promise<void> {
  const page = bot.answers.page(query, 0);
  const ephemeral = (interaction.options.getBoolean("private") ?? false) || !page.found;
  await interaction.reply(replyOptions(page.message, ephemeral));
}
