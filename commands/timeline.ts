// /timeline actor:<name> topic:<words> — the dated facts about an actor and/or a topic as a
// picture on a time axis, with the listed items under it. Always deferred ("thinking…", then the
// answer): it never misses Discord's 3-second window however large the corpus or busy the machine.
import { SlashCommandBuilder } from "discord.js";
import { MAX_QUERY_CHARS } from "../src/answer/validate.js";
import { nameChoices } from "../src/bot/actors.js";
import { ANY_INSTALL, EVERYWHERE, privateOption, type BotContext } from "../src/bot/command.js";
import type { AutocompleteInput, CommandInput } from "../src/bot/incoming.js";
import { noticeReply, type Choice, type Reply } from "../src/bot/reply.js";
import { chartInput, timelinePng } from "../src/render/timeline-chart.js";
import { DISCORD_LISTED, renderTimeline } from "../src/render/timeline-discord.js";

export const data = new SlashCommandBuilder()
  .setName("timeline")
  .setDescription("Who said what, when: dated statements and stances on a time axis, with sources")
  .setContexts(EVERYWHERE)
  .setIntegrationTypes(ANY_INSTALL)
  .addStringOption((o) =>
    o.setName("actor").setDescription("A person, company or country (or leave empty and give a topic)").setMaxLength(100).setAutocomplete(true),
  )
  .addStringOption((o) => o.setName("topic").setDescription("About what (optional with an actor)").setMaxLength(MAX_QUERY_CHARS))
  .addBooleanOption(privateOption);

export function run(input: CommandInput, bot: BotContext): Reply {
  const actor = input.options.string("actor")?.trim() || null;
  const topic = input.options.string("topic")?.trim() || null;
  if (!actor && !topic) return noticeReply("Give an actor, a topic, or both: `/timeline actor:<name>`, `/timeline topic:<words>`.");
  // Deferred before anything is worked out: gathering a large corpus' facts and drawing them can
  // take longer than Discord's window, and a busy machine cannot defer in the middle of the work.
  const engine = bot.holder.current;
  return {
    type: "deferred",
    ephemeral: input.options.boolean("private") ?? false,
    work: async () => {
      const answer = await engine.timeline(actor ?? "", topic ?? undefined, DISCORD_LISTED);
      return renderTimeline(answer, answer.points.length ? await timelinePng(chartInput(answer)) : null);
    },
  };
}

export function autocomplete(input: AutocompleteInput, bot: BotContext): Promise<Choice[]> {
  return nameChoices(bot.holder, input.options.focused()?.value ?? "");
}
