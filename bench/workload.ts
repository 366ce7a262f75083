// The query mix for latency: per command, words straight from the corpus (the answer key's
// questions), the same with typos, and words the corpus does not have — the three cases an index
// handles differently (exact hits, fuzzy fallback, nothing found).
import type { Question } from "../src/answer/question.js";
import type { AnswerKey } from "./key.js";
import { Rng } from "./prng.js";

export type Command = "who-said" | "when" | "stance" | "search";
export const COMMANDS: readonly Command[] = ["who-said", "when", "stance", "search"];
export type Variant = "exact" | "typo" | "absent";

export interface Query {
  command: Command;
  variant: Variant;
  input: Question;
  /** The words as a bare MiniSearch query would get them. */
  text: string;
}

const MIX = { exact: 60, typo: 25, absent: 15 };
const NEIGHBOURS = "qwertyuiopasdfghjklzxcvbnm";

/** One plausible typing slip in a word: a swap, a dropped, doubled or wrong letter. */
export function typo(rng: Rng, word: string): string {
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const k = NEIGHBOURS.indexOf(word[i]!.toLowerCase());
      const c = k >= 0 ? NEIGHBOURS[(k + 1) % NEIGHBOURS.length]! : "e";
      return word.slice(0, i) + c + word.slice(i + 1);
    }
  }
}

/** The text with typos in one or two of its longer words. */
export function withTypos(rng: Rng, text: string): string {
  const words = text.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^\p{L}+$/u.test(w));
  if (long.length === 0) return text;
  for (const [w, i] of rng.sample(long, rng.int(1, Math.min(2, long.length)))) words[i] = typo(rng, w);
  return words.join(" ");
}

function absentText(rng: Rng, key: AnswerKey): string {
  return rng.sample(key.absentWords, rng.int(2, 3)).join(" ");
}

function forCommand(rng: Rng, key: AnswerKey, command: Command, variant: Variant, i: number): Query {
  const cycle = <T>(list: T[]): T => list[i % list.length]!;
  // A tiny corpus may have no key question of a kind: ask about absent words then.
  const empty =
    command === "stance"
      ? key.stance.length === 0
      : command === "who-said"
        ? key.whoSaid.length === 0
        : command === "when"
          ? key.when.length === 0
          : key.searchPhrases.length === 0;
  if (empty) {
    const text = absentText(rng, key);
    return { command, variant: "absent", input: command === "stance" ? { command, actor: text, topic: null } : { command, query: text }, text };
  }
  if (command === "stance") {
    const s = cycle(key.stance);
    const withTopic = rng.chance(0.8);
    let actor = s.actor;
    let topic: string | undefined = withTopic ? s.topic : undefined;
    if (variant === "typo") {
      if (topic && rng.chance(0.7)) topic = withTypos(rng, topic);
      else actor = withTypos(rng, actor);
    } else if (variant === "absent") {
      if (topic && rng.chance(0.5)) topic = absentText(rng, key);
      else actor = key.absentWords[i % key.absentWords.length]!.replace(/^\p{L}/u, (c) => c.toUpperCase());
    }
    return { command, variant, input: { command, actor, topic: topic ?? null }, text: topic ? `${actor} ${topic}` : actor };
  }
  const exact = command === "who-said" ? cycle(key.whoSaid).query : command === "when" ? cycle(key.when).query : cycle(key.searchPhrases);
  const text = variant === "exact" ? exact : variant === "typo" ? withTypos(rng, exact) : absentText(rng, key);
  return { command, variant, input: { command, query: text }, text };
}

/** `total` queries, an equal share per command, shuffled so commands interleave as users' do. */
export function buildWorkload(key: AnswerKey, total: number, seed: string): Query[] {
  const rng = new Rng(`workload:${seed}`);
  const per = Math.max(1, Math.floor(total / COMMANDS.length));
  const out: Query[] = [];
  for (const command of COMMANDS) {
    for (let i = 0; i < per; i++) out.push(forCommand(rng, key, command, rng.weighted(MIX), i));
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
