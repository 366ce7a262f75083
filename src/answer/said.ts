// said: what a speaker said (the inverse of who-said): their quotations and reported statements,
// most relevant first. With a topic, only what touches it (in the quote, its sentence, or its
// paragraph), best covered first; without one, their own fuller direct quotations first.
import { foldTerm } from "../text/normalize.js";
import { tokenize } from "../text/tokenize.js";
import type { Quote } from "../types.js";
import type { Engine } from "./engine.js";
import { layeredCoverage } from "./match.js";
import { quoteResult } from "./quote-result.js";
import { quotedSpeakers, speakerMatcher, type SpeakerFit } from "./speaker-match.js";
import type { SaidAnswer } from "./types.js";
import { checkQuery } from "./validate.js";

/** Share of the topic's words a quotation (or its context) must have to be about the topic. */
export const SAID_TOPIC_MIN_COVERAGE = 0.5;
/** Coverage only the quotation's own text or paragraph can reach (the headline alone counts 0.5). */
const SAID_TOPIC_IN_TEXT = 0.6;

export function answerSaid(engine: Engine, speakerInput: unknown, topicInput?: unknown, limit = engine.limit): SaidAnswer {
  const topicGiven = typeof topicInput === "string" && topicInput.trim() !== "";
  const base = { command: "said" as const, speaker: typeof speakerInput === "string" ? speakerInput.trim() : "", topic: topicGiven ? (topicInput as string).trim() : null, results: [] };
  const who = checkQuery(speakerInput, "speaker");
  if (!who.ok) return { ...base, message: who.message };
  const topic = topicGiven ? checkQuery(topicInput, "topic") : null;
  if (topic && !topic.ok) return { ...base, message: topic.message };
  const speaker = who.text;

  const fits = speakerMatcher(speaker);
  const theirs: Array<{ quote: Quote & { speaker: string }; fit: SpeakerFit }> = [];
  for (const q of engine.corpus.quotes) {
    if (!q.speaker) continue;
    const fit = fits(q.speaker, q.role);
    if (fit !== "none") theirs.push({ quote: q as Quote & { speaker: string }, fit });
  }
  if (theirs.length === 0) {
    return { ...base, speaker, message: `The documents quote no one called "${speaker}".`, suggestions: similarSpeakers(engine, speaker) };
  }

  const scored = theirs.map(({ quote, fit }) => {
    // Their own words count before words said on their behalf; quotations before reported speech.
    const who = (fit === "same" ? 1 : 0.8) * (quote.direct ? 1 : 0.9);
    if (!topic?.ok) {
      // A one-word scare quote says less than a full sentence.
      const words = tokenize(quote.text).length;
      return { quote, score: who * (0.5 + 0.5 * Math.min(1, words / 12)), coverage: 1 };
    }
    const p = engine.passage(quote.passageId);
    const sentence = p.sentences.find((s) => s.start <= quote.start && quote.start < s.end);
    const coverage = layeredCoverage(topic.query, [
      [quote.text, 1],
      [sentence ? p.text.slice(sentence.start, sentence.end) : "", 0.9],
      [p.text, 0.6],
      // What the whole article is about (its headline) counts least.
      [engine.corpus.documents[p.docId]!.title, 0.5],
    ]);
    return { quote, score: who * coverage, coverage };
  });
  // Quotations whose own paragraph touches the topic; only when none does, those whose article is about it.
  const inText = scored.filter((s) => s.coverage >= SAID_TOPIC_IN_TEXT);
  const relevant = inText.length > 0 ? inText : scored.filter((s) => s.coverage >= SAID_TOPIC_MIN_COVERAGE);
  if (relevant.length === 0) {
    const n = theirs.length;
    return { ...base, speaker, message: `"${speaker}" is quoted ${n} time${n === 1 ? "" : "s"} in the documents, but not about "${base.topic}".` };
  }
  // Best first; ties keep the documents' order. The same words twice in one document show once.
  relevant.sort((a, b) => b.score - a.score || a.quote.id - b.quote.id);
  const seen = new Set<string>();
  const results = [];
  for (const s of relevant) {
    const key = `${engine.passage(s.quote.passageId).docId}:${foldTerm(s.quote.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(quoteResult(engine, s.quote, s.score));
    if (results.length >= limit) break;
  }
  return { ...base, speaker, results };
}

/** Quoted speakers sharing a word (or a word's start) with the name asked for. */
function similarSpeakers(engine: Engine, name: string): string[] {
  const asked = foldTerm(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  return quotedSpeakers(engine.corpus.quotes)
    .filter((s) => foldTerm(s.name).split(/[^\p{L}\p{N}]+/u).some((w) => asked.some((a) => w.startsWith(a.slice(0, 4)))))
    .slice(0, 3)
    .map((s) => s.name);
}
