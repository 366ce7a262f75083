// Names for /stance autocomplete: the index's actors and quotation speakers, with how often each
// appears. Computed once per engine (the list only changes on reindex).
import type { Engine } from "../runtime/engine.js";

export interface ActorName {
  name: string;
  mentions: number;
}

const cache = new WeakMap<Engine, ActorName[]>();

export function actorNames(engine: Engine): ActorName[] {
  let names = cache.get(engine);
  if (names) return names;
  const byKey = new Map<string, ActorName>();
  for (const a of engine.corpus.actors.values()) add(byKey, a.name, a.mentions);
  // Speakers the actor map does not know yet still deserve a place in the list.
  for (const q of engine.corpus.quotes) if (q.speaker && !byKey.has(key(q.speaker))) add(byKey, q.speaker, 1);
  names = [...byKey.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  cache.set(engine, names);
  return names;
}

function key(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLowerCase();
}

function add(byKey: Map<string, ActorName>, name: string, mentions: number): void {
  const k = key(name);
  if (!k) return;
  const known = byKey.get(k);
  if (known) known.mentions += mentions;
  else byKey.set(k, { name: name.replace(/\s+/g, " ").trim(), mentions });
}
