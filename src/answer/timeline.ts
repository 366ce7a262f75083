// timeline: the dated facts the documents hold about an actor and/or a topic, in time order —
// quotations and reported statements, stance evidence (with its polarity), and, for a topic,
// sentences whose time expressions date an event. Each item is dated by a fixed time expression
// in its own sentence (the event's date), else by its document's date; items with neither are
// counted, never placed. Works over plain data (TimelineFacts), so any store can feed it.
import { EVALUATION } from "../extract/stance.js";
import type { Citation, DocumentRecord, Passage, Polarity, Quote, StanceFact, TimeExpression } from "../types.js";
import type { Span } from "../text/sentences.js";
import { cite, type CitationOptions } from "./citation.js";
import { dateSpan, type DateSpan } from "./date-span.js";
import { layeredCoverage, type Query } from "./match.js";
import { speakerMatcher, type SpeakerFit } from "./speaker-match.js";
import { checkQuery } from "./validate.js";

/** What the timeline reads: documents, passages and the facts extracted from them. */
export interface TimelineFacts {
  documents: readonly DocumentRecord[];
  passage(id: number): Passage;
  quotes: readonly Quote[];
  stances: readonly StanceFact[];
  timesIn(passageId: number): readonly TimeExpression[];
  /** Passages about these words, best first (a search backend); only topic-only timelines ask. */
  passagesAbout(words: string): number[];
  citation: CitationOptions;
}

export type TimelineKind = "quote" | "stance" | "event";

export interface TimelineItem {
  /** Identifies the item among the answer's points (the picture numbers the listed ones). */
  ref: number;
  kind: TimelineKind;
  /** ISO value as the text or the document gives it (2019, 2019-07, 2019-07-15…), or null when undated. */
  date: string | null;
  /** The days the date covers (null when undated). */
  span: DateSpan | null;
  /** Where the date comes from: time words in the item's own sentence, or the document's date. */
  dateFrom: "text" | "document" | null;
  /** The time words when the date comes from the text. */
  expression: string | null;
  /** The speaker of a quotation, the actor of stance evidence; null for an event. */
  who: string | null;
  /** The quoted words, or the sentence. */
  text: string;
  /** For stance evidence (and quotations that carry some): support, oppose or neutral. */
  polarity: Polarity | null;
  cue: string | null;
  score: number;
  source: Citation;
  title: string;
  docDate: string | null;
}

export interface TimelinePoint {
  ref: number;
  kind: TimelineKind;
  span: DateSpan;
  polarity: Polarity | null;
  score: number;
}

export interface TimelineAnswer {
  command: "timeline";
  actor: string | null;
  topic: string | null;
  /** The items to list: dated ones in time order (the best `limit`), then undated ones. */
  results: TimelineItem[];
  /** Every dated item, for the picture (best first). */
  points: TimelinePoint[];
  /** How many items were found with no date to place them at. */
  undated: number;
  message?: string;
  suggestions?: string[];
}

/** Share of the topic's words an item (with its context) must hold to be about the topic. */
export const TIMELINE_TOPIC_MIN_COVERAGE = 0.5;
/** Without an actor, the topic must be in the item's own sentence or paragraph, not only its headline. */
const TOPIC_ONLY_MIN_COVERAGE = 0.6;
/** Passages a topic-only timeline looks through for dated events. */
export const EVENT_PASSAGES = 200;

interface Candidate {
  kind: TimelineKind;
  passageId: number;
  sentence: Span;
  /** What to cite and highlight, in passage offsets. */
  from: number;
  to: number;
  mark: [number, number];
  who: string | null;
  text: string;
  polarity: Polarity | null;
  cue: string | null;
  score: number;
  quote?: Quote;
}

export function answerTimeline(facts: TimelineFacts, actorInput: unknown, topicInput: unknown, limit: number): TimelineAnswer {
  const actorGiven = typeof actorInput === "string" && actorInput.trim() !== "";
  const topicGiven = typeof topicInput === "string" && topicInput.trim() !== "";
  const base: TimelineAnswer = {
    command: "timeline",
    actor: actorGiven ? (actorInput as string).trim() : null,
    topic: topicGiven ? (topicInput as string).trim() : null,
    results: [],
    points: [],
    undated: 0,
  };
  if (!actorGiven && !topicGiven) return { ...base, message: "Give an actor, a topic, or both (e.g. actor: a country, topic: a few words)." };
  const actor = actorGiven ? checkQuery(actorInput, "actor") : null;
  if (actor && !actor.ok) return { ...base, message: actor.message };
  const topic = topicGiven ? checkQuery(topicInput, "topic") : null;
  if (topic && !topic.ok) return { ...base, message: topic.message };
  const topicQuery = topic?.ok ? topic.query : null;

  const fits = actor?.ok ? speakerMatcher(actor.text) : null;
  const candidates = [
    ...quoteCandidates(facts, fits, topicQuery),
    ...stanceCandidates(facts, fits, topicQuery),
    ...(fits || !topicQuery ? [] : eventCandidates(facts, topicQuery)),
  ];
  // Dates for every item (cheap); citations only for the items listed.
  const found = merge(candidates).map((c, ref) => dateOf(facts, c, ref));
  if (found.length === 0) {
    const who = base.actor ? `"${base.actor}"` : null;
    const about = base.topic ? `"${base.topic}"` : null;
    const message =
      who && about
        ? `The documents hold nothing from ${who} about ${about}.`
        : who
          ? `The documents hold no quotations or stances of ${who}.`
          : `The documents hold nothing dated about ${about}.`;
    return { ...base, message };
  }
  const byScore = (a: DatedCandidate, b: DatedCandidate): number => b.c.score - a.c.score;
  const dated = found.filter((d) => d.span).sort(byScore);
  const undated = found.filter((d) => !d.span).sort(byScore);
  const listed = dated
    .slice(0, limit)
    .map((d) => toItem(facts, d))
    .sort(chronological);
  const rest = undated.slice(0, Math.max(0, limit - listed.length)).map((d) => toItem(facts, d));
  return {
    ...base,
    results: [...listed, ...rest],
    points: dated.map((d) => ({ ref: d.ref, kind: d.c.kind, span: d.span!, polarity: d.c.polarity, score: round(d.c.score) })),
    undated: undated.length,
    ...(dated.length === 0
      ? { message: `Found ${found.length} item${found.length === 1 ? "" : "s"}, but none is dated: nothing to place on a time axis.` }
      : {}),
  };
}

/** Earlier first; at the same start, the more precise (shorter) first; then by file and line. */
export function chronological(a: TimelineItem, b: TimelineItem): number {
  const sa = a.span!;
  const sb = b.span!;
  return (
    sa.start.localeCompare(sb.start) || sa.end.localeCompare(sb.end) || a.source.file.localeCompare(b.source.file) || a.source.lineStart - b.source.lineStart
  );
}

function sentenceAt(p: Passage, at: number): Span {
  return p.sentences.find((s) => s.start <= at && at < s.end) ?? { start: at, end: at };
}

function fitWeight(fit: SpeakerFit): number {
  return fit === "same" ? 1 : 0.8;
}

function quoteCandidates(facts: TimelineFacts, fits: ReturnType<typeof speakerMatcher> | null, topic: Query | null): Candidate[] {
  const out: Candidate[] = [];
  for (const q of facts.quotes) {
    let who = 1;
    if (fits) {
      const fit = fits(q.speaker, q.role);
      if (fit === "none") continue;
      who = fitWeight(fit);
    } else if (!q.speaker) continue; // a topic-only timeline still shows who said it
    const p = facts.passage(q.passageId);
    const sentence = sentenceAt(p, q.start);
    let relevance = 1;
    if (topic) {
      relevance = layeredCoverage(topic, [
        [q.text, 1],
        [p.text.slice(sentence.start, sentence.end), 0.9],
        [p.text, 0.6],
        ...(fits ? ([[facts.documents[p.docId]!.title, 0.5]] as Array<[string, number]>) : []),
      ]);
      if (relevance < (fits ? TIMELINE_TOPIC_MIN_COVERAGE : TOPIC_ONLY_MIN_COVERAGE)) continue;
    }
    const sameParagraph = q.attribution && q.attribution.passageId === q.passageId;
    out.push({
      kind: "quote",
      passageId: q.passageId,
      sentence,
      from: sameParagraph ? Math.min(q.start, q.attribution!.start) : q.start,
      to: sameParagraph ? Math.max(q.end, q.attribution!.end) : q.end,
      mark: [q.start, q.end],
      who: q.speaker,
      text: q.text,
      polarity: null,
      cue: null,
      score: who * (q.direct ? 1 : 0.9) * relevance,
      quote: q,
    });
  }
  return out;
}

function stanceCandidates(facts: TimelineFacts, fits: ReturnType<typeof speakerMatcher> | null, topic: Query | null): Candidate[] {
  const out: Candidate[] = [];
  for (const f of facts.stances) {
    let who = 1;
    if (fits) {
      const fit = fits(f.actorText, null);
      if (fit === "none") continue;
      who = fitWeight(fit);
    }
    // Evaluative words say what someone thinks only of what they are about: that takes the
    // stance answer's reading of the topic, not a timeline's.
    if (f.cueClass === EVALUATION) continue;
    const p = facts.passage(f.passageId);
    let relevance = 1;
    if (topic) {
      relevance = layeredCoverage(topic, [
        [f.target, 1],
        [f.clause ? p.text.slice(f.clause.start, f.clause.end) : "", 1],
        [p.text.slice(f.sentence.start, f.sentence.end), 0.8],
        [p.text, 0.5],
        ...(fits ? ([[facts.documents[p.docId]!.title, 0.3]] as Array<[string, number]>) : []),
      ]);
      if (relevance < (fits ? TIMELINE_TOPIC_MIN_COVERAGE : TOPIC_ONLY_MIN_COVERAGE)) continue;
    }
    const polarity: Polarity = f.negated ? (f.polarity === "support" ? "oppose" : "neutral") : f.polarity;
    out.push({
      kind: "stance",
      passageId: f.passageId,
      sentence: f.sentence,
      from: f.sentence.start,
      to: f.sentence.end,
      mark: [f.cueStart, f.cueEnd],
      who: f.actorText,
      text: p.text.slice(f.sentence.start, f.sentence.end),
      polarity,
      cue: f.cue,
      score: who * f.weight * relevance,
    });
  }
  return out;
}

/** Sentences about the topic that a fixed time expression dates: the topic's events. */
function eventCandidates(facts: TimelineFacts, topic: Query): Candidate[] {
  const out: Candidate[] = [];
  for (const id of facts.passagesAbout(topic.raw).slice(0, EVENT_PASSAGES)) {
    const p = facts.passage(id);
    const times = facts.timesIn(id).filter((t) => dateSpan(t.value));
    for (const t of times) {
      const sentence = sentenceAt(p, t.start);
      const relevance = layeredCoverage(topic, [
        [p.text.slice(sentence.start, sentence.end), 1],
        [p.text, 0.6],
      ]);
      if (relevance < TOPIC_ONLY_MIN_COVERAGE) continue;
      out.push({
        kind: "event",
        passageId: id,
        sentence,
        from: sentence.start,
        to: sentence.end,
        mark: [t.start, t.end],
        who: null,
        text: p.text.slice(sentence.start, sentence.end),
        polarity: null,
        cue: null,
        // An event is context for the statements: it ranks after them.
        score: 0.8 * relevance,
      });
    }
  }
  return out;
}

/**
 * One item per sentence: a quotation with stance evidence in its sentence takes that evidence's
 * polarity and cue; an event in a sentence already shown as a statement adds nothing.
 */
function merge(candidates: Candidate[]): Candidate[] {
  const order: Record<TimelineKind, number> = { quote: 0, stance: 1, event: 2 };
  const sorted = [...candidates].sort((a, b) => order[a.kind] - order[b.kind] || b.score - a.score);
  const bySentence = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of sorted) {
    const key = `${c.passageId}:${c.sentence.start}`;
    const first = bySentence.get(key);
    if (!first) {
      bySentence.set(key, c);
      out.push(c);
      continue;
    }
    if (first.kind === "quote" && c.kind === "stance" && first.polarity === null) {
      first.polarity = c.polarity;
      first.cue = c.cue;
      first.score = Math.max(first.score, c.score);
    }
  }
  return out;
}

interface DatedCandidate {
  c: Candidate;
  ref: number;
  date: string | null;
  span: DateSpan | null;
  dateFrom: TimelineItem["dateFrom"];
  expression: string | null;
}

/** The item's own date (time words in its sentence), else its document's, else none. */
function dateOf(facts: TimelineFacts, c: Candidate, ref: number): DatedCandidate {
  const own = ownDate(facts.timesIn(c.passageId), c);
  if (own) return { c, ref, date: own.t.value, span: own.span, dateFrom: "text", expression: own.t.text };
  const doc = facts.documents[facts.passage(c.passageId).docId]!;
  const docSpan = dateSpan(doc.date);
  return docSpan
    ? { c, ref, date: doc.date, span: docSpan, dateFrom: "document", expression: null }
    : { c, ref, date: null, span: null, dateFrom: null, expression: null };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function toItem(facts: TimelineFacts, d: DatedCandidate): TimelineItem {
  const { c } = d;
  const p = facts.passage(c.passageId);
  const doc = facts.documents[p.docId]!;
  const elsewhere =
    c.quote?.attribution && c.quote.attribution.passageId !== c.passageId
      ? { passage: facts.passage(c.quote.attribution.passageId), start: c.quote.attribution.start, end: c.quote.attribution.end }
      : undefined;
  const { citation } = cite(doc, p, c.from, c.to, facts.citation, elsewhere);
  return {
    ref: d.ref,
    kind: c.kind,
    date: d.date,
    span: d.span,
    dateFrom: d.dateFrom,
    expression: d.expression,
    who: c.who,
    text: c.text.trim(),
    polarity: c.polarity,
    cue: c.cue,
    score: round(c.score),
    source: citation,
    title: doc.title,
    docDate: doc.date,
  };
}

/**
 * The fixed time expression of the item's own sentence that dates it: for an event, the one the
 * event was found by; otherwise the one nearest the item's marked words.
 */
function ownDate(times: readonly TimeExpression[], c: Candidate): { t: TimeExpression; span: DateSpan } | null {
  let best: { t: TimeExpression; span: DateSpan; dist: number } | null = null;
  for (const t of times) {
    if (t.start < c.sentence.start || t.start >= c.sentence.end) continue;
    const span = dateSpan(t.value);
    if (!span) continue;
    if (c.kind === "event" && t.start !== c.mark[0]) continue;
    const dist = Math.abs(t.start - c.mark[0]);
    if (!best || dist < best.dist) best = { t, span, dist };
  }
  return best;
}
