// Configuration from the environment (and .env through dotenv), validated once at start: a
// missing or malformed value is reported in one line that names it, and the token is never shown.
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { registerSecret } from "./log.js";

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string())
  .optional()
  .transform((s) => (s ? s : undefined));

const snowflake = (name: string) =>
  optionalString.refine((s) => s === undefined || /^\d{15,22}$/.test(s), { message: `${name} must be a numeric Discord id (15–22 digits)` });

const url = (name: string) => optionalString.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), { message: `${name} must be an http(s) URL` });

export const ConfigSchema = z.object({
  DISCORD_TOKEN: optionalString.refine((s) => s === undefined || /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(s) || /^[\w.-]{30,}$/.test(s), {
    message: "DISCORD_TOKEN does not look like a bot token (copy it again from the Developer Portal, Bot page)",
  }),
  DISCORD_CLIENT_ID: snowflake("DISCORD_CLIENT_ID"),
  DISCORD_GUILD_ID: snowflake("DISCORD_GUILD_ID"),
  DISCORD_PUBLIC_KEY: optionalString.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), { message: "DISCORD_PUBLIC_KEY must be 64 hex characters" }),
  DISCORD_API_BASE: url("DISCORD_API_BASE"),
  KNOWLEDGE_DIR: optionalString.transform((s) => s ?? "knowledge"),
  SOURCE_BASE_URL: url("SOURCE_BASE_URL"),
  CACHE_DIR: optionalString.transform((s) => s ?? ".cache"),
  LOG_LEVEL: optionalString
    .transform((s) => s ?? "info")
    .pipe(z.enum(["debug", "info", "warn", "error", "silent"], { message: "LOG_LEVEL must be debug, info, warn, error or silent" })),
  SHARDS: optionalString.refine((s) => s === undefined || s === "auto" || /^[1-9]\d{0,3}$/.test(s), { message: "SHARDS must be auto or a number" }),
  PORT: optionalString.refine((s) => s === undefined || (/^\d{1,5}$/.test(s) && Number(s) <= 65535), { message: "PORT must be a number from 0 to 65535" }),
  /**
   * What `npm start` runs: `gateway` (the default: the bot, or the terminal prompt without a token)
   * or `http` (the interactions endpoint). Checked by modeOf() in `npm start` only: other tools set
   * MODE too (Vite and vitest set MODE=test), and `npm run ask` must not refuse to start over it.
   */
  MODE: optionalString,
  /** The address the HTTP endpoint listens on (default: every interface). */
  HOST: optionalString,
  /** Where 👍/👎 votes on answers are appended (JSONL); without it answers have no vote buttons. */
  FEEDBACK_FILE: optionalString,
  /** Per-user rate limit, questions/seconds (default 5/10), or off. */
  /** Where the answers' facts live: `embedded` (the default: in memory, nothing to set up) or `postgres` (DATABASE_URL). */
  STORE: optionalString.transform((s) => s ?? "embedded").pipe(z.enum(["embedded", "postgres"], { message: "STORE must be embedded or postgres" })),
  /** postgres://user:password@host/db (or a socket path in `host=`), for STORE=postgres. */
  DATABASE_URL: optionalString,
  COOLDOWN: optionalString
    .refine((s) => s === undefined || s === "off" || /^[1-9]\d{0,4}\/[1-9]\d{0,4}$/.test(s), {
      message: "COOLDOWN must be questions/seconds (e.g. 5/10) or off",
    })
    .transform((s) => (s === undefined ? undefined : s === "off" ? null : { limit: Number(s.split("/")[0]), windowMs: Number(s.split("/")[1]) * 1000 })),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export type Mode = "gateway" | "http";

/** MODE as `npm start` reads it; anything else is a ConfigError in the usual one-line form. */
export function modeOf(config: Config): Mode {
  if (config.MODE === undefined || config.MODE === "gateway" || config.MODE === "http") return config.MODE ?? "gateway";
  throw new ConfigError("MODE: MODE must be gateway or http");
}

/**
 * What a mode needs beyond the schema, checked with it (before any indexing), in the same one-line
 * form: the HTTP endpoint cannot verify a single request without the application's public key.
 */
export function checkMode(config: Config, mode: Mode): void {
  if (mode === "http" && !config.DISCORD_PUBLIC_KEY) {
    throw new ConfigError(
      "DISCORD_PUBLIC_KEY: MODE=http needs DISCORD_PUBLIC_KEY: copy the Public Key from your application's General Information page in the Developer Portal into .env",
    );
  }
}

/** Reads .env (if any) then validates process.env. Throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): Config {
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  registerSecret(env.DISCORD_TOKEN);
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`).join("\n"));
  }
  registerSecret(parsed.data.DISCORD_TOKEN);
  registerSecret(databasePassword(parsed.data.DATABASE_URL));
  if (parsed.data.STORE === "postgres" && !parsed.data.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL: STORE=postgres needs DATABASE_URL (e.g. postgres://bot:secret@localhost:5432/evidence)");
  }
  return parsed.data;
}

/** The password in a database URL, so the log never shows it. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * For command-line entry points (ask, start, deploy-commands): runs `read` (loadConfig and what
 * derives from it); a configuration problem is printed as one line and null returned, so the
 * caller exits with 1 and no stack trace.
 */
export function configOrReport<T = Config>(read: () => T = loadConfig as () => T, write: (line: string) => void = (l) => process.stderr.write(l)): T | null {
  try {
    return read();
  } catch (e) {
    if (e instanceof ConfigError) {
      write(`configuration error: ${e.message}\n`);
      return null;
    }
    throw e;
  }
}
