// Answers that start private (the message context-menu commands): the first page, visible only to
// whoever asked, with a "Post publicly" button that shares it with the channel.
import { ButtonStyle, ComponentType } from "discord.js";
import { buttonRow } from "../render/discord.js";
import type { BotContext } from "./command.js";
import { publishId } from "./custom-ids.js";
import type { BotQuery } from "./query.js";
import { messageReply, type Reply } from "./reply.js";

export const PUBLISH_LABEL = "Post publicly";

export async function privateAnswer(bot: BotContext, query: BotQuery): Promise<Reply> {
  const page = await bot.answers.page(query, 0);
  const id = page.found ? publishId(query, bot.answers.store) : null;
  if (!id) return messageReply(page.message, true);
  const row = buttonRow([{ type: ComponentType.Button, style: ButtonStyle.Success, label: PUBLISH_LABEL, custom_id: id }]);
  return messageReply({ ...page.message, components: [...page.message.components, ...row].slice(0, 5) }, true);
}
