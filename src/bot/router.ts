// Every interaction lands here: autocomplete, slash commands and buttons. Each is answered on its
// own; a failure is logged with an id, told to the user, and never reaches the client.
import { MessageFlags } from "discord.js";
import type { AutocompleteInteraction, Interaction } from "discord.js";
import { handleButton } from "./buttons.js";
import type { BotCommand, BotContext } from "./command.js";
import { cooldownText } from "./cooldown.js";
import { describeError } from "./errors.js";
import { failInteraction } from "./respond.js";

export function createInteractionHandler(bot: BotContext, commands: ReadonlyMap<string, BotCommand>): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(interaction, bot, commands);
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : `button ${interaction.customId.slice(0, 40)}`;
    try {
      const wait = bot.cooldown.take(interaction.user.id);
      if (!wait.ok) {
        await interaction.reply({ content: cooldownText(wait.retryAfterMs, bot.cooldown.limit, bot.cooldown.windowMs), flags: MessageFlags.Ephemeral });
        return;
      }
      if (interaction.isButton()) return await handleButton(interaction, bot);
      const command = commands.get(interaction.commandName);
      if (!command) {
        bot.log.warn(`unknown command /${interaction.commandName}: its registration is out of date`);
        await interaction.reply({
          content: `I don't know /${interaction.commandName} (any more). A server manager can refresh the command list with \`npm run deploy-commands\`; /help lists what I can do.`,
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      await command.execute(interaction, bot);
    } catch (error) {
      await failInteraction(bot.log, what, interaction, error);
    }
  };
}

async function autocomplete(interaction: AutocompleteInteraction, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Promise<void> {
  try {
    const command = commands.get(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, bot);
    else await interaction.respond([]);
  } catch (error) {
    // Nobody reads an error in an autocomplete popup: log it, and offer no choices.
    bot.log.warn(`autocomplete for /${interaction.commandName} failed: ${describeError(error)}`);
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}
