// Whether a speaker someone names is the speaker the text gives: the same actor (aliases, a
// surname, a longer name of the same organization), or someone speaking for them (the name is in
// the speaker's role: "Huawei" ↔ "Huawei's chief representative").
import { actorKey, normalizeActor } from "../extract/actors.js";
import { foldTerm } from "../text/normalize.js";

export type SpeakerFit = "same" | "on-behalf" | "none";

const GENERIC = /^(the|a|an|of|and|for|to|in|at|on|mr|mrs|ms|dr|prof|sir|dame|s)$/;

function words(s: string): string[] {
  return foldTerm(normalizeActor(s))
    .replace(/'s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !GENERIC.test(w));
}

/** A matcher for one named speaker, to test many quotations' speakers with. */
export function speakerMatcher(named: string): (speaker: string | null, role: string | null) => SpeakerFit {
  const key = actorKey(named).key;
  const nw = words(named);
  return (speaker, role) => {
    if (!speaker || nw.length === 0) return "none";
    if (actorKey(speaker).key === key) return "same";
    const sw = words(speaker);
    if (sw.length === 0) return "none";
    // One name ends the other ("Liu" ↔ "Abraham Liu"), or names the organization it starts ("Huawei" ↔ "Huawei Technologies").
    const [short, long] = nw.length <= sw.length ? [nw, sw] : [sw, nw];
    if (short.every((w, i) => w === long[long.length - short.length + i])) return "same";
    if (nw.length < sw.length && nw.every((w, i) => w === sw[i]) && !/^(officials?|government|spokesm[ae]n|diplomats?)$/.test(sw[nw.length]!)) return "same";
    if (role) {
      const rw = new Set(words(role));
      if (nw.every((w) => rw.has(w))) return "on-behalf";
    }
    return "none";
  };
}

/** The same list from a store's (speaker, role) counts: one entry per speaker (case aside), most quoted first. */
export function speakersByMentions(pairs: ReadonlyArray<{ speaker: string; count: number }>): Array<{ name: string; mentions: number }> {
  const byName = new Map<string, { name: string; mentions: number }>();
  for (const p of pairs) {
    const k = p.speaker.toLowerCase();
    const known = byName.get(k);
    if (known) known.mentions += p.count;
    else byName.set(k, { name: p.speaker, mentions: p.count });
  }
  return [...byName.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
