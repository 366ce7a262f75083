// Placeholder: the Discord client lands with the bot.
import type { EngineHolder } from "../answer/holder.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";

export async function startBot(opts: { config: Config; holder: EngineHolder; log: Logger }): Promise<number> {
  opts.log.error("the Discord bot is not built yet");
  return 1;
}
