// Plain-language questions in a DM, or in a server channel when the bot is @mentioned. They go
// through the same router as the terminal prompt and are answered like the slash commands.
import type { Message } from "discord.js";
import { route } from "../answer/router.js";
import { notice } from "../render/discord.js";
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
      const routed = route(message.content.replace(mention, " "));
      const query = fromRouted(routed);
      const reply = query ? (await bot.answers.page(query, 0)).message : discordHelp();
      await message.reply(messageReplyOptions(reply));
    } catch (error) {
      await failMessage(bot.log, message.inGuild() ? "mention" : "DM", message, error);
    }
  };
}
