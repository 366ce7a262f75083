// The JSON Discord posts to an interactions endpoint → the transport-free input the shared handlers
// take (src/bot/incoming.ts). Only the fields the handlers use are read, defensively: anything
// malformed is "not an interaction" (400), and a kind the bot has no handler for is reported as such.
import { CommandOptions } from "../bot/options.js";
import type { Incoming } from "../bot/incoming.js";

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
const CHAT_INPUT = 1;
const MESSAGE_MENU = 3;
const BUTTON = 2;
const EPHEMERAL = 1 << 6;

export interface ApiInteraction {
  id: string;
  /** The interaction token: it authorises the follow-up PATCH. Never logged. */
  token: string;
  applicationId: string;
  type: number;
  /** Null for a PING and for kinds the bot does not handle (context menus, modals, select menus). */
  incoming: Incoming | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 && v.length <= 1000 ? v : null);

export function parseInteraction(json: unknown): ApiInteraction | null {
  if (!isObj(json)) return null;
  const id = str(json.id);
  const token = str(json.token);
  const applicationId = str(json.application_id);
  const type = json.type;
  if (!id || !token || !applicationId || typeof type !== "number" || !Number.isInteger(type)) return null;
  return { id, token, applicationId, type, incoming: type === InteractionType.Ping ? null : toIncoming(json, type) };
}

/** Discord sends a permission bitfield as a decimal string. */
function permissions(v: unknown): bigint | null {
  return typeof v === "string" && /^\d{1,30}$/.test(v) ? BigInt(v) : null;
}

function toIncoming(json: Obj, type: number): Incoming | null {
  const data = isObj(json.data) ? json.data : {};
  const member = isObj(json.member) ? json.member : {};
  // In servers the user is inside `member`; in DMs it is top-level.
  const user = isObj(member.user) ? member.user : isObj(json.user) ? json.user : {};
  const from = { userId: str(user.id) ?? "unknown", guildId: str(json.guild_id), memberPermissions: permissions(member.permissions) };
  const name = str(data.name);
  if (type === InteractionType.ApplicationCommand && name && data.type === CHAT_INPUT) {
    const attachments = isObj(data.resolved) && isObj(data.resolved.attachments) ? data.resolved.attachments : undefined;
    return { kind: "command", name, options: new CommandOptions(data.options, attachments), ...from };
  }
  if (type === InteractionType.ApplicationCommand && name && data.type === MESSAGE_MENU) {
    // The message the menu was used on comes with the interaction, under resolved.messages.
    const messages = isObj(data.resolved) && isObj(data.resolved.messages) ? data.resolved.messages : {};
    const target = str(data.target_id) ? messages[data.target_id as string] : undefined;
    const content = isObj(target) && typeof target.content === "string" ? target.content.slice(0, 4000) : "";
    return { kind: "command", name, options: new CommandOptions([]), target: { content }, ...from };
  }
  if (type === InteractionType.Autocomplete && name) return { kind: "autocomplete", name, options: new CommandOptions(data.options), ...from };
  const customId = str(data.custom_id);
  if (type === InteractionType.MessageComponent && customId && data.component_type === BUTTON) {
    const flags = isObj(json.message) && typeof json.message.flags === "number" ? json.message.flags : 0;
    return { kind: "button", customId, messageEphemeral: (flags & EPHEMERAL) !== 0, ...from };
  }
  return null;
}
