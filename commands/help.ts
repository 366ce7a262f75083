// /help — how to ask (the same text as the terminal prompt), shown only to whoever asked.
import { SlashCommandBuilder } from "discord.js";
import { ANY_INSTALL, EVERYWHERE } from "../src/bot/command.js";
import { discordHelp } from "../src/bot/help.js";
import { messageReply, type Reply } from "../src/bot/reply.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("How to ask me questions")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL);

export function run(): Reply {
  return messageReply(discordHelp(), true);
}

export const alwaysPrivate = true;
