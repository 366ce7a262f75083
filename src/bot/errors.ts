// Turning errors into words: a short id per failure so a user's report matches a log line, log text
// scrubbed of every secret, and one plain sentence for each way starting the bot can fail.
import { randomBytes } from "node:crypto";
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from "discord.js";
import { redact } from "../log.js";

export function errorId(): string {
  return randomBytes(3).toString("hex");
}

/**
 * The logger already masks the bot token; interaction tokens travel in REST URLs
 * (/interactions/:id/:token, /webhooks/:app/:token) and are masked here as well.
 */
export function scrub(text: string): string {
  return redact(text)
    .replace(/(\/interactions\/\d+\/)[\w.-]+/g, "$1[token]")
    .replace(/(\/webhooks\/\d+\/)[\w.-]+/g, "$1[token]");
}

/** One line for the log: the error's class, message and Discord status/code, scrubbed. */
export function describeError(error: unknown): string {
  if (error instanceof DiscordAPIError) return scrub(`DiscordAPIError ${error.status} (code ${error.code}): ${error.message} [${error.method} ${error.url}]`);
  if (error instanceof HTTPError) return scrub(`HTTPError ${error.status}: ${error.message} [${error.method} ${error.url}]`);
  if (error instanceof Error) return scrub(`${error.name}: ${error.message}${networkCode(error) ? ` (${networkCode(error)})` : ""}`);
  return scrub(String(error));
}

/** The stack, scrubbed, for debug logs only. */
export function errorStack(error: unknown): string {
  return scrub(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/** A network error code anywhere in the cause chain (fetch wraps them: TypeError → cause → AggregateError). */
export function networkCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
  const nested = [(error as { cause?: unknown }).cause, ...(((error as { errors?: unknown }).errors as unknown[] | undefined) ?? [])];
  for (const inner of nested) {
    const found = networkCode(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Why logging in failed, in one sentence a bot owner can act on. Never contains the token. */
export function describeStartupError(error: unknown, apiBase: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === DiscordjsErrorCodes.TokenInvalid || /authentication failed/i.test(message) || (error instanceof DiscordAPIError && error.status === 401)) {
    return "Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token on the Bot page of the Developer Portal and put the new one in .env.";
  }
  if (/disallowed intents/i.test(message)) {
    return "Discord refused the gateway intents: this bot needs no privileged intent, so check that nothing else changed its intents.";
  }
  const net = networkCode(error);
  if (net)
    return scrub(
      `Cannot reach the Discord API at ${apiBase} (${net}): check the network connection${apiBase.includes("discord.com") ? "" : " and DISCORD_API_BASE"}.`,
    );
  if (error instanceof HTTPError) return scrub(`Discord answered ${error.status} ${error.message} while logging in: try again in a minute.`);
  if (error instanceof DiscordAPIError) return scrub(`Discord refused the login: ${error.message} (HTTP ${error.status}, code ${error.code}).`);
  if (error instanceof Error && error.name === "AbortError") return scrub(`Timed out reaching the Discord API at ${apiBase}: check the network connection.`);
  return scrub(`Could not connect to Discord: ${message}`);
}
