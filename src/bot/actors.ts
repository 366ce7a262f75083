// Choices for actor and speaker autocomplete: the store finds the names containing what was typed
// (case and accents ignored), the renderer ranks them (prefix first) and keeps Discord's 25.
import type { Engine } from "../runtime/engine.js";
import { actorNameCounts } from "../store/names.js";
import type { NamedCount } from "../store/types.js";
import { toChoices } from "../render/discord.js";
import type { EngineSource } from "./engine-source.js";
import type { Choice } from "./reply.js";

/** Names asked of the store before ranking: enough that a rarer name typed in full still shows. */
const CANDIDATES = 200;

export async function nameChoices(source: EngineSource, typed: string, opts: { speakersOnly?: boolean } = {}): Promise<Choice[]> {
  return toChoices(await source.current.store.namesLike(typed, { ...opts, max: CANDIDATES }), typed);
}

/** Every actor name of an embedded engine with its mentions (tests compare autocomplete against it). */
export function actorNames(engine: Engine): NamedCount[] {
  return actorNameCounts(engine.corpus);
}
