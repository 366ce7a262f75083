// /search query:<words> — the passages that contain the words.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import type { Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("search")
  .setDescription("Find the passages that contain these words")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("query").setDescription("Words to look for").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  return answerReply(input, bot, { command: "search", query: input.options.string("query") ?? "" });
}
