// /stance actor:<name> topic:<words> — an actor's stance (support, oppose, mixed, neutral) with evidence.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { nameChoices } from "../src/bot/actors.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import type { Choice, Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("stance")
  .setDescription("What is an actor's stance? Support, oppose, mixed or neutral, with the evidence")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("actor").setDescription("A person, company or country").setRequired(true).setMaxLength(100).setAutocomplete(true))
  .addStringOption((o) => o.setName("topic").setDescription("What about (optional)").setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  const topic = input.options.string("topic")?.trim() || null;
  return answerReply(input, bot, { command: "stance", actor: input.options.string("actor") ?? "", topic });
}

export function autocomplete(input: AutocompleteInput, bot: BotContext): Promise<Choice[]> {
  return nameChoices(bot.holder, input.options.focused()?.value ?? "");
}
