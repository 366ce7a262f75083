// The bot (`npm start`'s entry) logged in to a fresh Discord stand-in: the set-up of every test that
// talks to the running bot the way Discord would.
import { runTs, type ChildRun } from "./bot-process.js";
import { DiscordStandIn, type StandInOptions } from "./discord-standin.js";

/** The token the stand-in accepts; tests check that no part of it reaches a log. */
export const STANDIN_TOKEN = "fake-token.for-the-stand-in.never-real";

export interface StandInBot {
  standIn: DiscordStandIn;
  bot: ChildRun;
  /** Kills the bot and stops the stand-in. */
  stop(): Promise<void>;
}

/** Starts a stand-in and the bot against it with `env` (KNOWLEDGE_DIR, …), and waits until it has logged in. */
export async function startStandInBot(
  env: Record<string, string | undefined>,
  opts: { standIn?: StandInOptions; loginTimeoutMs?: number } = {},
): Promise<StandInBot> {
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500, token: STANDIN_TOKEN, ...opts.standIn });
  const bot = runTs("src/main.ts", { DISCORD_TOKEN: STANDIN_TOKEN, DISCORD_API_BASE: standIn.apiBase, LOG_LEVEL: "info", ...env });
  const stop = async (): Promise<void> => {
    bot.kill("SIGKILL");
    await bot.exited;
    await standIn.stop();
  };
  try {
    await bot.waitForStderr(/Logged in as .*/, opts.loginTimeoutMs ?? 20_000);
  } catch (e) {
    // A bot that never logs in is not left running.
    await stop();
    throw e;
  }
  return { standIn, bot, stop };
}
