// What the endpoint answers to a verified interaction: PONG to Discord's PING, and for everything
// else the Reply of the same handler the gateway bot uses (src/bot/handle.ts). A deferred Reply is
// acknowledged at once (type 5) and completed afterwards by PATCHing @original through REST, with
// the interaction's own token: the endpoint needs no bot token.
import { Routes, type REST } from "discord.js";
import type { BotCommand, BotContext } from "../bot/command.js";
import { describeError } from "../bot/errors.js";
import { handleInteraction } from "../bot/handle.js";
import { noticeReply, type Reply } from "../bot/reply.js";
import type { DiscordMessage } from "../render/discord.js";
import { callbackBody, editBody, PONG, type CallbackBody } from "./callback.js";
import { parseInteraction, type ApiInteraction } from "./interaction.js";

export type Outcome =
  | { ok: true; body: CallbackBody; /** Runs once the response is sent (a deferred answer's work). */ after?: () => Promise<void> }
  | { ok: false; reason: string };

export const UNSUPPORTED = "I can't handle this kind of interaction; /help lists what I can do.";

export function createEndpoint(bot: BotContext, commands: ReadonlyMap<string, BotCommand>, rest: REST): (json: unknown) => Outcome {
  return (json) => {
    const interaction = parseInteraction(json);
    if (!interaction) return { ok: false, reason: "not an interaction" };
    if (interaction.type === 1) return { ok: true, body: PONG };
    const reply: Reply = interaction.incoming ? handleInteraction(interaction.incoming, bot, commands) : noticeReply(UNSUPPORTED);
    if (reply.type !== "deferred") return { ok: true, body: callbackBody(reply) };
    return { ok: true, body: callbackBody(reply), after: () => complete(interaction, reply.work, rest, bot) };
  };
}

/** Fills in a deferred answer. Failures are logged (scrubbed of the token); there is no one else to tell. */
async function complete(interaction: ApiInteraction, work: () => Promise<DiscordMessage>, rest: REST, bot: BotContext): Promise<void> {
  try {
    const message = await work();
    await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { body: editBody(message), auth: false });
  } catch (error) {
    bot.log.error(`completing interaction ${interaction.id} failed: ${describeError(error)}`);
  }
}
