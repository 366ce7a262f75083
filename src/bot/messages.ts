// Plain-language questions in a DM, or in a server channel when the bot is @mentioned. They go
// through the same router as the terminal prompt and are answered like the slash commands.
import type { Message } from "discord.js";
import { route } from "../answer/router.js";
import { askTimeline, routeTimeline, type TimelineRoute } from "../answer/timeline-route.js";
import { notice, type DiscordMessage } from "../render/discord.js";
import { chartInput, timelinePng } from "../render/timeline-chart.js";
import { DISCORD_LISTED, renderTimeline } from "../render/timeline-discord.js";
import type { BotContext } from "./command.js";
import { cooldownText } from "./cooldown.js";
import { discordHelp } from "./help.js";
import { fromRouted } from "./query.js";
import { failMessage, messageReplyOptions } from "./respond.js";

export function createMessageHandler(bot: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || message.system || message.webhookId) return;
    const me = message.client.user.id;
    const mention = new RegExp(`<@!?${me}>`, "g");
    // In servers only an explicit @mention is a question (a reply that pings the bot is not).
    if (message.inGuild() && !message.content.match(mention)) return;
    try {
      const wait = bot.cooldown.take(message.author.id);
      if (!wait.ok) {
        if (wait.firstRefusal) await message.reply(messageReplyOptions(notice(cooldownText(wait.retryAfterMs, bot.cooldown.limit, bot.cooldown.windowMs))));
        return;
      }
      const asked = message.content.replace(mention, " ");
      const timeline = routeTimeline(asked);
      const query = timeline ? null : fromRouted(route(asked));
      const reply = timeline ? await timelineMessage(bot, timeline) : query ? (await bot.answers.page(query, 0, message.guildId)).message : discordHelp();
      await message.reply(messageReplyOptions(reply));
    } catch (error) {
      await failMessage(bot.log, message.inGuild() ? "mention" : "DM", message, error);
    }
  };
}

/** A timeline asked in plain words: the same picture and list as /timeline. */
async function timelineMessage(bot: BotContext, r: TimelineRoute): Promise<DiscordMessage> {
  const engine = bot.holder.current;
  const a = await askTimeline((actor, topic) => engine.timeline(actor, topic, DISCORD_LISTED), r);
  return renderTimeline(a, a.points.length ? await timelinePng(chartInput(a)) : null);
}
