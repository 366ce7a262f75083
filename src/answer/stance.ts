// stance: what the documents show an actor supporting or opposing, overall and with evidence.
// Facts were extracted at index time; here they are filtered by actor and topic and weighed.
import { evaluate, evaluationPolarity } from "../extract/evaluation.js";
import { EVALUATION, topicAction } from "../extract/stance.js";
import { stem } from "../text/tokenize.js";
import type { Polarity, StanceFact } from "../types.js";
import { actorKeysFor } from "./actor-match.js";
import { cite } from "./citation.js";
import { type AnswerContext, checkCorrected, limitOf } from "./context.js";
import { hitsOf, layeredCoverage, makeQuery, match, type Query } from "./match.js";
import type { StanceAnswer, StanceResult } from "./types.js";
import { spanText } from "../store/topic-words.js";
import type { StanceVote, TopicStance, TopicWords } from "../store/types.js";
import { checkQuery } from "./validate.js";
import { round } from "./who-said.js";

/** Share of the topic's words a piece of evidence must contain to be about the topic. */
export const TOPIC_MIN_COVERAGE = 0.5;

/** What a topic word found only in the document's title counts (the lightest layer; every other is in the passage). */
const TITLE_LAYER = 0.3;

/**
 * The words a fact's passage must hold for it to reach TOPIC_MIN_COVERAGE: k of the n terms found
 * in the passage (at most 1 each) and the rest at best in the title give (k + (n − k) · TITLE_LAYER) / n,
 * so k must be at least n · (TOPIC_MIN_COVERAGE − TITLE_LAYER) / (1 − TITLE_LAYER); evaluative
 * words are weighed on their own words only, k / n at most, so k ≥ n · TOPIC_MIN_COVERAGE. Rounded
 * down a hair before rounding up, so a float a hair over a whole number never asks one word too many.
 */
export function topicWords(q: Query): TopicWords {
  const n = q.terms.length;
  const atLeast = (x: number): number => Math.max(0, Math.ceil(x - 1e-9));
  return {
    terms: q.terms,
    min: atLeast((n * (TOPIC_MIN_COVERAGE - TITLE_LAYER)) / (1 - TITLE_LAYER)),
    minEvaluation: atLeast(n * TOPIC_MIN_COVERAGE),
  };
}

export async function answerStance(ctx: AnswerContext, actorInput: unknown, topicInput?: unknown, limit = limitOf(ctx)): Promise<StanceAnswer> {
  const actorCheck = checkQuery(actorInput, "actor");
  const topicText = typeof topicInput === "string" && topicInput.trim() ? topicInput : null;
  const base = { command: "stance" as const, actor: typeof actorInput === "string" ? actorInput.trim() : "", topic: topicText, polarity: null, results: [] };
  if (!actorCheck.ok) return { ...base, message: actorCheck.message };
  let topicQuery = null;
  if (topicText !== null) {
    const t = await checkCorrected(ctx, topicText, "topic");
    if (!t.ok) return { ...base, message: t.message };
    topicQuery = t.query;
  }
  const actor = actorCheck.text;
  const keys = await actorKeysFor(ctx.facts, actor);
  const topicCue = topicText ? topicAction(topicText) : undefined;
  // With a topic, only the facts whose passage holds enough of its words: the others cannot reach
  // TOPIC_MIN_COVERAGE, and reading and scoring every fact of a frequent actor was the slow part.
  // Each comes with what weighing it reads (its sentence and clause, what its passage and title
  // hold of the topic's words), so no passage is read until the results are chosen. Without a
  // topic, a fact's weight and polarity are all that is weighed: its text is read once chosen.
  const evidence = topicQuery
    ? weighAbout(await ctx.facts.stancesAbout(keys, topicWords(topicQuery)), topicQuery, topicCue)
    : weighAll(await ctx.facts.stanceVotes(keys));
  if (evidence === null) {
    if (topicQuery) {
      const head = await firstStances(ctx, keys);
      if (head.length > 0) return noneAbout(base, actor, topicText, head);
    }
    const known = (await similarActors(ctx, actor)).filter((n) => n.toLowerCase() !== actor.toLowerCase());
    const quoted = (await ctx.facts.actors([actor.toLowerCase()])).size > 0;
    const message = quoted
      ? `"${actor}" is quoted in the documents, but none of it says what they support or oppose.`
      : `The documents show no stance for "${actor}".`;
    return { ...base, actor, message, ...(known.length ? { suggestions: known } : {}) };
  }
  if (evidence.length === 0) return noneAbout(base, actor, topicText, await firstStances(ctx, keys));
  const overall = aggregate(statedFirst(wholeTopicFirst(evidence)));
  const chosen = diversify(evidence).slice(0, limit);
  const facts = await factsOf(ctx, chosen);
  const at = new Map((await ctx.facts.passageTexts([...new Set(chosen.map((e) => e.passageId))])).map((x) => [x.passage.id, x]));
  const results = chosen
    // A passage or fact gone meanwhile (the index was replaced between the reads) is left out.
    .flatMap((e, k) => {
      const f = facts[k];
      const here = at.get(e.passageId);
      return f && here ? [{ e, f, here }] : [];
    })
    .map(({ e: { polarity, weight }, f, here: { passage: p, document: doc } }): StanceResult => {
      const { citation, excerptOffset } = cite(doc, p, f.sentence.start, f.sentence.end, ctx.options);
      return {
        actor: f.actorText,
        polarity,
        cue: f.cue,
        target: aboutOf(f, polarity, topicText, topicCue),
        score: round(weight),
        source: citation,
        title: doc.title,
        docDate: doc.date,
        highlight: [[f.cueStart - excerptOffset, f.cueEnd - excerptOffset]],
      };
    });
  return { ...base, actor, polarity: overall, results };
}

/** A piece of evidence: a fact (or its number, StanceVote.ord, until it is chosen) as weighed. */
interface Evidence {
  fact: StanceFact | number;
  passageId: number;
  docId: number;
  evaluation: boolean;
  polarity: Polarity;
  weight: number;
  /** How much of the topic it is about (1 without a topic). */
  relevance: number;
}

/** The facts of the evidence, in its order: those given whole, and the others read by number (undefined when gone meanwhile). */
async function factsOf(ctx: AnswerContext, evidence: readonly Evidence[]): Promise<Array<StanceFact | undefined>> {
  const ords = evidence.flatMap((e) => (typeof e.fact === "number" ? [e.fact] : []));
  const read = ords.length ? await ctx.facts.stancesByOrd(ords) : new Map<number, StanceFact>();
  return evidence.map((e) => (typeof e.fact === "number" ? read.get(e.fact) : e.fact));
}

/** Each fact's evidence about the topic, weighed by how much of the topic it is about; null when there is no fact. */
function weighAbout(about: readonly TopicStance[], topicQuery: Query, topicCue: ReturnType<typeof topicAction>): Evidence[] | null {
  if (about.length === 0) return null;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const a of about) {
    const f = a.fact;
    const key = `${f.passageId}:${f.cueStart}`;
    if (seen.has(key)) continue;
    const clause = f.clause ? spanText(a, f.clause.start, f.clause.end) : "";
    let relevance: number;
    let polarity: Polarity;
    if (f.cueClass === EVALUATION) {
      // Evaluative words say what the actor thinks only of what they are about: the topic must be
      // in those words, and the topic's own words ("war", "crisis") are not the evaluation.
      // headShare is at most 1: a coverage already below the bar needs no look at the head.
      const coverage = layeredCoverage(topicQuery, [
        [f.target, 1],
        [clause, 1],
      ]);
      if (coverage < TOPIC_MIN_COVERAGE) continue;
      relevance = coverage * headShare(clause, topicQuery);
      if (relevance < TOPIC_MIN_COVERAGE) continue;
      const pol = evaluationAbout(clause, topicQuery);
      if (!pol) continue;
      polarity = pol;
    } else {
      // The cue's own clause counts fully; the rest of its sentence, its paragraph and the headline less.
      relevance = layeredCoverage(
        topicQuery,
        [
          [f.target, 1],
          [clause, 1],
          [spanText(a, f.sentence.start, f.sentence.end), f.clause ? 0.6 : 0.8],
        ],
        [
          [a.found.text, 0.5],
          [a.found.title, TITLE_LAYER],
        ],
      );
      if (relevance < TOPIC_MIN_COVERAGE) continue;
      polarity = towardTopic(f, topicCue);
    }
    seen.add(key);
    // Squared, so evidence clearly about the topic outweighs evidence that only touches it.
    evidence.push({
      fact: f,
      passageId: f.passageId,
      docId: a.docId,
      evaluation: f.cueClass === EVALUATION,
      polarity,
      weight: f.weight * relevance * relevance,
      relevance,
    });
  }
  return evidence;
}

/**
 * Each fact's evidence without a topic; null when there is no fact. Evaluative words say nothing
 * then (what they are about is unknown); every other fact counts whole.
 */
function weighAll(votes: readonly StanceVote[]): Evidence[] | null {
  if (votes.length === 0) return null;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const v of votes) {
    const key = `${v.passageId}:${v.cueStart}`;
    if (v.evaluation || seen.has(key)) continue;
    seen.add(key);
    evidence.push({ fact: v.ord, passageId: v.passageId, docId: v.docId, evaluation: false, polarity: plainPolarity(v), weight: v.weight, relevance: 1 });
  }
  return evidence;
}

// A noun and a preposition before the topic: the topic only qualifies what the words are about
// ("rules for X", "the debate about X", "a hunt for X").
const MODIFIER_BEFORE = /\p{Ll}{3,}\s+(?:about|on|over|for|of|regarding|around|into|against|with)\s+(?:(?:the|a|an|its|their|his|her)\s+)?$/u;

/**
 * For evaluative words: 1 when the topic is what they are about, 0.5 when it only sits in a
 * modifier of another noun (a cue's object is different: "warned that an embrace of X …" is about X).
 */
function headShare(text: string, q: Query): number {
  const hits = hitsOf(q, text);
  if (hits.length === 0) return 1;
  return MODIFIER_BEFORE.test(text.slice(Math.max(0, Math.min(...hits) - 40), Math.min(...hits))) ? 0.5 : 1;
}

/**
 * What the evidence is for or against, in words that read right after "for:" / "against:": the
 * topic when the polarity was turned toward an action it names ("for: banning the vendor") or
 * comes from evaluative words about it; the action itself when a negated exclusion leaves it
 * neutral ("neutral on: banning the vendor"); else what the cue points at.
 */
function aboutOf(f: StanceFact, polarity: Polarity, topic: string | null, topicCue: ReturnType<typeof topicAction>): string {
  if (topic && (topicCue || f.cueClass === EVALUATION)) return topic;
  if (f.negated && polarity === "neutral") return `${f.cue} ${f.target}`.trim();
  return f.target;
}

/**
 * What evaluative words say about the topic: those of the innermost clause holding the topic's
 * words ("said there was strong evidence that the board had rigged the count": "rigged"), else
 * those of the whole. The topic's own words are not counted.
 */
function evaluationAbout(clause: string, q: Query): Polarity | null {
  const terms = new Set(q.terms);
  const skip = (w: string): boolean => terms.has(stem(w));
  const hits = hitsOf(q, clause);
  if (hits.length) {
    const first = Math.min(...hits);
    const last = Math.max(...hits);
    const bounds = [...clause.matchAll(/;|\s(?:that|but|while|whereas|although|though|because)\s/g)];
    const start = Math.max(0, ...bounds.filter((b) => b.index + b[0].length <= first).map((b) => b.index + b[0].length));
    const end = Math.min(clause.length, ...bounds.filter((b) => b.index >= last).map((b) => b.index));
    const inner = evaluationPolarity(evaluate(clause.slice(start, end), skip));
    if (inner) return inner;
  }
  return evaluationPolarity(evaluate(clause, skip));
}

/**
 * The stance toward the topic. When the topic names an action ("banning the vendor"), a cue of the
 * same kind is support for it (or opposition when negated), and other cues count inverted.
 */
function towardTopic(f: StanceFact, topicCue: ReturnType<typeof topicAction>): Polarity {
  const plain = plainPolarity(f);
  if (!topicCue) return plain;
  if (f.cueClass === topicCue.cls) return f.negated ? "oppose" : "support";
  if (topicCue.polarity === "oppose") return plain === "support" ? "oppose" : plain === "oppose" ? "support" : "neutral";
  return plain;
}

/** The fact's polarity with its negation: a negated support opposes, a negated opposition is neutral ("did not oppose"). */
function plainPolarity(f: Pick<StanceFact, "polarity" | "negated">): Polarity {
  return f.negated ? (f.polarity === "support" ? "oppose" : "neutral") : f.polarity;
}

function aggregate(evidence: Array<{ polarity: Polarity; weight: number }>): StanceAnswer["polarity"] {
  let support = 0;
  let oppose = 0;
  let neutral = 0;
  for (const e of evidence) {
    if (e.polarity === "support") support += e.weight;
    else if (e.polarity === "oppose") oppose += e.weight;
    else neutral += e.weight;
  }
  if (support + oppose === 0) return neutral > 0 ? "neutral" : null;
  // Mostly "stopped short of", "no plans to": neutral, even with a passing cue the other way.
  if (neutral >= 2 * (support + oppose)) return "neutral";
  if (support >= 2 * oppose) return "support";
  if (oppose >= 2 * support) return "oppose";
  return "mixed";
}

/** A hair under 1: a topic's every word found where the stance is. */
const WHOLE_TOPIC = 0.999;

/**
 * The evidence the overall stance is weighed on, first: where some of it holds every word of the
 * topic in the stance's own words, that evidence alone ("ignored the trade convention" is not
 * about "trade issues" in general, nor "backs trade issues" about the convention).
 */
function wholeTopicFirst(evidence: Evidence[]): Evidence[] {
  const whole = evidence.filter((e) => e.relevance >= WHOLE_TOPIC);
  return whole.length ? whole : evidence;
}

/**
 * The evidence the overall stance is weighed on: in a document where the actor states a stance on
 * the topic with a cue ("backs", "rejects"), that statement speaks for the document, and the
 * evaluative words around it (which often judge the state of things, not the topic) are left out.
 */
function statedFirst(evidence: Evidence[]): Evidence[] {
  const stated = new Set(evidence.filter((e) => !e.evaluation).map((e) => e.docId));
  return evidence.filter((e) => !e.evaluation || !stated.has(e.docId));
}

/** Strongest first, but the best piece of each document before a second one from any. */
function diversify(items: Evidence[]): Evidence[] {
  const sorted = [...items].sort((a, b) => b.weight - a.weight);
  const firsts: Evidence[] = [];
  const rest: Evidence[] = [];
  const docs = new Set<number>();
  for (const e of sorted) {
    (docs.has(e.docId) ? rest : firsts).push(e);
    docs.add(e.docId);
  }
  return [...firsts, ...rest];
}

async function similarActors(ctx: AnswerContext, actor: string): Promise<string[]> {
  const q = makeQuery(actor);
  const keys = await ctx.facts.actorsSharingWord(actor);
  const known = await ctx.facts.actors(keys);
  return keys
    .map((key) => known.get(key))
    .filter((a): a is NonNullable<typeof a> => !!a && match(q, a.name).coverage >= 0.5)
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, 5)
    .map((a) => a.name);
}

/** Enough of the actor's first facts for topicsOf to give what it gives on all of them. */
async function firstStances(ctx: AnswerContext, keys: readonly string[]): Promise<StanceFact[]> {
  const head = await ctx.facts.stancesByActors(keys, HEAD);
  return head.length < HEAD || topicsOf(head).length >= TOPICS_SHOWN ? head : ctx.facts.stancesByActors(keys);
}

const HEAD = 64;
const TOPICS_SHOWN = 3;

function noneAbout<B extends object>(
  base: B,
  actor: string,
  topic: string | null,
  facts: StanceFact[],
): B & { actor: string; message: string; suggestions: string[] } {
  // Without a topic, only evaluative words were found: they say what the actor thinks of something, not which side they take.
  const message =
    topic === null
      ? `The documents show "${actor}" judging things, but no side they take: ask about a topic.`
      : `The documents show stances for "${actor}", but none about "${topic}".`;
  return { ...base, actor, message, suggestions: topicsOf(facts) };
}

function topicsOf(facts: StanceFact[]): string[] {
  return [...new Set(facts.map((f) => f.target.split(/\s+/).slice(0, 6).join(" ")).filter(Boolean))].slice(0, TOPICS_SHOWN);
}
