// Every interaction, from either transport, is answered here: autocomplete, slash commands and
// buttons, with the per-user cooldown. The result is a Reply (nothing is sent from here); a
// failure while building it is logged under a short id and becomes a private "something went
// wrong (id …)" answer, so every interaction gets exactly one answer.
import { pressButton } from "./buttons.js";
import type { BotCommand, BotContext } from "./command.js";
import { cooldownText } from "./cooldown.js";
import { describeError } from "./errors.js";
import { describeIncoming, type AutocompleteInput, type Incoming } from "./incoming.js";
import { noticeReply, type Reply } from "./reply.js";
import { failureText, logFailure } from "./respond.js";

export function handleInteraction(input: Incoming, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Reply {
  if (input.kind === "autocomplete") return autocomplete(input, bot, commands);
  try {
    const wait = bot.cooldown.take(input.userId);
    if (!wait.ok) return noticeReply(cooldownText(wait.retryAfterMs, bot.cooldown.limit, bot.cooldown.windowMs));
    if (input.kind === "button") return pressButton(input, bot);
    const command = commands.get(input.name);
    if (!command) {
      bot.log.warn(`unknown command /${input.name.slice(0, 40)}: its registration is out of date`);
      return noticeReply(
        `I don't know /${input.name.slice(0, 40)} (any more). A server manager can refresh the command list with \`npm run deploy-commands\`; /help lists what I can do.`,
      );
    }
    return command.run(input, bot);
  } catch (error) {
    return noticeReply(failureText(logFailure(bot.log, describeIncoming(input), error)));
  }
}

function autocomplete(input: AutocompleteInput, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Reply {
  try {
    const command = commands.get(input.name);
    return { type: "choices", choices: command?.autocomplete ? command.autocomplete(input, bot) : [] };
  } catch (error) {
    // Nobody reads an error in an autocomplete popup: log it, and offer no choices.
    bot.log.warn(`autocomplete for /${input.name.slice(0, 40)} failed: ${describeError(error)}`);
    return { type: "choices", choices: [] };
  }
}
