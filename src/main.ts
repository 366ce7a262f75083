// `npm start`: with DISCORD_TOKEN, the Discord bot; without it, the same answers at a terminal prompt.
import { EngineHolder } from "./answer/holder.js";
import { ConfigError, loadConfig } from "./config.js";
import { KnowledgeDirError } from "./knowledge/files.js";
import { createLogger } from "./log.js";
import { styleFor } from "./render/text.js";
import { startRepl } from "./repl.js";

async function run(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`configuration error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  let holder: EngineHolder;
  try {
    holder = new EngineHolder(config.KNOWLEDGE_DIR, { sourceBaseUrl: config.SOURCE_BASE_URL ?? null, onWarning: (w) => log.warn(w) });
  } catch (e) {
    if (e instanceof KnowledgeDirError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (!config.DISCORD_TOKEN) {
    log.info("No DISCORD_TOKEN set: answering here in the terminal (set it in .env to run the Discord bot).");
    await startRepl(holder, { style: styleFor(process.stdout) });
    return 0;
  }
  const { startBot } = await import("./bot/client.js");
  return startBot({ config, holder, log });
}

run().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
