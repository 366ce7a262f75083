// Whether a cue word is read in its stance sense where it stands. Some words are cues only as verbs
// ("to back the plan", not "back doors"); some nouns also name a side in politics ("the opposition",
// "opposition leader"), and are a stance only with what they are against or whose they are.
import { nounChunkBefore } from "./actors.js";
import type { CueMatch } from "./cue-matcher.js";
import { adjacentSubject, type Ctx } from "./stance-holders.js";

// Words that are cues only as verbs: "refused to back the plan", "will support it", "the minister
// backs it", "the union, which backs it" — not "back doors", "with the support of", "a sign of", "a bomb blast".
const VERB_ONLY = new Set(["back", "support", "sign", "favor", "favour", "champion", "combat", "blast", "protest", "blame", "alarm", "worry"]);
const VERB_CONTEXT =
  /\b(?:to|will|would|not|n't|never|no\s+longer|also|did|does|do|could|can|may|might|must|should|and|shall|strongly|fully|firmly|openly|publicly|who|which)\s+$|n't\s+$/i;

// A possessive right before a noun ("its support", "Acme's support", "their continued support") ...
const OWNED_BEFORE = /(?:\p{L}[’']s?|\b(?:its|their|his|her|our))\s+(?:(?:continued|strong|full|open|unwavering|firm|public|tacit)\s+)?$/iu;
// ... and what it is for right after it.
const OWNED_FOR_AFTER = /^\s+(?:for|of)\s/i;

/**
 * A verb of gaining before a noun of support and "of" after it: "won the backing of", "has the
 * support of", "secured the endorsement of" — the one after "of" gives it to the subject.
 */
export const GAINED_BEFORE =
  /\b(?:won|wins?|winning|has|have|had|enjoy(?:s|ed|ing)?|gain(?:s|ed|ing)?|secur(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|got|gets?|earn(?:s|ed|ing)?|retain(?:s|ed)?|keeps?|kept)\s+(?:the\s+)?(?:(?:full|strong|unanimous|formal|tacit|public|broad|crucial|key|official)\s+)?$/i;
export const GAINED_OF_AFTER = /^\s+of\s+/i;

// Verb-only cues that are also attitude nouns a verb can voice.
const VOICED_NOUNS = new Set(["support", "protest", "alarm", "worry"]);

// "Back away from", "back down", "back off", "back out": retreating, not backing anything.
// "Thanks to the rain": because of it, not thanking anyone.
const BACK_AWAY = /^\s+(?:away|down|off|out)\b/i;

/** A cue that is one only as a verb ("back", "sign") must stand where a verb does. */
export function verbalEnough(ctx: Ctx, sentence: string, m: CueMatch<unknown>): boolean {
  if (m.phrase === "thank" && /^thanks\s+to\b/i.test(sentence.slice(m.start))) return false;
  if (!VERB_ONLY.has(m.phrase)) return true;
  if (m.phrase === "back" && BACK_AWAY.test(sentence.slice(m.end))) return false;
  const surface = sentence.slice(m.start, m.end).split(/\s/)[0]!;
  if (!m.baseForm && !/s$/i.test(surface)) return true; // "backed", "signing"
  const cueStart = ctx.sentence.start + m.start;
  // A noun voiced by a verb: "voiced support for", "registered a protest against" (not "showed signs of").
  if (VOICED_NOUNS.has(m.phrase) && lightVerbBefore(ctx, cueStart) >= 0) return true;
  // "has the support of Acme": the noun with the one who gives it.
  if (m.phrase === "support" && GAINED_BEFORE.test(sentence.slice(Math.max(0, m.start - 40), m.start)) && GAINED_OF_AFTER.test(sentence.slice(m.end)))
    return true;
  // A noun whose holder a possessive names, with what it is for: "its support for", "Acme's backing of".
  if (m.phrase === "support" && OWNED_BEFORE.test(sentence.slice(Math.max(0, m.start - 40), m.start)) && OWNED_FOR_AFTER.test(sentence.slice(m.end)))
    return true;
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

// Nouns that state an attitude only as the object of a verb that voices it: "showed
// understanding for the plan", "voiced concern over the levy" — not "an understanding between
// the two", "a concern of the ministry", "the regret he felt".
const LIGHT_ONLY = new Set([
  "appreciation",
  "gratitude",
  "solidarity",
  "sympathy",
  "understanding",
  "concern",
  "disapproval",
  "dissatisfaction",
  "displeasure",
  "doubt",
  "indignation",
  "misgiving",
  "objection",
  "regret",
  "reservation",
  "scepticism",
  "skepticism",
]);
// A verb that voices the attitude its object names, with the object's determiners and degree
// words between: "expressed its deep concern", "voiced strong support", "raised serious doubts".
const LIGHT_VERB_BEFORE =
  /\b(?:(?:express|voice|show|declare|reiterate|restate|repeat|signal|register|convey|extend|pledge|offer|lend|raise)(?:es|ed|d|s|ing)?|shown|lent)\s+(?:(?:its|their|his|her|our|my|a|an|some|full|strong|deep|firm|grave|serious|great|growing|broad|cautious|total|unreserved|renewed|continued|general|sharp|strongest|deepest|once\s+again|again|also|publicly|openly)\s+){0,3}$/i;

/** Where the verb that voices a noun cue starts ("expressed strong support"), or -1 when none does. */
export function lightVerbBefore(ctx: Ctx, cueStart: number): number {
  const from = Math.max(ctx.sentence.start, cueStart - 70);
  const m = LIGHT_VERB_BEFORE.exec(ctx.text.slice(from, cueStart));
  return m ? from + m.index : -1;
}

/** An attitude noun that is a cue only where a verb voices it. */
export function voicedEnough(ctx: Ctx, sentence: string, m: CueMatch<unknown>): boolean {
  if (!LIGHT_ONLY.has(m.phrase)) return true;
  const surface = sentence.slice(m.start, m.end);
  // "concerned", "doubting": other words than the noun.
  if (/(?:ed|ing)$/i.test(surface) && !/^understanding$/i.test(surface)) return false;
  return lightVerbBefore(ctx, ctx.sentence.start + m.start) >= 0;
}

// A feeling verb in -ing is an adjective unless it acts on someone: "a worrying trend", "so
// alarming that", "more disturbing" — not "the levy is worrying the growers".
const FELT_OBJECT_AFTER = /^\s+(?:the|many|some|its|their|our|his|her|local|foreign|\p{Lu})/u;

/** A feeling cue ("angered", "worries") is one where it acts on someone, not as an adjective in -ing. */
export function feltEnough(sentence: string, m: CueMatch<{ experiencer: boolean }>): boolean {
  if (!m.value.experiencer || !/ing$/i.test(sentence.slice(m.start, m.end))) return true;
  return FELT_OBJECT_AFTER.test(sentence.slice(m.end));
}
