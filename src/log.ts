// A small leveled logger to stderr (stdout is for answers). Secrets registered here are masked in
// every line, whatever path a message takes (errors from libraries can echo a token).
export type Level = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Registered secrets and their parts, longest first, so a whole token is masked as one before its parts are. */
let secrets: string[] = [];

/** Parts of a token this short are left alone: masking them would garble ordinary words. */
const MIN_PART = 5;

/**
 * Masks this value in all log output from now on, and each of its dot-separated parts on its own:
 * discord.js logs a "censored" token as its first two parts (the bot's user id in base64 and a
 * timestamp), which still identifies it.
 */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 6) return;
  const added = [value, ...value.split(".").filter((part) => part.length >= MIN_PART)];
  secrets = [...new Set([...secrets, ...added])].sort((a, b) => b.length - a.length);
}

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("[redacted]");
  // Discord bot tokens have a recognisable shape; mask any we were not told about too.
  return out.replace(/\b[MN][A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g, "[redacted]");
}

export interface Logger {
  level: Level;
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

export function createLogger(level: Level = "info", write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const log = (at: Level, msg: string, extra?: unknown): void => {
    if (ORDER[at] < ORDER[logger.level]) return;
    let line = `${at === "info" ? "" : `${at}: `}${msg}`;
    if (extra !== undefined) line += ` ${extra instanceof Error ? extra.message : typeof extra === "string" ? extra : JSON.stringify(extra)}`;
    write(redact(line));
  };
  const logger: Logger = {
    level,
    debug: (m, e) => log("debug", m, e),
    info: (m, e) => log("info", m, e),
    warn: (m, e) => log("warn", m, e),
    error: (m, e) => log("error", m, e),
  };
  return logger;
}
