// A handler's Reply → the interaction callback JSON that is the HTTP response body (and the body
// of the PATCH that completes a deferred answer). It carries exactly what the gateway bot sends
// through discord.js, so an answer looks the same whichever way the interaction came.
import type { DiscordMessage } from "../render/discord.js";
import type { Placeholder } from "../bot/on-time.js";
import type { Reply } from "../bot/reply.js";

export const CallbackType = { Pong: 1, Message: 4, Deferred: 5, DeferredUpdate: 6, Update: 7, Choices: 8 } as const;
const EPHEMERAL = 1 << 6;
/** Quoted text must never ping anyone (the gateway client sets the same default). */
const ALLOWED_MENTIONS = { parse: [] as string[], replied_user: false };

export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

export function callbackBody(reply: Reply): CallbackBody {
  switch (reply.type) {
    case "message":
      return { type: CallbackType.Message, data: messageBody(reply.message, reply.ephemeral) };
    case "update":
      return { type: CallbackType.Update, data: editBody(reply.message) };
    case "choices":
      return { type: CallbackType.Choices, data: { choices: reply.choices } };
    case "deferred":
      return { type: CallbackType.Deferred, data: reply.ephemeral ? { flags: EPHEMERAL } : {} };
  }
}

/** A new message: the data of a type 4 callback, or the body of a follow-up (POST to the webhook). */
export function messageBody(m: DiscordMessage, ephemeral: boolean): Record<string, unknown> {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    allowed_mentions: ALLOWED_MENTIONS,
    ...attachments(m),
    ...(ephemeral ? { flags: EPHEMERAL } : {}),
  };
}

/** The attachments' names and alt texts; the files themselves go as multipart parts (files[i]) beside this body. */
function attachments(m: DiscordMessage): { attachments?: Array<{ id: number; filename: string; description?: string }> } {
  return m.files?.length ? { attachments: m.files.map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) })) } : {};
}

/** The acknowledgement of an answer that comes late (see src/bot/on-time.ts). */
export function placeholderBody(p: Placeholder): CallbackBody {
  return p.type === "update" ? { type: CallbackType.DeferredUpdate } : { type: CallbackType.Deferred, data: p.ephemeral ? { flags: EPHEMERAL } : {} };
}

/** Replacing a message: fields left out would survive from the old one, so all are set. */
export function editBody(m: DiscordMessage): Record<string, unknown> {
  return { content: m.content ?? "", embeds: m.embeds, components: m.components, allowed_mentions: ALLOWED_MENTIONS, ...attachments(m) };
}

export const PONG: CallbackBody = { type: CallbackType.Pong };
