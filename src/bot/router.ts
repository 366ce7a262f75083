// The gateway bot's interaction entry: a discord.js interaction becomes an Incoming, the shared
// handler (handle.ts) builds the Reply, and it is sent through discord.js. A failure to send is
// logged with an id and told to the user; it never reaches the client.
import { MessageFlags } from "discord.js";
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, MessageContextMenuCommandInteraction } from "discord.js";
import type { BotCommand, BotContext } from "./command.js";
import { describeError } from "./errors.js";
import { handleInteraction } from "./handle.js";
import { describeIncoming, type Incoming } from "./incoming.js";
import { CommandOptions } from "./options.js";
import { failInteraction, sendReply } from "./respond.js";

export function createInteractionHandler(bot: BotContext, commands: ReadonlyMap<string, BotCommand>): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!interaction.isAutocomplete() && !interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isMessageContextMenuCommand()) return;
    const input = toIncoming(interaction);
    const reply = handleInteraction(input, bot, commands);
    try {
      await sendReply(interaction, reply);
    } catch (error) {
      if (interaction.isAutocomplete()) {
        bot.log.warn(`autocomplete for /${interaction.commandName} failed: ${describeError(error)}`);
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      } else await failInteraction(bot.log, describeIncoming(input), interaction, error);
    }
  };
}

export function toIncoming(interaction: AutocompleteInteraction | ChatInputCommandInteraction | ButtonInteraction | MessageContextMenuCommandInteraction): Incoming {
  const from = { userId: interaction.user.id, guildId: interaction.guildId };
  if (interaction.isAutocomplete()) return { kind: "autocomplete", name: interaction.commandName, options: new CommandOptions(interaction.options.data), ...from };
  if (interaction.isMessageContextMenuCommand()) {
    return { kind: "command", name: interaction.commandName, options: new CommandOptions([]), target: { content: interaction.targetMessage.content }, ...from };
  }
  if (interaction.isChatInputCommand()) return { kind: "command", name: interaction.commandName, options: new CommandOptions(interaction.options.data), ...from };
  return { kind: "button", customId: interaction.customId, messageEphemeral: interaction.message.flags.has(MessageFlags.Ephemeral), ...from };
}
