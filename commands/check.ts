// /check quote:<words> speaker:<optional> — is this quotation in the documents, word for word, and
// whose is it? Exact, close (with the words the text has), attributed to someone else, or not found.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { nameChoices } from "../src/bot/actors.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import type { Choice, Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("check")
  .setDescription("Is this quotation in the documents, word for word? And who said it?")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("quote").setDescription("The quotation as you read it").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addStringOption((o) => o.setName("speaker").setDescription("Who it is said to be from (optional)").setMaxLength(100).setAutocomplete(true))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  const speaker = input.options.string("speaker")?.trim() || null;
  return answerReply(input, bot, { command: "check", query: input.options.string("quote") ?? "", speaker });
}

export function autocomplete(input: AutocompleteInput, bot: BotContext): Promise<Choice[]> {
  return nameChoices(bot.holder, input.options.focused()?.value ?? "");
}
