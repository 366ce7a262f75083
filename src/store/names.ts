// Names for autocomplete, from a corpus in memory: known actors and quoted speakers with how often
// each appears, matched without regard to case or accents ("zurich" finds "Zürich").
import type { Corpus } from "../types.js";
import type { NamedCount } from "./types.js";

/** Lower case without diacritics: the form names are compared in. */
export function foldName(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Known actors, then speakers the actor map does not hold, each once (by name, case ignored). */
export function actorNameCounts(corpus: Corpus): NamedCount[] {
  const byKey = new Map<string, NamedCount>();
  for (const a of corpus.actors.values()) add(byKey, a.name, a.mentions);
  // Speakers the actor map does not know yet still deserve a place in the list.
  for (const q of corpus.quotes) if (q.speaker && !byKey.has(key(q.speaker))) add(byKey, q.speaker, 1);
  return sortByMentions([...byKey.values()]);
}

/** Quoted speakers with their number of quotations (as written the first time). */
export function speakerCounts(corpus: Corpus): NamedCount[] {
  const byKey = new Map<string, NamedCount>();
  for (const q of corpus.quotes)
    if (q.speaker) {
      const known = byKey.get(q.speaker.toLowerCase());
      if (known) known.mentions++;
      else byKey.set(q.speaker.toLowerCase(), { name: q.speaker, mentions: 1 });
    }
  return sortByMentions([...byKey.values()]);
}

/** Those whose folded name contains the folded `typed`, most mentioned first, at most `max`. */
export function filterNames(names: readonly NamedCount[], typed: string, max: number): NamedCount[] {
  const q = foldName(typed);
  const out: NamedCount[] = [];
  for (const n of names) {
    if (out.length >= max) break;
    if (!q || foldName(n.name).includes(q)) out.push(n);
  }
  return out;
}

function sortByMentions(names: NamedCount[]): NamedCount[] {
  return names.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function key(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLowerCase();
}

function add(byKey: Map<string, NamedCount>, name: string, mentions: number): void {
  const k = key(name);
  if (!k) return;
  const known = byKey.get(k);
  if (known) known.mentions += mentions;
  else byKey.set(k, { name: name.replace(/\s+/g, " ").trim(), mentions });
}
