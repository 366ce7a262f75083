// `npm run deploy-commands`: registers every slash command with one bulk overwrite (PUT), which is
// idempotent: running it again updates the commands in place. With DISCORD_GUILD_ID the commands
// go to that server and show up at once; without it they are global (Discord may take a while).
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { configOrReport } from "../config.js";
import { describeStartupError, scrub } from "./errors.js";
import { commandPayload } from "./registry.js";

export { commandPayload };

export interface DeployOptions {
  token: string;
  clientId: string;
  guildId?: string;
  apiBase?: string;
}

export interface DeployResult {
  scope: "guild" | "global";
  names: string[];
}

export async function deployCommands(o: DeployOptions): Promise<DeployResult> {
  const rest = new REST(o.apiBase ? { api: o.apiBase } : {}).setToken(o.token);
  const route = o.guildId ? Routes.applicationGuildCommands(o.clientId, o.guildId) : Routes.applicationCommands(o.clientId);
  const saved = (await rest.put(route, { body: commandPayload() })) as Array<{ name: string }>;
  return { scope: o.guildId ? "guild" : "global", names: saved.map((c) => c.name) };
}

/** One sentence for each way a deploy fails. */
export function describeDeployError(error: unknown, o: DeployOptions): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return describeStartupError(error, o.apiBase ?? "");
    if (error.status === 403 || error.status === 404) {
      return o.guildId
        ? `Discord refused access to server ${o.guildId} for application ${o.clientId}: check DISCORD_CLIENT_ID (the application id on the Developer Portal) and that the bot was invited to that server with the applications.commands scope.`
        : `Discord refused access to application ${o.clientId}: check that DISCORD_CLIENT_ID is the application id of this bot's token.`;
    }
    if (error.code === 50035) return scrub(`Discord rejected the command definitions: ${JSON.stringify(error.rawError).slice(0, 500)}`);
  }
  return describeStartupError(error, o.apiBase ?? "https://discord.com/api");
}

async function main(): Promise<number> {
  const config = configOrReport();
  if (!config) return 1;
  const missing = [!config.DISCORD_TOKEN && "DISCORD_TOKEN (the bot token)", !config.DISCORD_CLIENT_ID && "DISCORD_CLIENT_ID (the application id)"].filter(
    Boolean,
  );
  if (missing.length || !config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    process.stderr.write(
      `error: deploy-commands needs ${missing.join(" and ")}: copy ${missing.length > 1 ? "them" : "it"} from the Developer Portal into .env.\n`,
    );
    return 1;
  }
  const opts: DeployOptions = {
    token: config.DISCORD_TOKEN,
    clientId: config.DISCORD_CLIENT_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiBase: config.DISCORD_API_BASE,
  };
  try {
    const { scope, names } = await deployCommands(opts);
    const where = scope === "guild" ? `in server ${opts.guildId} (available now)` : "globally (new commands can take up to an hour to appear everywhere)";
    process.stdout.write(
      `Registered ${names.length} commands ${where}: ${names.map((n) => (/\s|\p{Lu}/u.test(n) ? `"${n}" (message menu)` : `/${n}`)).join(", ")}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${scrub(describeDeployError(error, opts))}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${scrub(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
