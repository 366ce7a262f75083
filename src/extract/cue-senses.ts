// Whether a cue word is read in its stance sense where it stands. Some words are cues only as verbs
// ("to back the plan", not "back doors"); some nouns also name a side in politics ("the opposition",
// "opposition leader"), and are a stance only with what they are against or whose they are.
import { nounChunkBefore } from "./actors.js";
import type { CueMatch } from "./cue-matcher.js";
import { adjacentSubject, type Ctx } from "./stance-holders.js";

// Words that are cues only as verbs: "refused to back the plan", "will support it", "the minister
// backs it", "the union, which backs it" — not "back doors", "with the support of", "a sign of", "a bomb blast".
const VERB_ONLY = new Set(["back", "support", "sign", "favor", "favour", "champion", "combat", "blast", "protest"]);
const VERB_CONTEXT =
  /\b(?:to|will|would|not|n't|never|also|did|does|do|could|can|may|might|must|should|and|shall|strongly|fully|firmly|openly|publicly|who|which)\s+$|n't\s+$/i;

// "Back away from", "back down", "back off", "back out": retreating, not backing anything.
const BACK_AWAY = /^\s+(?:away|down|off|out)\b/i;

/** A cue that is one only as a verb ("back", "sign") must stand where a verb does. */
export function verbalEnough(ctx: Ctx, sentence: string, m: CueMatch<unknown>): boolean {
  if (!VERB_ONLY.has(m.phrase)) return true;
  if (m.phrase === "back" && BACK_AWAY.test(sentence.slice(m.end))) return false;
  const surface = sentence.slice(m.start, m.end).split(/\s/)[0]!;
  if (!m.baseForm && !/s$/i.test(surface)) return true; // "backed", "signing"
  const cueStart = ctx.sentence.start + m.start;
  return (
    VERB_CONTEXT.test(ctx.text.slice(Math.max(ctx.sentence.start, cueStart - 60), cueStart)) ||
    !!adjacentSubject(ctx, cueStart) ||
    !!nounChunkBefore(ctx.text, ctx.sentence.start, cueStart)
  );
}

// Nouns that also name the side out of power: "the opposition", "opposition leader", "opposition groups".
const CAMP_NOUNS = new Set(["opposition"]);
// What the stance is against, or whose it is: "opposition to the dam", "opposition from farmers"
// ("tracked the opposition by reading its leaflets": "by" with a gerund says how, not who).
const COMPLEMENT_AFTER = /^\s+(?:to|against|from|by(?!\s+\p{L}+ing\b)|toward|towards|over)\b/iu;
// A possessive before the noun ("the league's opposition", "their fierce opposition") ...
const POSSESSIVE_BEFORE = /(?:\p{L}[’']s?|\b(?:their|its|his|her|our|my|your))\s+(?:\p{Ll}+\s+)?$/u;
// ... with nothing after it that it would modify ("the league's opposition movement").
const NOTHING_MODIFIED = /^\s*(?:[,.;:!?)"”—–-]|$|(?:is|was|has|had|will|would|remains?|remained|grew|grows|could|can|may|might)\b)/i;

/** A noun that also names a political side is a stance only with its complement or its holder's possessive. */
export function stanceSense(sentence: string, m: CueMatch<unknown>): boolean {
  if (!CAMP_NOUNS.has(m.phrase)) return true;
  const after = sentence.slice(m.end);
  if (COMPLEMENT_AFTER.test(after)) return true;
  return POSSESSIVE_BEFORE.test(sentence.slice(Math.max(0, m.start - 40), m.start)) && NOTHING_MODIFIED.test(after);
}
