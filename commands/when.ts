// /when event:<words> — when something happened: the words as written and the date they mean.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { ANY_INSTALL, answerReply, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { CommandInput } from "../src/bot/incoming.js";
import type { Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("when")
  .setDescription("When did it happen? The time words as written and the date they resolve to")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("event").setDescription("Words about the event").setRequired(true).setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Promise<Reply> {
  return answerReply(input, bot, { command: "when", query: input.options.string("event") ?? "" });
}
