// The gateway bot's interaction entry: a discord.js interaction becomes an Incoming, the shared
// handler (handle.ts) builds the Reply, and it is sent through discord.js: at once, or after a
// "thinking…" placeholder when the answer's turn comes too late for Discord's window (on-time.ts). A failure to send is
// logged with an id and told to the user; it never reaches the client.
import { MessageFlags } from "discord.js";
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, MessageContextMenuCommandInteraction } from "discord.js";
import type { BotCommand, BotContext } from "./command.js";
import { describeError } from "./errors.js";
import { admit, answer, handleInteraction, placeholderFor } from "./handle.js";
import { describeIncoming, type Incoming } from "./incoming.js";
import { CommandOptions } from "./options.js";
import { AnswerQueue, deferDeadline } from "./on-time.js";
import { failInteraction, finishLate, sendPlaceholder, sendReply } from "./respond.js";

export function createInteractionHandler(
  bot: BotContext,
  commands: ReadonlyMap<string, BotCommand>,
  queue = new AnswerQueue(),
): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!interaction.isAutocomplete() && !interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isMessageContextMenuCommand()) return;
    const receivedAt = Date.now();
    const input = toIncoming(interaction);
    try {
      // Autocomplete cannot be deferred (and is cheap); nor need the quick refusals be.
      if (interaction.isAutocomplete() || input.kind === "autocomplete") return await sendReply(interaction, await handleInteraction(input, bot, commands));
      const quick = admit(input, bot, commands);
      if (quick) return await sendReply(interaction, quick);
      const placeholder = placeholderFor(input, commands);
      let deferring: Promise<void> | null = null;
      const { value: reply, late } = await queue.run(
        deferDeadline(interaction.id, receivedAt),
        () => answer(input, bot, commands),
        () => {
          deferring = sendPlaceholder(interaction, placeholder);
          deferring.catch(() => undefined); // awaited (and its failure reported) below
        },
      );
      if (late) {
        await deferring;
        await finishLate(interaction, placeholder, reply);
      } else await sendReply(interaction, reply);
    } catch (error) {
      if (interaction.isAutocomplete()) {
        bot.log.warn(`autocomplete for /${interaction.commandName} failed: ${describeError(error)}`);
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      } else await failInteraction(bot.log, describeIncoming(input), interaction, error);
    }
  };
}

export function toIncoming(
  interaction: AutocompleteInteraction | ChatInputCommandInteraction | ButtonInteraction | MessageContextMenuCommandInteraction,
): Incoming {
  const from = { userId: interaction.user.id, guildId: interaction.guildId, memberPermissions: interaction.memberPermissions?.bitfield ?? null };
  if (interaction.isAutocomplete())
    return { kind: "autocomplete", name: interaction.commandName, options: new CommandOptions(interaction.options.data), ...from };
  if (interaction.isMessageContextMenuCommand()) {
    return { kind: "command", name: interaction.commandName, options: new CommandOptions([]), target: { content: interaction.targetMessage.content }, ...from };
  }
  if (interaction.isChatInputCommand())
    return { kind: "command", name: interaction.commandName, options: new CommandOptions(interaction.options.data), ...from };
  return { kind: "button", customId: interaction.customId, messageEphemeral: interaction.message.flags.has(MessageFlags.Ephemeral), ...from };
}
