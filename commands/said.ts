// /said speaker:<name> topic:<optional> — what a speaker said (the inverse of /who-said): their
// quotations and reported statements, most relevant first, each with its date and line.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import { nameChoices } from "../src/bot/actors.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import type { Choice, Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("said")
  .setDescription("What did this speaker say? Their quotations, with dates and lines")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) =>
    o.setName("speaker").setDescription("A person or organization quoted in the documents").setRequired(true).setMaxLength(100).setAutocomplete(true),
  )
  .addStringOption((o) => o.setName("topic").setDescription("About what (optional)").setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  const topic = input.options.string("topic")?.trim() || null;
  return answerReply(input, bot, { command: "said", speaker: input.options.string("speaker") ?? "", topic });
}

/** Only people and organizations the documents quote: anyone else would have nothing to show. */
export function autocomplete(input: AutocompleteInput, bot: BotContext): Promise<Choice[]> {
  return nameChoices(bot.holder, input.options.focused()?.value ?? "", { speakersOnly: true });
}
