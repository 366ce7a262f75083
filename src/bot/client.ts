// The Discord bot: logs in, routes interactions and messages, and runs until SIGINT/SIGTERM (exit 0)
// or a failure it cannot recover from (one clear line on stderr, exit 1). No path logs the token.
import { Client, Events, GatewayIntentBits, Options, Partials, RESTEvents, Routes } from "discord.js";
import type { Config } from "../config.js";
import { registerSecret, type Logger } from "../log.js";
import { Answers } from "./answers.js";
import type { BotContext } from "./command.js";
import { cooldownFor } from "./cooldown.js";
import { uploadSettings } from "./uploads.js";
import type { EngineSource } from "./engine-source.js";
import { describeError, describeStartupError, errorStack, scrub } from "./errors.js";
import { createMessageHandler } from "./messages.js";
import { commandMap, commandPayload } from "./registry.js";
import { createInteractionHandler } from "./router.js";
import { installStatsHook, listenerTotal } from "./stats.js";
import { FeedbackLog } from "../feedback/log.js";
import { shardedClientOptions, shardOfGuild } from "../shard/strategy.js";
import type { ShardPlan } from "../shard/plan.js";

export const DEFAULT_API_BASE = "https://discord.com/api";
const LOGIN_TIMEOUT_MS = 60_000;

/**
 * Guilds (servers and their channels), and messages in servers and DMs. No privileged intent:
 * Discord still sends the content of DMs and of messages that @mention the bot.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export interface StartBotOptions {
  config: Config;
  holder: EngineSource;
  log: Logger;
  /** SHARDS: run these shards, their connections in worker threads (src/shard/); /sources then names the guild's shard. */
  sharding?: ShardPlan | null;
}

/** Gateway close codes after which discord.js gives up on a shard, and what they mean to an owner. */
const FATAL_CLOSES: Record<number, string> = {
  4004: "Discord closed the connection: the token is no longer valid (was it reset?). Put the new one in DISCORD_TOKEN.",
  4010: "Discord closed the connection: invalid shard.",
  4011: "Discord closed the connection: this bot is in too many servers to run without sharding.",
  4012: "Discord closed the connection: invalid gateway API version.",
  4013: "Discord closed the connection: invalid intents.",
  4014: "Discord closed the connection: disallowed intents.",
};

export function startBot({ config, holder, log, sharding = null }: StartBotOptions): Promise<number> {
  registerSecret(config.DISCORD_TOKEN);
  const apiBase = config.DISCORD_API_BASE ?? DEFAULT_API_BASE;
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel], // DM channels are not cached; without this DMs never arrive
    allowedMentions: { parse: [], repliedUser: false }, // quoted text must never ping anyone
    // The bot never looks at old messages: caching none keeps memory flat however many DMs and
    // button presses arrive (discord.js would keep 200 per channel). Users are swept hourly.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    sweepers: { ...Options.DefaultSweeperSettings, users: { interval: 3600, filter: () => (user) => user.id !== user.client.user.id } },
    // discord.js also finds the gateway through this base (GET /gateway/bot).
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
    ...(sharding ? shardedClientOptions(sharding) : {}),
  });
  const feedback = config.FEEDBACK_FILE ? new FeedbackLog(config.FEEDBACK_FILE) : null;
  const sourcesFooter = sharding ? (guildId: string | null) => `Answered by shard ${shardOfGuild(guildId, sharding.count)} (${sharding.count} shards)` : null;
  const answers = new Answers(holder, { sourcesFooter, feedback: feedback !== null });
  const bot: BotContext = { holder, answers, cooldown: cooldownFor(config.COOLDOWN), log, feedback, uploads: uploadSettings(config.DISCORD_API_BASE) };
  let stopping = false;
  const uninstallStats = installStatsHook(log, () => ({
    clientListeners: listenerTotal(client),
    restListeners: listenerTotal(client.rest),
    wsListeners: listenerTotal(client.ws),
    cooldownUsers: bot.cooldown.size,
    queryStore: answers.store?.size ?? 0,
    cachedUsers: client.users.cache.size,
    cachedChannels: client.channels.cache.size,
    cachedMessages: client.channels.cache.reduce((n, c) => n + ("messages" in c ? c.messages.cache.size : 0), 0),
    shards: client.ws.shards.size,
  }));

  client.on(Events.InteractionCreate, createInteractionHandler(bot, commandMap()));
  client.on(Events.MessageCreate, createMessageHandler(bot));
  client.once(Events.ClientReady, (ready) => {
    void holder.current.store.stats().then(
      (s) => log.info(`Logged in as ${ready.user.tag}, serving ${s.documents} documents`),
      (error: unknown) => log.warn(`Logged in as ${ready.user.tag}; the store did not answer: ${describeError(error)}`),
    );
    void checkRegistration(ready, config, log);
  });
  client.on(Events.Error, (error) => log.error(`discord.js: ${describeError(error)}`));
  client.on(Events.Warn, (message) => log.warn(`discord.js: ${scrub(message)}`));
  if (log.level === "debug") client.on(Events.Debug, (message) => log.debug(`discord.js: ${scrub(message)}`));
  client.on(Events.ShardError, (error, shard) => log.warn(`gateway shard ${shard}: ${describeError(error)}`));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) log.warn(`gateway shard ${shard} lost its connection; reconnecting`);
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info(`gateway shard ${shard} resumed (${replayed} events replayed)`));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn(`rate limited on ${scrub(info.route)}; retrying in ${info.retryAfter} ms`));

  return new Promise<number>((resolve) => {
    const stop = async (code: number, line?: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // A fatal reason is printed whatever LOG_LEVEL says: it is why the process ends.
      if (line) process.stderr.write(`error: ${scrub(line)}\n`);
      await client.destroy().catch((error: unknown) => log.debug(`destroy: ${describeError(error)}`));
      process.off("unhandledRejection", onRejection);
      uninstallStats();
      resolve(code);
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      log.info(`${signal} received: disconnecting from Discord`);
      void stop(0);
    };
    // A stray rejection (from a library or a handler) is logged; it must not end the bot.
    const onRejection = (reason: unknown): void => {
      log.error(`unhandled rejection: ${describeError(reason)}`);
      log.debug(errorStack(reason));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("unhandledRejection", onRejection);
    client.on(Events.ShardDisconnect, (event, shard) => {
      const reason = FATAL_CLOSES[event.code] ?? `Discord closed gateway shard ${shard} for good (code ${event.code}).`;
      void stop(1, reason);
    });

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the Discord gateway within ${LOGIN_TIMEOUT_MS / 1000} s`)), LOGIN_TIMEOUT_MS);
    });
    Promise.race([client.login(config.DISCORD_TOKEN), timeout])
      .catch((error: unknown) => {
        log.debug(`login: ${errorStack(error)}`);
        return stop(1, describeStartupError(error, apiBase));
      })
      .finally(() => clearTimeout(timer));
  });
}

/** Warns when the registered slash commands are missing or out of date (a common first-run slip). */
async function checkRegistration(client: Client<true>, config: Config, log: Logger): Promise<void> {
  try {
    const appId = client.application.id;
    if (config.DISCORD_CLIENT_ID && config.DISCORD_CLIENT_ID !== appId) {
      log.warn(
        `DISCORD_CLIENT_ID is ${config.DISCORD_CLIENT_ID} but the token belongs to application ${appId}: deploy-commands would register the commands elsewhere.`,
      );
    }
    const registered = new Set<string>();
    const routes = [Routes.applicationCommands(appId), ...(config.DISCORD_GUILD_ID ? [Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID)] : [])];
    for (const route of routes) for (const c of (await client.rest.get(route)) as Array<{ name: string }>) registered.add(c.name);
    const missing = commandPayload()
      .filter((c) => !registered.has(c.name))
      .map((c) => `/${c.name}`);
    if (missing.length === commandPayload().length)
      log.warn("No slash commands are registered yet: run `npm run deploy-commands` (DMs and @mentions work meanwhile).");
    else if (missing.length) log.warn(`Some slash commands are not registered (${missing.join(", ")}): run \`npm run deploy-commands\`.`);
  } catch (error) {
    log.debug(`could not check the registered commands: ${describeError(error)}`);
  }
}
