// `MODE=http npm start` / `npm run serve:http`: answers Discord interactions posted to an HTTP
// endpoint instead of holding a gateway connection. Same handlers and renderers as the gateway
// bot; no DMs or @mentions (those only arrive over the gateway). Runs until SIGINT/SIGTERM, then
// stops accepting requests, finishes deferred answers, and exits 0.
import type { AddressInfo } from "node:net";
import { REST } from "discord.js";
import { Answers } from "../bot/answers.js";
import { DEFAULT_API_BASE } from "../bot/client.js";
import type { BotContext } from "../bot/command.js";
import { cooldownFor } from "../bot/cooldown.js";
import { uploadSettings } from "../bot/uploads.js";
import type { EngineSource } from "../bot/engine-source.js";
import { commandMap } from "../bot/registry.js";
import { installStatsHook } from "../bot/stats.js";
import { ConfigError, type Config } from "../config.js";
import type { Logger } from "../log.js";
import { createEndpoint } from "./endpoint.js";
import { createInteractionsServer } from "./server.js";
import { publicKeyFromHex } from "./verify.js";
import { FeedbackLog } from "../feedback/log.js";

export const DEFAULT_PORT = 3000;
const DRAIN_TIMEOUT_MS = 10_000;

export interface ServeOptions {
  config: Config;
  holder: EngineSource;
  log: Logger;
}

export async function serveHttp({ config, holder, log }: ServeOptions): Promise<number> {
  // Checked with the rest of the configuration before indexing (checkMode); kept for other callers.
  if (!config.DISCORD_PUBLIC_KEY) throw new ConfigError("DISCORD_PUBLIC_KEY: MODE=http needs DISCORD_PUBLIC_KEY");
  // No query store: the next press of "More" may reach another copy behind the load balancer.
  const feedback = config.FEEDBACK_FILE ? new FeedbackLog(config.FEEDBACK_FILE) : null;
  const answers = new Answers(holder, { store: null, feedback: feedback !== null });
  const bot: BotContext = { holder, answers, cooldown: cooldownFor(config.COOLDOWN), log, feedback, uploads: uploadSettings(config.DISCORD_API_BASE) };
  // Follow-ups use the interaction's token, so this client needs no bot token.
  const rest = new REST({ api: config.DISCORD_API_BASE ?? DEFAULT_API_BASE });
  const endpoint = createInteractionsServer({
    publicKey: publicKeyFromHex(config.DISCORD_PUBLIC_KEY),
    answer: createEndpoint(bot, commandMap(), rest),
    health: async () => {
      const s = await holder.current.store.stats();
      return { documents: s.documents, passages: s.passages };
    },
    log,
  });
  const { server } = endpoint;

  const port = config.PORT === undefined ? DEFAULT_PORT : Number(config.PORT);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, config.HOST, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EADDRINUSE" ? "the port is in use" : code === "EACCES" ? "permission denied (ports below 1024 need privileges)" : (error as Error).message;
    process.stderr.write(`error: cannot listen on ${config.HOST ?? "port"}${config.HOST ? ":" : " "}${port}: ${why}. Set PORT (and HOST) in .env.\n`);
    return 1;
  }
  const uninstallStats = installStatsHook(log, () => ({ pendingDeferred: endpoint.pending, cooldownUsers: bot.cooldown.size, ...endpoint.refusals }));
  // Signal handlers go in before the "Serving" line: whoever waits for that line may stop us at once.
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      log.info(`${signal} received: no longer accepting interactions`);
      server.close();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
      endpoint.drain().finally(() => {
        clearTimeout(timer);
        server.closeAllConnections();
        uninstallStats();
        resolve(0);
      });
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  log.info(
    `Serving Discord interactions on http://${shown}:${address.port}/ (POST; GET /healthz), ${(await holder.current.store.stats()).documents} documents`,
  );
  return stopped;
}
