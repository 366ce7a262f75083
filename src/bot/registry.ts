// The command list. Imported statically (rather than read from the folder at run time) so the
// compiler checks every command file and the deploy payload is the same wherever it is built.
import type { RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import * as add from "../../commands/add.js";
import * as check from "../../commands/check.js";
import * as findSources from "../../commands/find-sources.js";
import * as help from "../../commands/help.js";
import * as reindex from "../../commands/reindex.js";
import * as remove from "../../commands/remove.js";
import * as said from "../../commands/said.js";
import * as search from "../../commands/search.js";
import * as sources from "../../commands/sources.js";
import * as stance from "../../commands/stance.js";
import * as timeline from "../../commands/timeline.js";
import * as when from "../../commands/when.js";
import * as whoSaid from "../../commands/who-said.js";
import * as whoSaidThis from "../../commands/who-said-this.js";
import type { BotCommand } from "./command.js";

export const COMMANDS: readonly BotCommand[] = [
  whoSaid,
  when,
  stance,
  search,
  sources,
  check,
  said,
  timeline,
  help,
  reindex,
  add,
  remove,
  whoSaidThis,
  findSources,
];

export function commandMap(): ReadonlyMap<string, BotCommand> {
  return new Map(COMMANDS.map((c) => [c.data.name, c]));
}

/** The body of the bulk overwrite (PUT) that registers every command. */
export function commandPayload(): RESTPutAPIApplicationCommandsJSONBody {
  return COMMANDS.map((c) => c.data.toJSON());
}
