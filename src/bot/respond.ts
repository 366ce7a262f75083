// Replies → discord.js calls (the gateway bot's half of answering), and the two ways every handler
// answers when things go wrong: an ephemeral notice, and "Something went wrong (id …)" with the
// error logged under that id.
import { MessageFlags } from "discord.js";
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  Message,
  MessageContextMenuCommandInteraction,
  MessageReplyOptions,
  RepliableInteraction,
} from "discord.js";
import type { Logger } from "../log.js";
import { fitContent, type DiscordMessage } from "../render/discord.js";
import { describeError, errorId, errorStack } from "./errors.js";
import type { Placeholder } from "./on-time.js";
import type { Reply } from "./reply.js";

export function replyOptions(m: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    ...files(m),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Attachments as discord.js takes them (sent as multipart), only when there are any. */
function files(m: DiscordMessage): { files?: Array<{ attachment: Buffer; name: string; description?: string }> } {
  return m.files?.length ? { files: m.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {};
}

/** Replacing a message in place: fields left out would survive from the old one, so set them all. */
export function updateOptions(m: DiscordMessage): InteractionUpdateOptions & InteractionEditReplyOptions {
  return { content: m.content ?? "", embeds: m.embeds, components: m.components, ...files(m) };
}

export function messageReplyOptions(m: DiscordMessage): MessageReplyOptions {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    ...files(m),
    allowedMentions: { parse: [], repliedUser: false },
  };
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction | AutocompleteInteraction | MessageContextMenuCommandInteraction;

/** Sends a handler's Reply through discord.js (one callback, plus the edit of a deferred answer). */
export async function sendReply(interaction: Answerable, reply: Reply): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond(reply.type === "choices" ? reply.choices : []);
    return;
  }
  switch (reply.type) {
    case "message":
      await interaction.reply(replyOptions(reply.message, reply.ephemeral));
      return;
    case "update":
      if (interaction.isButton()) await interaction.update(updateOptions(reply.message));
      else await interaction.reply(replyOptions(reply.message, true));
      return;
    case "deferred":
      await interaction.deferReply(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      await interaction.editReply(updateOptions(await reply.work()));
      return;
    case "choices":
      throw new Error("autocomplete choices cannot answer a command or a button");
  }
}

/** Acknowledges an interaction whose answer is not ready in time (see on-time.ts). */
export async function sendPlaceholder(interaction: RepliableInteraction, placeholder: Placeholder): Promise<void> {
  if (placeholder.type === "update" && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply(placeholder.type === "reply" && placeholder.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/** Completes an interaction acknowledged with sendPlaceholder: the placeholder becomes the answer. */
export async function finishLate(interaction: RepliableInteraction, placeholder: Placeholder, reply: Reply): Promise<void> {
  switch (reply.type) {
    case "deferred":
      await interaction.editReply(updateOptions(await reply.work()));
      return;
    case "update":
      await interaction.editReply(updateOptions(reply.message));
      return;
    case "message":
      // After a silent deferUpdate there is no placeholder to fill: the answer is a new message.
      if (placeholder.type === "update") await interaction.followUp(replyOptions(reply.message, reply.ephemeral));
      else await interaction.editReply(updateOptions(reply.message));
      return;
    case "choices":
      throw new Error("autocomplete choices cannot answer a command or a button");
  }
}

/** An ephemeral text answer, whether or not the interaction was answered already. */
export async function sendNotice(interaction: RepliableInteraction, text: string): Promise<void> {
  const content = fitContent(text);
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content, embeds: [], components: [] });
  else if (interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

/** Logs the failure under a short id, which the user is told so their report matches a log line. */
export function logFailure(log: Logger, what: string, error: unknown): string {
  const id = errorId();
  log.error(`[${id}] ${what} failed: ${describeError(error)}`);
  log.debug(`[${id}] ${errorStack(error)}`);
  return id;
}

export function failureText(id: string): string {
  return `Something went wrong (id ${id}). Please try again; if it keeps happening, tell the bot's owner this id.`;
}

/** Logs the failure under a short id and tells the user that id; a failure to tell is logged too. */
export async function reportFailure(log: Logger, what: string, error: unknown, tell?: (text: string) => Promise<unknown>): Promise<string> {
  const id = logFailure(log, what, error);
  if (tell) {
    try {
      await tell(failureText(id));
    } catch (again) {
      log.warn(`[${id}] could not tell the user: ${describeError(again)}`);
    }
  }
  return id;
}

export function failInteraction(log: Logger, what: string, interaction: RepliableInteraction, error: unknown): Promise<string> {
  return reportFailure(log, what, error, (text) => sendNotice(interaction, text));
}

export function failMessage(log: Logger, what: string, message: Message, error: unknown): Promise<string> {
  return reportFailure(log, what, error, (text) => message.reply({ content: text, allowedMentions: { parse: [], repliedUser: false } }));
}
