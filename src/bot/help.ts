// The help shown by /help and to DMs or mentions that ask for it: the shared text plus what only
// Discord has.
import { HELP_TEXT } from "../help.js";
import { renderHelp, type DiscordMessage } from "../render/discord.js";

const DISCORD_EXTRA = [
  "",
  "`/reindex` — reload the knowledge folder (members with Manage Server)",
  "`/add` — add a PDF, Word or text document; `/remove` — delete one added that way (members with Manage Server)",
  "Add `private: True` to a command to see the answer alone. In a DM, or when you @mention me, just ask in plain words.",
];

export function discordHelp(): DiscordMessage {
  return renderHelp(HELP_TEXT, DISCORD_EXTRA);
}
