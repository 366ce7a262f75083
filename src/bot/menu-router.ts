// Message context-menu commands over the gateway ("Who said this?", "Find sources"): the
// interaction carries the message it was used on, so its text reaches the handler without the
// Message Content intent. Answered by the shared handler, like slash commands.
import type { Interaction, MessageContextMenuCommandInteraction } from "discord.js";
import type { BotCommand, BotContext } from "./command.js";
import { handleInteraction } from "./handle.js";
import { describeIncoming, type CommandInput } from "./incoming.js";
import { CommandOptions } from "./options.js";
import { failInteraction, sendReply } from "./respond.js";

export function createMenuHandler(bot: BotContext, commands: ReadonlyMap<string, BotCommand>): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!interaction.isMessageContextMenuCommand()) return;
    const input = menuInput(interaction);
    try {
      await sendReply(interaction, handleInteraction(input, bot, commands));
    } catch (error) {
      await failInteraction(bot.log, describeIncoming(input), interaction, error);
    }
  };
}

export function menuInput(interaction: MessageContextMenuCommandInteraction): CommandInput {
  return {
    kind: "command",
    name: interaction.commandName,
    options: new CommandOptions([]),
    target: { content: interaction.targetMessage.content },
    userId: interaction.user.id,
    guildId: interaction.guildId,
  };
}
