// Every interaction, from either transport, is answered here: autocomplete, slash commands and
// buttons, with the per-user cooldown. The result is a Reply (nothing is sent from here); a
// failure while building it is logged under a short id and becomes a private "something went
// wrong (id …)" answer, so every interaction gets exactly one answer.
import { pressButton } from "./buttons.js";
import type { BotCommand, BotContext } from "./command.js";
import { cooldownText } from "./cooldown.js";
import { describeError } from "./errors.js";
import { decodeCustomId } from "./custom-ids.js";
import { describeIncoming, type AutocompleteInput, type ButtonInput, type CommandInput, type Incoming } from "./incoming.js";
import type { Placeholder } from "./on-time.js";
import { noticeReply, type Reply } from "./reply.js";
import { failureText, logFailure } from "./respond.js";

export async function handleInteraction(input: Incoming, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Promise<Reply> {
  if (input.kind === "autocomplete") return autocomplete(input, bot, commands);
  return admit(input, bot, commands) ?? (await answer(input, bot, commands));
}

/**
 * The quick checks made as soon as an interaction arrives: the cooldown and unknown commands. A
 * Reply here is the whole answer; null means the answer itself is to be worked out (answer()).
 */
export function admit(input: CommandInput | ButtonInput, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Reply | null {
  try {
    const wait = bot.cooldown.take(input.userId);
    if (!wait.ok) return noticeReply(cooldownText(wait.retryAfterMs, bot.cooldown.limit, bot.cooldown.windowMs));
    if (input.kind === "command" && !commands.has(input.name)) {
      bot.log.warn(`unknown command /${input.name.slice(0, 40)}: its registration is out of date`);
      return noticeReply(
        `I don't know /${input.name.slice(0, 40)} (any more). A server manager can refresh the command list with \`npm run deploy-commands\`; /help lists what I can do.`,
      );
    }
    return null;
  } catch (error) {
    return noticeReply(failureText(logFailure(bot.log, describeIncoming(input), error)));
  }
}

/** The answer to an admitted command or button press (what may take a while). */
export async function answer(input: CommandInput | ButtonInput, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Promise<Reply> {
  try {
    if (input.kind === "button") return await pressButton(input, bot);
    const command = commands.get(input.name);
    if (!command) throw new Error(`/${input.name.slice(0, 40)} was not admitted`);
    return await command.run(input, bot);
  } catch (error) {
    return noticeReply(failureText(logFailure(bot.log, describeIncoming(input), error)));
  }
}

/**
 * What a late answer is acknowledged with, before it is known: paging a private answer replaces
 * it in place; everything else is a new message, private when asked or when the command always is.
 * (A late answer that finds nothing then stays as public as the placeholder was.)
 */
export function placeholderFor(input: CommandInput | ButtonInput, commands: ReadonlyMap<string, BotCommand>): Placeholder {
  if (input.kind === "button") {
    const action = decodeCustomId(input.customId);
    const paging = action?.kind === "more" || action?.kind === "more-ref";
    return paging && input.messageEphemeral ? { type: "update" } : { type: "reply", ephemeral: true };
  }
  return { type: "reply", ephemeral: (commands.get(input.name)?.alwaysPrivate ?? false) || (input.options.boolean("private") ?? false) };
}

async function autocomplete(input: AutocompleteInput, bot: BotContext, commands: ReadonlyMap<string, BotCommand>): Promise<Reply> {
  try {
    const command = commands.get(input.name);
    return { type: "choices", choices: command?.autocomplete ? await command.autocomplete(input, bot) : [] };
  } catch (error) {
    // Nobody reads an error in an autocomplete popup: log it, and offer no choices.
    bot.log.warn(`autocomplete for /${input.name.slice(0, 40)} failed: ${describeError(error)}`);
    return { type: "choices", choices: [] };
  }
}
