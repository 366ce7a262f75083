// What a handler answers, before any transport: the gateway adapter turns it into discord.js calls
// (src/bot/respond.ts), the HTTP endpoint into the interaction callback JSON (src/http/callback.ts).
import type { APIApplicationCommandOptionChoice } from "discord.js";
import { notice, type DiscordMessage } from "../render/discord.js";

export type Choice = APIApplicationCommandOptionChoice<string>;

export type Reply =
  /** A new message answering the interaction (callback type 4). */
  | { type: "message"; message: DiscordMessage; ephemeral: boolean }
  /** Replace the message the pressed button is on (type 7). */
  | { type: "update"; message: DiscordMessage }
  /** Autocomplete suggestions (type 8). */
  | { type: "choices"; choices: Choice[] }
  /**
   * Work that may outlast Discord's 3-second answer window: acknowledge first ("thinking…",
   * type 5), then replace that placeholder with what `work` returns (PATCH @original).
   */
  | { type: "deferred"; ephemeral: boolean; work: () => Promise<DiscordMessage> };

export function messageReply(message: DiscordMessage, ephemeral: boolean): Reply {
  return { type: "message", message, ephemeral };
}

/** A short private text answer (refusals, errors, expired buttons). */
export function noticeReply(text: string): Reply {
  return messageReply(notice(text), true);
}
