// Which actor keys a stance question about an actor reads: the same key, the same person by
// surname, a group by its head noun and modifiers, or a longer name of the same organization.
import { actorKey, normalizeActor } from "../extract/actors.js";
import type { FactStore } from "../store/types.js";

/** Same actor: same key, the same person by surname, a group by its head noun and modifiers, or a longer name of the same organization. */
export function actorMatcher(query: string): (actor: string) => boolean {
  const k = actorKey(query).key;
  const q = normalizeActor(query);
  const qParts = q.split(" ");
  return (actor) => {
    if (actor === k) return true;
    const fParts = actor.split(" ");
    // "King" ↔ "julian king", "De Luca" ↔ "ivan de luca": one name ends the other.
    const [short, long] = qParts.length <= fParts.length ? [qParts, fParts] : [fParts, qParts];
    if (short.length < long.length && short.every((w, i) => w === long[long.length - short.length + i])) return true;
    // A group by its head noun and some of its modifiers: "bus drivers" ↔ "local bus drivers".
    if (
      qParts.length >= 2 &&
      qParts.length < fParts.length &&
      qParts[qParts.length - 1] === fParts[fParts.length - 1] &&
      qParts.every((w) => fParts.includes(w))
    )
      return true;
    return actor.startsWith(`${q} `) && !/^(officials?|government)$/.test(actor.slice(q.length + 1));
  };
}

/**
 * Words one of which every key actorMatcher(query) accepts holds: the last word of the key, and
 * the last word of the name as normalized. Each of the matcher's ways ends on one of them: the
 * key itself; one name ending the other; a group sharing its head noun; a name beginning with the
 * whole of it.
 */
export function wordsEveryMatchHolds(query: string): string[] {
  const last = (s: string): string => s.split(" ").pop()!;
  return [...new Set([last(actorKey(query).key), last(normalizeActor(query))])];
}

/**
 * The actor keys of the facts a stance question about `actor` reads, in the store's order of the
 * words they share with the name (its key's display name's first, then the name's as asked). Only
 * keys holding a word every match holds are fetched: a name's other words ("of", a common first
 * name) are shared by thousands of keys.
 */
export async function actorKeysFor(facts: FactStore, actor: string): Promise<string[]> {
  const matches = actorMatcher(actor);
  const shared = await facts.actorsSharingWord(`${actorKey(actor).name} ${actor}`, wordsEveryMatchHolds(actor));
  return shared.filter((key) => matches(key));
}
