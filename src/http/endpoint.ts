// What the endpoint answers to a verified interaction: PONG to Discord's PING, and for everything
// else the Reply of the same handler the gateway bot uses (src/bot/handle.ts). A deferred Reply, or
// an answer whose turn comes too late (src/bot/on-time.ts), is acknowledged first (type 5 or 6) and
// completed afterwards by PATCHing @original through REST, with the interaction's own token: the
// endpoint needs no bot token.
import { Routes, type REST } from "discord.js";
import type { BotCommand, BotContext } from "../bot/command.js";
import { describeError } from "../bot/errors.js";
import { admit, answer, handleInteraction, placeholderFor } from "../bot/handle.js";
import { AnswerQueue, deferDeadline, type Placeholder } from "../bot/on-time.js";
import { noticeReply, type Reply } from "../bot/reply.js";
import type { DiscordMessage } from "../render/discord.js";
import { callbackBody, editBody, messageBody, placeholderBody, PONG, type CallbackBody } from "./callback.js";
import { parseInteraction, type ApiInteraction } from "./interaction.js";

export type Outcome =
  | { ok: true; body: CallbackBody; /** Runs once the response is sent (a deferred answer's work). */ after?: () => Promise<void> }
  | { ok: false; reason: string };

export const UNSUPPORTED = "I can't handle this kind of interaction; /help lists what I can do.";

/**
 * The response to a verified interaction: at once for a PING, autocomplete and the quick refusals;
 * otherwise the answer when its turn in the queue comes, or, if that is too late for Discord's
 * window, a placeholder at the deadline and the answer PATCHed (or posted) once ready.
 */
export function createEndpoint(
  bot: BotContext,
  commands: ReadonlyMap<string, BotCommand>,
  rest: REST,
  queue = new AnswerQueue(),
): (json: unknown) => Outcome | Promise<Outcome> {
  return (json) => {
    const receivedAt = Date.now();
    const interaction = parseInteraction(json);
    if (!interaction) return { ok: false, reason: "not an interaction" };
    if (interaction.type === 1) return { ok: true, body: PONG };
    const input = interaction.incoming;
    if (!input) return answered(interaction, noticeReply(UNSUPPORTED), rest, bot);
    if (input.kind === "autocomplete") return handleInteraction(input, bot, commands).then((reply) => answered(interaction, reply, rest, bot));
    const quick = admit(input, bot, commands);
    if (quick) return answered(interaction, quick, rest, bot);
    const placeholder = placeholderFor(input, commands);
    return new Promise<Outcome>((resolve) => {
      let settle!: (reply: Reply) => void;
      const ready = new Promise<Reply>((r) => (settle = r));
      void queue
        .run(
          deferDeadline(interaction.id, receivedAt),
          () => answer(input, bot, commands),
          () => resolve({ ok: true, body: placeholderBody(placeholder), after: async () => completeLate(interaction, placeholder, await ready, rest, bot) }),
        )
        .then(({ value, late }) => {
          settle(value);
          if (!late) resolve(answered(interaction, value, rest, bot));
        });
    });
  };
}

/** The response for an answer worked out in time (a deferred Reply still completes afterwards). */
function answered(interaction: ApiInteraction, reply: Reply, rest: REST, bot: BotContext): Outcome {
  if (reply.type !== "deferred") return { ok: true, body: callbackBody(reply) };
  return { ok: true, body: callbackBody(reply), after: () => complete(interaction, reply.work, rest, bot) };
}

/** Attachments for a REST call (multipart when there are any). */
function restFiles(m: DiscordMessage): Array<{ name: string; data: Buffer; contentType?: string }> | undefined {
  return m.files?.length ? m.files.map((f) => ({ name: f.name, data: f.data })) : undefined;
}

/** Fills in a deferred answer. Failures are logged (scrubbed of the token); there is no one else to tell. */
async function complete(interaction: ApiInteraction, work: () => Promise<DiscordMessage>, rest: REST, bot: BotContext): Promise<void> {
  try {
    const message = await work();
    await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { body: editBody(message), files: restFiles(message), auth: false });
  } catch (error) {
    bot.log.error(`completing interaction ${interaction.id} failed: ${describeError(error)}`);
  }
}

/** Replaces the placeholder with the answer; after a silent deferred update, a new message is posted. */
async function completeLate(interaction: ApiInteraction, placeholder: Placeholder, reply: Reply, rest: REST, bot: BotContext): Promise<void> {
  if (reply.type === "deferred") return complete(interaction, reply.work, rest, bot);
  if (reply.type === "choices") return void bot.log.error(`completing interaction ${interaction.id} failed: choices cannot answer it`);
  try {
    if (reply.type === "message" && placeholder.type === "update") {
      await rest.post(Routes.webhook(interaction.applicationId, interaction.token), {
        body: messageBody(reply.message, reply.ephemeral),
        files: restFiles(reply.message),
        auth: false,
      });
    } else {
      await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), {
        body: editBody(reply.message),
        files: restFiles(reply.message),
        auth: false,
      });
    }
  } catch (error) {
    bot.log.error(`completing interaction ${interaction.id} failed: ${describeError(error)}`);
  }
}
