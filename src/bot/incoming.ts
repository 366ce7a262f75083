// An interaction as the answering code sees it, whichever way it arrived: over the gateway (a
// discord.js object, src/bot/router.ts) or as signed JSON posted to the HTTP endpoint
// (src/http/interaction.ts). Only what the handlers use is kept, so both paths answer alike.
import type { CommandOptions } from "./options.js";

interface From {
  /** Who pressed or typed (the per-user cooldown counts by this). */
  userId: string;
  /** The server it came from; null in DMs and group DMs. */
  guildId: string | null;
  /**
   * The member's permissions in the channel, as Discord computed them (servers only; missing when
   * unknown). Commands that need one check it themselves rather than trust the command's defaults,
   * which a server can override and a forged registration can leave out.
   */
  memberPermissions?: bigint | null;
}

export interface CommandInput extends From {
  kind: "command";
  name: string;
  options: CommandOptions;
  /** For a message context-menu command: the message it was used on (its text; the interaction carries it). */
  target?: { content: string };
}

export interface AutocompleteInput extends From {
  kind: "autocomplete";
  name: string;
  options: CommandOptions;
}

export interface ButtonInput extends From {
  kind: "button";
  customId: string;
  /** The message the button is on is private (ephemeral): "More" then pages it in place. */
  messageEphemeral: boolean;
}

export type Incoming = CommandInput | AutocompleteInput | ButtonInput;

/** How an interaction is named in logs: `/who-said`, `button more:3:…` (never a token). */
export function describeIncoming(input: Incoming): string {
  return input.kind === "button" ? `button ${input.customId.slice(0, 40)}` : `/${input.name}`;
}
