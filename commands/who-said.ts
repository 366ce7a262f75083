// /who-said quote:<words> — the speaker of a quotation, with the line that proves it.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import type { Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("who-said")
  .setDescription("Who said these words? The speaker, their role, and the line that proves it")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("quote").setDescription("Words from the quotation").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  return answerReply(input, bot, { command: "who-said", query: input.options.string("quote") ?? "" });
}
