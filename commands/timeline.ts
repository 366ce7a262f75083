// /timeline actor:<name> topic:<words> — the dated facts about an actor and/or a topic as a
// picture on a time axis, with the listed items under it. Drawing takes a moment, so an answer
// with a picture is always deferred ("thinking…", then the picture): it never misses Discord's
// 3-second window however busy the machine is.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { actorNames } from "../src/bot/actors.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import { messageReply, type Choice, type Reply } from "../src/bot/reply.js";
import { toChoices } from "../src/render/discord.js";
import { chartInput, timelinePng } from "../src/render/timeline-chart.js";
import { DISCORD_LISTED, renderTimeline } from "../src/render/timeline-discord.js";

export const data = new SlashCommandBuilder()
  .setName("timeline")
  .setDescription("Who said what, when: dated statements and stances on a time axis, with sources")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) => o.setName("actor").setDescription("A person, company or country (or leave empty and give a topic)").setMaxLength(100).setAutocomplete(true))
  .addStringOption((o) => o.setName("topic").setDescription("About what (optional with an actor)").setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Reply {
  const actor = input.options.string("actor")?.trim() || null;
  const topic = input.options.string("topic")?.trim() || null;
  const answer = bot.holder.current.timeline(actor ?? "", topic ?? undefined, DISCORD_LISTED);
  const ephemeral = (input.options.boolean("private") ?? false) || answer.results.length === 0;
  if (answer.points.length === 0) return messageReply(renderTimeline(answer, null), ephemeral);
  return { type: "deferred", ephemeral, work: async () => renderTimeline(answer, await timelinePng(chartInput(answer))) };
}

export function autocomplete(input: AutocompleteInput, bot: BotContext): Choice[] {
  return toChoices(actorNames(bot.holder.current), input.options.focused()?.value ?? "");
}
