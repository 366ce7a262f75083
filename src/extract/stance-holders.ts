// The holder of a stance cue, read from the structure of its sentence: the subject of the cue's
// own clause (after a reporting verb, the reported clause's subject), joined subjects, a relative
// "who", "he"/"she", lower-case groups, requests ("urged B to reject C": the one who urges),
// participles after a comma, and what a verb acts on (feeling verbs, passive agents).
import { type ActorMention, actorKey, isCountryOrState, isKnownActor, isPersonLike, nounChunkAfter, nounChunkBefore, normalizeActor } from "./actors.js";
import { SPEAKER_NOUNS, TITLE_WORDS } from "./lexicon.js";

// Words that may stand between a subject and its verb ("has also repeatedly rejected").
export const AUX =
  "no\\s+longer|both|jointly|long|has|have|had|was|were|is|are|also|always|repeatedly|formally|publicly|openly|strongly|firmly|reportedly|itself|themselves|then|later|since|already|not|never|did|does|do|would|will|could|can|may|might|should|must|shall|even|still|now|again|\\p{Ll}+ly";

const ADJACENT_RE = new RegExp(`^\\s+(?:(?:${AUX})\\s+){0,3}$`, "iu");

// A clause with no subject of its own (", but has always denied…"): only these words before the verb.
const SUBJECTLESS_RE = new RegExp(`^[\\s,]*(?:(?:and|but|yet|then|${AUX})\\s+)*$`, "iu");

// Head nouns through which a named state or organization acts ("the Lima government").
const STATE_HEAD = /\b(?:government|authorities|officials|ministry|administration|cabinet|leadership)$/i;

// A name after a place preposition ("the embassy in Lima") is not the subject before a verb.
const PLACE_PREPOSITION_BEFORE = /\b(?:in|at|from|near|across|inside|outside|within)\s+(?:the\s+)?$/i;

// A name after any preposition ("In the capital, the mayor …") is not the clause subject.
const PREPOSITION_BEFORE = /\b(?:in|on|at|of|for|to|with|from|after|before|under|against|over|into|across|near|like)\s+(?:the\s+)?$/i;

// A relative pronoun that is its clause's subject has a few verb words before the cue ("which has
// long opposed", "who claims to back"), no subject or noun phrase of their own ("which she said
// opposed", "which amounts to half of the approved sum"); "in which", "to whom" are no subjects.
const RELATIVE_LEAD_RE =
  /^\s*(?:(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|he|she|it|they|we|i|you|some|most|many|any|every|each)\s)\p{Ll}+\s+){0,4}$/u;
const PREPOSITION_BEFORE_RELATIVE = /\b(?:in|on|at|of|for|to|with|from|by|under|through|during|after|before|about|over|into|among|behind)\s*$/i;

// A request with its object before an infinitive cue: "urged the council to reject", "called on members to back".
const REQUEST_RE =
  /(?:^|\s)(?:urg|ask|press|push|encourag|persuad|told|tell|call(?:ed|s|ing)?\s+(?:on|upon)|appeal(?:ed|s|ing)?\s+to)\p{Ll}*\s+(?:[\p{L}'’-]+\s+){0,5}?to\s+(?:\p{Ll}+ly\s+)?$/iu;

// An object and an infinitive between a noun and the cue: "urged the board to reject".
const INFINITIVE_RE = /^[\s,]*to\s+(?:\p{Ll}+ly\s+)?$/u;

export interface Holder {
  key: string;
  name: string;
  weight: number;
}

export interface Ctx {
  text: string;
  sentence: { start: number; end: number };
  mentions: ActorMention[];
  breaks: Array<{ at: number; end: number; word: string }>;
  speech: Array<{ start: number; end: number }>;
  /** The last person named before this sentence, for "he"/"she". */
  lastPerson: () => Holder | null;
}

/** The clause holding a cue: from the last break before it to the first break after it. */
export function clauseAround(ctx: Ctx, cueStart: number, cueEnd: number): { start: number; end: number } {
  const start = Math.max(ctx.sentence.start, ...ctx.breaks.filter((b) => b.end <= cueStart).map((b) => b.end));
  return { start, end: clauseEndAfter(ctx, cueEnd, false) };
}

/** Where the clause going on at `from` ends: the next break ("but", "while", a dash…) or the sentence end. */
export function clauseEndAfter(ctx: Ctx, from: number, keepComplements: boolean): number {
  // "warned that …", "denied the claim that …": what follows "that" is the verb's own content.
  const complement = (b: { at: number; word: string }): boolean =>
    b.word === "that" && b.at - from < 40 && ctx.text.slice(from, b.at).trim().split(/\s+/).filter(Boolean).length <= 3;
  const next = ctx.breaks.find((b) => b.at >= from && !(keepComplements && (b.word === "that" || b.word === "which" || b.word === "who")) && !complement(b));
  return next ? next.at : ctx.sentence.end;
}

/** An actor right before the verb ("in spring the Acme board rejected"), whatever came first. */
export function adjacentSubject(ctx: Ctx, cueAt: number): ActorMention | undefined {
  const m = ctx.mentions.filter((x) => x.end <= cueAt && cueAt - x.end < 80 && ADJACENT_RE.test(ctx.text.slice(x.end, cueAt))).pop();
  // "the embassy in Lima has denied": the name after a preposition is not the subject.
  // ("of" is left out: a long name holds it, "the Council of the Coast").
  return m && !PLACE_PREPOSITION_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 20), m.start)) ? m : undefined;
}

/** The actor a verb acts on, right after it ("angered the union"), named or a lower-case group. */
export function objectAfter(ctx: Ctx, from: number, to: number): Holder | null {
  const named = ctx.mentions.find(
    (m) => m.start >= from && m.start <= to && /^\s*(?:the\s+|many\s+|some\s+|its\s+|their\s+)?$/i.test(ctx.text.slice(from, m.start)),
  );
  if (named) return { key: named.key, name: named.name, weight: 1 };
  const chunk = nounChunkAfter(ctx.text, from, to);
  return chunk ? { ...actorKey(chunk.text), name: chunk.text, weight: 1 } : null;
}

/** The words of the clause before a cue: what a feeling verb or a participle is about. */
export function textBefore(text: string, from: number, to: number): string {
  return text
    .slice(from, to)
    .replace(/[\s,]+(?:(?:was|were|is|are|has been|had been|have been|been|being)\s*)?$/i, "")
    .replace(/^[\s,]*(?:the\s+)?/i, "")
    .split(/\s+/)
    .slice(-12)
    .join(" ");
}

/**
 * The holder(s) of a cue from its clause: the subject before it and actors joined to it by "and".
 * After a reporting verb the reported clause has its own subject ("A said B rejects C": B); a
 * relative "who" is its noun; "he"/"she" the last person named.
 */
export function holders(ctx: Ctx, cueAt: number, verbal: boolean, nested = false): Holder[] {
  const { text, mentions, sentence } = ctx;
  const brk = ctx.breaks.filter((b) => b.end <= cueAt).pop();
  let clauseStart = Math.max(sentence.start, brk?.end ?? sentence.start);
  // "A urged/asked/called on B to reject C": B is asked, A holds the stance (one level only).
  const window = Math.max(clauseStart, cueAt - 120);
  const request = verbal && !nested ? REQUEST_RE.exec(text.slice(window, cueAt)) : null;
  if (request) return holders(ctx, window + request.index + request[0].search(/\S/), true, true).map((h) => ({ ...h, weight: 0.9 }));
  // "accused Lima of backing C", "an edict against Ana for mocking C", "Ana was praised for
  // rejecting C": the one accused, praised or punished does what the gerund says.
  const agent = verbal && /^\p{L}+ing\b/u.test(text.slice(cueAt, cueAt + 30)) ? gerundAgent(ctx, clauseStart, cueAt) : null;
  if (agent) return agent;
  // ", rejecting the offer": a participle after a comma shares the subject of its main clause.
  if (verbal && /,\s*$/.test(text.slice(clauseStart, cueAt)) && /^\p{L}+ing\b/u.test(text.slice(cueAt, cueAt + 30))) {
    const main = holdersBefore(ctx, clauseStart, cueAt);
    if (main.length) return main.map((h) => ({ ...h, weight: 0.9 }));
  }
  // "A said (that) B opposes C": the clause of the cue starts after the reporting verb.
  const reports = ctx.speech.filter((v) => v.start >= clauseStart && v.end <= cueAt);
  const report = reports.pop();
  const reporters = report ? holdersBefore(ctx, reports.pop()?.end ?? clauseStart, report.start) : [];
  const relativeStart = clauseStart;
  if (report) clauseStart = report.end;
  const adjacent = verbal ? adjacentSubject(ctx, cueAt) : undefined;
  const before = mentions.filter((m) => m.start >= clauseStart && m.end <= cueAt);
  // "In the capital, the mayor rejected…": a name after a preposition is not the subject.
  const free = before.filter((m) => !PREPOSITION_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 20), m.start)));
  const inClause = adjacent && adjacent.start >= clauseStart - 2 ? [adjacent] : free.length ? free : before;
  const lead = text.slice(clauseStart, cueAt);
  // A lower-case group right before the verb ("local bus drivers have rejected", "the nurses'
  // union backs") is its subject; a name just before it is its modifier ("Acme shareholders"),
  // or the state it speaks for ("Peru's government").
  const chunk = verbal && !(adjacent && adjacent.start >= clauseStart - 2) ? nounChunkBefore(text, clauseStart, cueAt) : null;
  if (chunk) {
    const modified = modifiedChunk(ctx, chunk, before);
    if (modified) return [modified];
    if (!/\b(?:to|that)\s+$/i.test(text.slice(clauseStart, chunk.start)) || !free.length) return [{ ...actorKey(chunk.text), name: chunk.text, weight: 0.9 }];
  }
  const first = inClause[0];
  if (first) {
    // "A urged B to reject C", "A called on B to accept C": B is asked, A holds the stance.
    if (verbal && INFINITIVE_RE.test(text.slice(first.end, cueAt))) {
      const governor = holdersBefore(ctx, sentence.start, first.start);
      return governor.map((h) => ({ ...h, weight: 0.8 }));
    }
    const person = describedPerson(ctx, first, before);
    if (person)
      return [
        { key: person.key, name: person.name, weight: 1 },
        { key: first.key, name: first.name, weight: 0.6 },
      ];
    return group(ctx, first, clauseStart, cueAt);
  }
  const claimsTo = !!report && /^\s*(?:(?:it|they|we|i)\s+\S+\s+)?to\s*$/i.test(lead);
  // A relative clause whose pronoun is the cue's subject ("the minister, who rejected it", "the
  // board, which claims to back it"): its noun, or nobody when that is no actor ("the report, which criticizes").
  if (
    brk &&
    brk.end === relativeStart &&
    (brk.word === "who" || brk.word === "which") &&
    !PREPOSITION_BEFORE_RELATIVE.test(text.slice(sentence.start, brk.at))
  ) {
    const relLead = text.slice(relativeStart, report ? report.start : cueAt);
    if (report ? claimsTo && SUBJECTLESS_RE.test(relLead) : RELATIVE_LEAD_RE.test(relLead)) return antecedentOf(ctx, brk);
    // Else the cue may follow the relative clause ("The Europeans, who had been left out, derided
    // it"): a person named before "who" is still the likeliest subject.
    const named = brk.word === "who" && !report ? namedBefore(ctx, brk.at) : undefined;
    if (named) return [{ key: named.key, name: named.name, weight: 1 }];
  }
  // "unions that are critical of C", "the firms that back it": a relative "that" with only verb
  // words before the cue is its noun's (not "warned that banning C…", nor a reported clause).
  if (
    brk &&
    brk.end === relativeStart &&
    brk.word === "that" &&
    verbal &&
    !report &&
    SUBJECTLESS_RE.test(lead) &&
    !/^\p{L}+ing\b/u.test(text.slice(cueAt, cueAt + 30)) &&
    !ctx.speech.some((v) => v.end <= brk.at && brk.at - v.end <= 2) &&
    !PREPOSITION_BEFORE_RELATIVE.test(text.slice(sentence.start, brk.at))
  )
    return antecedentOf(ctx, brk);
  // "A claims to support C", "A said it wants to ban C": the reporting subject itself.
  if (claimsTo) return reporters;
  // ("A told reporters she would veto C": the one told stands between the verb and the pronoun.)
  const told = report ? (TOLD_OBJECT_RE.exec(lead)?.[0].length ?? 0) : 0;
  if (/^[\s,]*(?:that\s+)?(?:he|she)\b/i.test(lead.slice(told))) {
    if (report && reporters.length) return reporters.map((r) => ({ ...r, weight: 0.8 }));
    // "A did not oppose C, but she criticized D": the person this sentence opened with.
    const opener = report ? undefined : sentenceSubject(ctx, relativeStart);
    if (opener) return [{ key: opener.key, name: opener.name, weight: 0.9 }];
    const person = ctx.lastPerson();
    return person ? [person] : [];
  }
  // "A said it would reject C": the reporter speaks of itself.
  if (report && /^[\s,]*(?:that\s+)?(?:it|they|we|i)\b/i.test(lead.slice(told))) return reporters.map((r) => ({ ...r, weight: 0.8 }));
  if (!verbal || report || !SUBJECTLESS_RE.test(lead)) return [];
  // A verb phrase with no subject of its own (", but has always denied…"): the sentence's subject.
  const subject = mentions.filter((m) => m.start >= sentence.start && m.end <= cueAt)[0];
  return subject ? group(ctx, subject, sentence.start, cueAt).map((h) => ({ ...h, weight: 0.8 })) : [];
}

// A verb (a word in -ed or -s) and the object's determiner right before a lower-case object.
// ("branded a quack by rival doctors for …": the doctors are no object of the verb.)
const OBJECT_LEAD_RE = /\b\p{Ll}+(?:ed|s)\s+(?:(?:the|its|their|a|an|his|her|our|some|many)\s+)?$/u;

// The ones told, after a verb of telling: "told reporters", "assured the council", "informed investors".
const TOLD_OBJECT_RE =
  /^[\s,]*(?:(?:the|its|their|his|her)\s+)?(?:\p{Ll}+\s+)?\p{Ll}+(?:s|ers|ors|ists|ants|ents|council|board|committee|parliament|press|media)\s+(?=(?:that\s+)?(?:he|she|it|they|we|i)\b)/iu;

/**
 * The person a sentence opened with ("Okafor did not oppose C, but she …"), when no other actor
 * stands between it and the clause: the "he"/"she" of a later clause is theirs.
 */
function sentenceSubject(ctx: Ctx, before: number): ActorMention | undefined {
  const { text, mentions, sentence } = ctx;
  const inSentence = mentions.filter((m) => m.end <= before && m.start >= sentence.start);
  const first = inSentence[0];
  if (!first || inSentence.length > 1 || isKnownActor(first.text) || isCountryOrState(first.text)) return undefined;
  return /^[\s"“]*$/.test(text.slice(sentence.start, first.start)) ? first : undefined;
}

// "for"/"of" right before a gerund, and a passive right before them ("was criticized for").
const FOR_GERUND_RE = /\s(?:for|of)\s+(?:\p{Ll}+ly\s+)?$/u;
const PASSIVE_BY_RE = /\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en)\s+by\s+(?:the\s+)?$/u;
const PASSIVE_FOR_RE = /\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en)\s+(?:for|of)\s+(?:\p{Ll}+ly\s+)?$/u;

/**
 * Who does what a gerund after "for"/"of" says: the name right before the preposition ("fined
 * Acme for breaking", "accused Lima of backing"), or a passive's subject ("Acme was fined for
 * breaking", "the ministry was praised by Lima for backing"); null when the gerund follows no
 * such name or passive ("the cost of backing").
 */
function gerundAgent(ctx: Ctx, clauseStart: number, cueAt: number): Holder[] | null {
  const { text, mentions, sentence } = ctx;
  const lead = text.slice(Math.max(sentence.start, cueAt - 80), cueAt);
  if (!FOR_GERUND_RE.test(lead)) return null;
  const named = mentions.filter((m) => m.end <= cueAt && /^\s+(?:for|of)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(m.end, cueAt))).pop();
  let at: number;
  if (named) {
    // "was praised by Chile for rejecting": the one praised, not the one who praises.
    const by = PASSIVE_BY_RE.exec(text.slice(Math.max(sentence.start, named.start - 60), named.start));
    if (!by) return [{ key: named.key, name: named.name, weight: 1 }];
    at = named.start - by[0].length;
  } else {
    // "accused the ministry of backing C": a lower-case group the verb acts on, right before "of"/"for".
    const prep = FOR_GERUND_RE.exec(lead)!;
    const prepAt = cueAt - lead.length + prep.index;
    const object = PASSIVE_FOR_RE.test(lead) ? null : nounChunkBefore(text, clauseStart, prepAt);
    if (object && object.start + object.text.length === prepAt && OBJECT_LEAD_RE.test(text.slice(Math.max(clauseStart, object.start - 40), object.start)))
      return [{ ...actorKey(object.text), name: object.text, weight: 0.9 }];
    const passive = PASSIVE_FOR_RE.exec(lead);
    if (!passive) return null;
    at = cueAt - lead.length + passive.index;
  }
  const subject = mentions.filter(
    (m) => m.start >= clauseStart && m.end <= at && !PREPOSITION_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 20), m.start)),
  )[0];
  if (subject) return [{ key: subject.key, name: subject.name, weight: 0.9 }];
  // A lower-case subject ("the ministry was praised for"), or nobody: never the one who praises.
  const chunk = nounChunkBefore(text, clauseStart, at);
  return chunk ? [{ ...actorKey(chunk.text), name: chunk.text, weight: 0.9 }] : [];
}

/**
 * A lower-case group with a name just before it as its modifier ("Acme shareholders") or the state
 * it speaks for ("Peru's government"): the whole when it is one name, else the name; null without one.
 */
function modifiedChunk(ctx: Ctx, chunk: { text: string; start: number }, before: ActorMention[]): Holder | null {
  const { text } = ctx;
  const modifier = before.find((m) => /^\.?(?:[’']s)?\s+(?:the\s+)?$/i.test(text.slice(m.end, chunk.start)));
  if (!modifier) return null;
  const whole = actorKey(text.slice(modifier.start, chunk.start + chunk.text.length));
  return whole.key === normalizeActor(`${modifier.text} ${chunk.text}`) && !STATE_HEAD.test(chunk.text)
    ? { ...whole, weight: 0.9 }
    : { key: modifier.key, name: modifier.name, weight: 0.9 };
}

/** The name right before a relative pronoun ("Acme, which"), if any. */
function namedBefore(ctx: Ctx, at: number): ActorMention | undefined {
  return ctx.mentions.filter((m) => m.end <= at && /^[\s,)]*$/.test(ctx.text.slice(m.end, at))).pop();
}

/**
 * The noun a relative clause is about: the name right before "who"; before "which", a name that is
 * no person's and no object of a preposition other than "of" ("the treaty with Peru, which bans …"
 * is the treaty's), or else an acting group ("the dockers' union, which backs …"). Anything else
 * ("the report, which criticizes …", "the fans who back it") holds nothing: never the sentence's subject.
 */
function antecedentOf(ctx: Ctx, brk: { at: number; word: string }): Holder[] {
  const { text, mentions, sentence } = ctx;
  const named = namedBefore(ctx, brk.at);
  if (named) {
    const lead = text.slice(Math.max(sentence.start, named.start - 20), named.start);
    const governed = PREPOSITION_BEFORE.test(lead) && !/\bof\s+(?:the\s+)?$/i.test(lead);
    return brk.word === "who" || (!isPersonLike(named) && !governed) ? [{ key: named.key, name: named.name, weight: 1 }] : [];
  }
  const end = sentence.start + text.slice(sentence.start, brk.at).replace(/[\s,]+$/, "").length;
  const chunk = nounChunkBefore(text, sentence.start, end);
  if (!chunk) return [];
  // A group is a less sure antecedent than a name: too light for an evaluation's holder (weight 0.9 and up).
  const group = modifiedChunk(
    ctx,
    chunk,
    mentions.filter((m) => m.end <= chunk.start),
  ) ?? { ...actorKey(chunk.text), name: chunk.text };
  return [{ ...group, weight: 0.8 }];
}

// Between an organization and a person's name, only the title that links them: "Acme chairman", "Acme's chief economist".
// ("Acme's chief executive, Ana Ruiz, refused": the title and the name in apposition.)
const TITLE_GAP_RE = /^(?:[’']s)?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)(?:\s+|\s*,\s*)$/u;

/**
 * "The Acme chairman Ana Ruiz refused …": the organization and the title describe the person
 * named after them, who is the subject (the organization speaks through them).
 */
function describedPerson(ctx: Ctx, first: ActorMention, mentions: ActorMention[]): ActorMention | null {
  const next = mentions[mentions.indexOf(first) + 1];
  if (!next || !isPersonLike(next)) return null;
  const gap = TITLE_GAP_RE.exec(ctx.text.slice(first.end, next.start));
  const words = gap?.[1]!.trim().split(/\s+/) ?? [];
  return words.length && words.every((w) => TITLE_WORDS.has(w) || SPEAKER_NOUNS.has(w)) ? next : null;
}

function holdersBefore(ctx: Ctx, from: number, to: number): Holder[] {
  const inSpan = ctx.mentions.filter((m) => m.start >= from && m.end <= to);
  const subject = inSpan.find((m) => !PREPOSITION_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 20), m.start))) ?? inSpan[0];
  if (subject) return group(ctx, subject, from, to);
  const person = /^[\s,]*(?:he|she)\b/i.test(ctx.text.slice(from, to)) ? ctx.lastPerson() : null;
  if (person) return [person];
  const chunk = nounChunkBefore(ctx.text, from, to);
  return chunk ? [{ ...actorKey(chunk.text), name: chunk.text, weight: 0.9 }] : [];
}

// The start of a clause-opening phrase: a participle, a preposition or a conjunction of time or concession.
const OPENING_PHRASE_RE =
  /^[\s,]*(?:\p{L}+ing|while|when|after|before|since|although|though|as|in|on|at|with|during|to|for|from|under|despite|unlike|like)\b/iu;

/** The subject and actors joined to it by "and" ("Norway and Chile have blocked"). */
function group(ctx: Ctx, first: ActorMention, clauseStart: number, cueAt: number): Holder[] {
  const { text, mentions } = ctx;
  const joined = (a: ActorMention, b: ActorMention): boolean => /^\s*(?:and|,\s*and|&|,)\s*(?:the\s+)?$/i.test(text.slice(a.end, b.start));
  // "Talking to Reuters, Ana rejected…", "While working with Peru and Chile, Norway…": a phrase
  // that opens the clause with a participle or a preposition ends at its comma; its names are not the subject's.
  const opener = (m: ActorMention, next: ActorMention): boolean =>
    /^\s*,\s*(?:the\s+)?$/.test(text.slice(m.end, next.start)) &&
    OPENING_PHRASE_RE.test(text.slice(clauseStart, m.start)) &&
    !text.slice(clauseStart, m.start).includes(",");
  const g = [first];
  for (let i = mentions.indexOf(first) - 1; i >= 0 && mentions[i]!.start >= clauseStart && joined(mentions[i]!, g[0]!) && !opener(mentions[i]!, g[0]!); i--)
    g.unshift(mentions[i]!);
  for (let i = mentions.indexOf(first) + 1; i < mentions.length && mentions[i]!.end <= cueAt && joined(g[g.length - 1]!, mentions[i]!); i++)
    g.push(mentions[i]!);
  return g.map((m) => ({ key: m.key, name: m.name, weight: 1 }));
}
