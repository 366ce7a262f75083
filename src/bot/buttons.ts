// "Show source" and "More". Button ids carry their own state (see custom-ids.ts); an id this bot no
// longer understands, or a query that expired, gets a clear ephemeral answer.
import { MessageFlags } from "discord.js";
import type { ButtonInteraction } from "discord.js";
import { renderSourceView } from "../render/discord.js";
import type { BotContext } from "./command.js";
import { decodeCustomId, fileHash, type ButtonAction } from "./custom-ids.js";
import { replyOptions, sendNotice, updateOptions } from "./respond.js";
import { lookupSource } from "./source-view.js";

export async function handleButton(interaction: ButtonInteraction, bot: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  if (!action) {
    await sendNotice(interaction, "This button is from an older version of the bot and no longer works. Please ask again.");
    return;
  }
  if (action.kind === "source" || action.kind === "source-hashed") await showSource(interaction, bot, action);
  else await showMore(interaction, bot, action);
}

async function showSource(interaction: ButtonInteraction, bot: BotContext, action: Extract<ButtonAction, { kind: "source" | "source-hashed" }>): Promise<void> {
  const engine = bot.holder.current;
  const file = action.kind === "source" ? action.file : engine.corpus.documents.find((d) => fileHash(d.file) === action.fileHash)?.file;
  if (!file) {
    await sendNotice(interaction, "That document is no longer in the index (it was removed or renamed since). Please ask again.");
    return;
  }
  const found = lookupSource(engine, file, action.lineStart, action.lineEnd, { contentHash: action.contentHash });
  if (!found.ok) await sendNotice(interaction, found.message);
  else await interaction.reply(replyOptions(renderSourceView(found.view), true));
}

async function showMore(interaction: ButtonInteraction, bot: BotContext, action: Extract<ButtonAction, { kind: "more" | "more-ref" }>): Promise<void> {
  const query = action.kind === "more" ? action.query : bot.answers.store.get(action.key);
  if (!query) {
    await sendNotice(interaction, "This \"More\" button has expired (I only remember recent questions for a while). Please ask again.");
    return;
  }
  const page = bot.answers.page(query, action.offset);
  if (!page.found) {
    await interaction.reply(replyOptions(page.message, true));
    return;
  }
  // Paging a private answer replaces it in place; a shared message is left as it is, and the
  // next page goes to whoever pressed the button.
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(updateOptions(page.message));
  else await interaction.reply(replyOptions(page.message, true));
}
