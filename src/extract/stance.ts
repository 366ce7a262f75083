// Stance: who supports or opposes what. Two kinds of evidence:
// - cues (lexicon, matched on base forms): the holder is the speaker when the cue sits inside a
//   quotation, else the subject of the cue's own clause — after a reporting verb that is the
//   subject of the reported clause; a feeling verb ("the ruling angered the union") is held by
//   its object; a passive one by its "by" agent. Negation ("stopped short of", "rather than")
//   turns a cue around.
// - evaluations: what an actor says or calls something, scored with the AFINN lexicon
//   (evaluation.ts), when the words carry no cue of their own.
// Holders come from stance-holders.ts. Each fact keeps its clause, so an answer can ask that the
// topic be where the stance is.
import type { PassageDraft } from "../knowledge/passages.js";
import type { Polarity, StanceFact } from "../types.js";
import { type ActorMention, actorKey, actorMentions, isFunctionWord, isKnownAlias, isPersonLike } from "./actors.js";
import { type CueMatch, CueMatcher, wordTokens } from "./cue-matcher.js";
import { feltEnough, GAINED_BEFORE, GAINED_OF_AFTER, lightVerbBefore, stanceSense, verbalEnough, voicedEnough } from "./cue-senses.js";
import { evaluate, isEvaluative } from "./evaluation.js";
import { FEMALE_NAMES, MALE_NAMES, SPEECH } from "./lexicon.js";
import { wordUsage } from "./word-usage.js";
import cues from "./lexicons/stance-cues.json" with { type: "json" };
import type { People } from "./people.js";
import type { QuoteDraft } from "./quotes.js";
import { adjacentSubject, AUX, clauseAround, clauseEndAfter, type Ctx, type Holder, holders, objectAfter, textBefore } from "./stance-holders.js";
import type { Span } from "../text/sentences.js";

/** A stance fact as extracted from one document: the passage index is local to the document. */
export type StanceDraft = Omit<StanceFact, "passageId"> & { passage: number };

export interface Cue {
  cls: string;
  polarity: Polarity;
  /** A feeling verb: held by the one who feels it. */
  experiencer: boolean;
}

/** The class of evidence that comes from evaluative words rather than a cue. */
export const EVALUATION = "evaluation";

const CUE_ENTRIES: Array<[string, Cue]> = [];
for (const [cls, def] of Object.entries(cues.classes)) {
  const d = def as { polarity: string; words: string[]; experiencer?: boolean };
  for (const w of d.words) CUE_ENTRIES.push([w, { cls, polarity: d.polarity as Polarity, experiencer: !!d.experiencer }]);
}
// "is firmly against", "was not in favour of": a copula's adverb or negation inside a listed phrase.
const COPULAS = new Set(["is", "are", "was", "were", "be", "been"]);
const COPULA_GAP = /^(?:not|never|also|still|now|firmly|strongly|fiercely|vehemently|totally|completely|entirely|very|much|no|longer|\p{Ll}+ly)$/u;
const CUES = new CueMatcher<Cue>(CUE_ENTRIES, (first, word) => COPULAS.has(first) && COPULA_GAP.test(word));
const FRAMES = new CueMatcher<true>(cues.frames.map((f) => [f, true] as [string, true]));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NEGATOR_RE = new RegExp(
  `(?:\\b(?:${cues.negators
    .filter((n) => n !== "n't")
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})\\b|n't)(?:\\s+\\S+){0,3}\\s*$`,
  "i",
);

export function cueClassesIn(text: string): Cue[] {
  return CUES.matches(text).map((m) => m.value);
}

/**
 * The action a topic names, as a cue: a verb ("banning imports", "ban imports") or the noun of
 * an exclusion ("a ban on imports", "sanctions against the regime"). A noun of another class is
 * a thing, not an action ("attacks on the capital", "criticism of the plan"): undefined.
 */
export function topicAction(topic: string): Cue | undefined {
  const m = CUES.matches(topic)[0];
  if (!m) return undefined;
  const lead = topic.slice(0, m.start).trim();
  if (lead && !/^(?:a|an|the)$/i.test(lead)) return undefined;
  const word = topic.slice(m.start, m.end).split(/\s/)[0]!;
  const verbal = !lead && (/ing$/i.test(word) || (m.baseForm && !/^\s+(?:on|of|against|for|to|in|by|with|from|over)\b/i.test(topic.slice(m.end))));
  return verbal || m.value.cls === "exclusion" ? m.value : undefined;
}

// Irregular past tenses: after a capitalized word at the start of a sentence they make it a subject.
const IRREGULAR_PAST = new Set([
  "took",
  "gave",
  "made",
  "told",
  "went",
  "came",
  "saw",
  "held",
  "kept",
  "left",
  "met",
  "put",
  "set",
  "sent",
  "stood",
  "won",
  "lost",
  "led",
  "rose",
  "fell",
  "ran",
  "spoke",
  "wrote",
  "chose",
  "began",
  "broke",
  "brought",
  "bought",
  "thought",
  "felt",
  "found",
  "got",
  "knew",
  "meant",
  "paid",
  "sold",
  "shut",
  "struck",
  "threw",
  "withdrew",
  "drew",
  "fought",
  "sought",
  "upheld",
  "overturned",
  "forbade",
  "swore",
  "vowed",
]);

// Clause breaks inside a sentence: a new subject can start after these.
const CLAUSE_BREAK_RE = /\s(?:--|—|–)\s|;|,\s+(?:but|while|whereas|although|though|and)\s|\s(?:but|while|whereas|where|which|who|that)\s/g;
// A cue used as a noun ("a total ban", "a Nordic embrace") has no clause subject of its own.
const NOMINAL_BEFORE =
  /\b(?:a|an|the|its|their|his|her|our|this|any|no|outright|total|full|partial|possible|proposed)\s+(?:\p{Lu}\p{Ll}+(?:ese|ean|ian|ish|ic|an|ch)\s+)?$/u;
const REQUEST_TAIL_RE = /^\s+(?:[\p{L}'’-]+\s+){0,5}?to\s+(?:\p{Ll}+ly\s+)?$/u;
// A dateline before the story: "OSLO --", "Lima, 3 May (Reuters) -": a place, not a subject.
const DATELINE_RE = /^\s*(?:\p{Lu}[\p{Lu}\s.'-]{1,40}|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?,[^—–]{0,40}?)\s(?:--|—|–|-)\s/u;
// "and" (with adverbs or auxiliaries) right before a verb: a coordinated verb phrase; or with a
// possessive before a noun: "A's opposition to X and its support for Y", a stance of its own.
const COORDINATED_RE = new RegExp(`\\s,?\\s*and\\s+(?:(?:${AUX})\\s+){0,3}$|\\s,?\\s*and\\s+(?:its|their|his|her)\\s+$`, "iu");
// Nouns that name a claim someone makes, and prepositions that make such a noun a mere subject matter.
const CLAIM_NOUNS = new Set(["allegation", "accusation"]);
const CLAIM_TALKED_ABOUT = /\b(?:of|about|over|on|regarding|into|amid|despite|under|around|concerning)\s+(?:the\s+|these\s+|such\s+)?$/i;
/** How many characters after a reporting verb are read as what was said. */
export const MAX_SAID = 300;
// Forms of "be" (or "get") right before a participle: a passive.
const PASSIVE_RE = /\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\p{Ll}+ly\s+)?$/iu;
// A past participle followed by its agent: "endorsed only by the council", "was rejected by voters".
const AGENT_RE = /^\s*,?\s*(?:only\s+|also\s+|even\s+|jointly\s+|strongly\s+|unanimously\s+)?by\s+(?:the\s+)?/i;
// After a noun cue, who holds it: "opposition by the league", "criticism from abroad".
const NOUN_AGENT_RE = /^\s+(?:by|from)\s+(?!\p{L}+ing\b)(?:the\s+)?/iu;
// After a feeling verb, what is felt about: "angered by", "pleased with", "upset about".
const FEELING_ABOUT_RE = /^\s+(?:\p{Ll}+ly\s+)?(?:by|with|at|about|over|that|to)\b/iu;

/**
 * The stance facts of one document. `people` is the document's register of full names, as the
 * quote extraction left it: a bare surname ("Ruiz opposed it") is the person it names.
 */
export function extractStances(passages: PassageDraft[], quotes: QuoteDraft[], people: People): StanceDraft[] {
  const docText = passages.map((p) => p.text).join("\n");
  // A sentence-initial capitalized word is a name when the document also capitalizes it mid-sentence,
  // or when a verb or a possessive ("Acme's") follows it and the document never writes it in lower case.
  const usage = wordUsage(docText);
  const isName = (w: string, next: string): boolean =>
    usage(w).midSentence ||
    ((/^(?:has|have|had|is|was|were|are|will|would|did|does|do|said|says|can|could|may|might|must|should|also|never|no|\p{Ll}+ed|\p{Ll}+s|[’']s)$/u.test(
      next,
    ) ||
      IRREGULAR_PAST.has(next)) &&
      !usage(w).lower);
  // The full names only this reader sees go to the register once, when a surname is first looked up.
  let registered = false;
  const register = (): void => {
    if (!registered) people.register(namesInText(passages, isName));
    registered = true;
  };
  const acronyms = acronymIndex(docText);
  // Quoted persons, as "he"/"she" may stand for them.
  const personKeys = new Set(quotes.filter((q) => q.speakerKind === "person" && q.speaker?.includes(" ")).map((q) => actorKey(q.speaker!).key));
  const out: StanceDraft[] = [];
  const quotesByPassage = new Map<number, QuoteDraft[]>();
  for (const q of quotes) if (q.speaker) quotesByPassage.set(q.passage, [...(quotesByPassage.get(q.passage) ?? []), q]);
  const mentionsOf = (pi: number, s: Span): ActorMention[] => {
    const text = passages[pi]!.text;
    const dateline = DATELINE_RE.exec(text.slice(s.start, s.end))?.[0].length ?? 0;
    return actorMentions(text.slice(s.start, s.end), s.start, isName)
      .filter((m) => m.start >= s.start + dateline)
      .map((m) => {
        const full = acronyms.get(m.key);
        if (full) return { ...m, ...full };
        // "Mrs. Ruiz": the title before the surname tells which Ruiz.
        const title = TITLE_BEFORE_RE.exec(text.slice(Math.max(0, m.start - 6), m.start))?.[1];
        return fullPerson(m, title, people, pi, register);
      });
  };
  // He/she: the last person named or quoted in the sentences before (looked up only when asked).
  const order = passages.flatMap((p, pi) => p.sentences.map((s) => ({ pi, s })));
  const personIn = new Map<number, Holder | null>();
  const lastPersonBefore = (at: number): Holder | null => {
    for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
      if (!personIn.has(k)) {
        const { pi, s } = order[k]!;
        const person = mentionsOf(pi, s).find((m) => personKeys.has(m.key) || isPersonLike(m));
        const speaker = (quotesByPassage.get(pi) ?? []).find((q) => q.speakerKind === "person" && q.start < s.end && q.end > s.start);
        personIn.set(k, person ? { key: person.key, name: person.name, weight: 0.9 } : speaker ? { ...actorKey(speaker.speaker!), weight: 0.9 } : null);
      }
      const found = personIn.get(k);
      if (found) return found;
    }
    return null;
  };
  order.forEach(({ pi, s }, at) => {
    const p = passages[pi]!;
    const attributed = quotesByPassage.get(pi) ?? [];
    const sentence = p.text.slice(s.start, s.end);
    const inSentence = attributed.filter((q) => q.start < s.end && q.end > s.start);
    const tokens = wordTokens(sentence);
    const cueMatches = CUES.matches(sentence, tokens);
    // Most sentences carry no stance: no cue, and no evaluative word for anyone to say.
    if (cueMatches.length === 0 && !tokens.some((t) => isEvaluative(t.w))) return;
    const speech = SPEECH.matches(sentence);
    const frames = FRAMES.matches(sentence, tokens);
    if (cueMatches.length === 0 && speech.length === 0 && frames.length === 0 && inSentence.length === 0 && !OPINION_WORD_RE.test(sentence)) return;
    let mentions: ActorMention[] | null = null;
    const ctx: Ctx = {
      text: p.text,
      sentence: s,
      // Read only when a holder is looked for: most evaluated sentences never need them.
      get mentions() {
        return (mentions ??= mentionsOf(pi, s));
      },
      breaks: [...sentence.matchAll(CLAUSE_BREAK_RE)].map((m) => ({
        at: s.start + m.index,
        end: s.start + m.index + m[0].length,
        word: m[0].trim().replace(/^,\s*/, "").toLowerCase(),
      })),
      speech: speech.map((m) => ({ start: s.start + m.start, end: s.start + m.end })),
      lastPerson: () => lastPersonBefore(at),
    };
    const matches = cueMatches.filter(
      (m) => verbalEnough(ctx, sentence, m) && voicedEnough(ctx, sentence, m) && feltEnough(sentence, m) && stanceSense(sentence, m),
    );
    // A verb phrase joined by "and" starts a clause of its own ("opposed the draft and even called for…").
    for (const m of matches) {
      const coord = COORDINATED_RE.exec(sentence.slice(Math.max(0, m.start - 60), m.start));
      if (coord) {
        const at = s.start + m.start - coord[0].length;
        ctx.breaks.push({ at, end: at + /^\s*,?\s*and\s/i.exec(coord[0])![0].length, word: "and" });
      }
    }
    ctx.breaks.sort((a, b) => a.at - b.at);
    const found = cueFacts(
      ctx,
      pi,
      sentence,
      matches,
      inSentence.filter((q) => q.direct),
    );
    out.push(...found);
    out.push(...hollowClaims(ctx, pi, sentence, matches));
    out.push(...evaluationFacts(ctx, pi, inSentence, found, matches, frames));
  });
  return out;
}

function cueFacts(ctx: Ctx, pi: number, sentence: string, matches: Array<CueMatch<Cue>>, direct: QuoteDraft[]): StanceDraft[] {
  const { text, sentence: s } = ctx;
  const out: StanceDraft[] = [];
  for (const m of matches) {
    const cue = m.value;
    const cueStart = s.start + m.start;
    const cueEnd = s.start + m.end;
    const before = text.slice(Math.max(s.start, cueStart - 60), cueStart);
    const surface = sentence.slice(m.start, m.end);
    // "urged the council to reject C": the stance is the inner cue's, held by the one who urges.
    if (m.phrase === "urge" && matches.some((n) => n.start > m.end && REQUEST_TAIL_RE.test(sentence.slice(m.end, n.start)))) continue;
    // "the cost of allegations of X", "the debate about accusations": a claim named as the object
    // of a preposition is what is talked about, not a claim anyone in the sentence makes.
    if (CLAIM_NOUNS.has(m.phrase) && /^\p{Ll}/u.test(surface) && CLAIM_TALKED_ABOUT.test(before)) continue;
    // (A negation inside the phrase: "is not against", "was no longer in favour of".)
    const negated = NEGATOR_RE.test(before) || (m.phrase !== surface.toLowerCase() && /\b(?:not|never|no)\s/i.test(surface));
    const clause = clauseAround(ctx, cueStart, cueEnd);
    const base = {
      passage: pi,
      cue: surface,
      cueClass: cue.cls,
      cueStart,
      cueEnd,
      polarity: cue.polarity,
      negated,
      target: targetOf(text, cueEnd, clause.end),
      sentence: { start: s.start, end: s.end },
      clause,
    };
    const after = text.slice(cueEnd, clause.end);
    const inQuote = direct.find((q) => q.start <= cueStart && cueEnd <= q.end);
    // A feeling verb with an object: the object feels it, about the clause's subject.
    if (cue.experiencer && !FEELING_ABOUT_RE.test(after) && !inQuote) {
      const felt = objectAfter(ctx, cueEnd, clause.end);
      if (felt) {
        out.push({ ...base, target: textBefore(text, clause.start, cueStart), actor: felt.key, actorText: felt.name, weight: 1 });
        continue;
      }
    }
    // A participle with its agent: "the report, endorsed by the council," — the council holds it.
    // (A feeling's "by" names its cause: "Acme was dismayed by the ruling" is Acme's dismay.)
    const agent = /ed$/i.test(surface) && !cue.experiencer ? AGENT_RE.exec(after) : null;
    if (agent) {
      const by = objectAfter(ctx, cueEnd + agent[0].length, clause.end);
      if (by) {
        out.push({ ...base, target: textBefore(text, clause.start, cueStart), actor: by.key, actorText: by.name, weight: 1 });
        continue;
      }
    }
    // "The plan won the backing of the league": the one after "of" gives it to the subject.
    const gained = cue.polarity === "support" && !/ed$/i.test(surface) && GAINED_BEFORE.test(before) ? GAINED_OF_AFTER.exec(after) : null;
    if (gained) {
      const from = cueEnd + gained[0].length;
      const by = describedAfter(ctx, from) ?? objectAfter(ctx, from, clause.end);
      if (by) {
        const verbAt = cueStart - (GAINED_BEFORE.exec(before)?.[0].length ?? 0);
        // What is backed is the verb's subject ("she is glad to have the endorsement of …": her).
        const lead = textBefore(text, clause.start, verbAt);
        const subject = (/^(?:that\s+)?(?:he|she|it|they)\b/i.test(lead) ? holders(ctx, verbAt, true)[0]?.name : undefined) ?? lead;
        out.push({ ...base, target: subject, actor: by.key, actorText: by.name, weight: 0.9 });
        continue;
      }
    }
    // A noun with its agent: "the rejection by the council", "criticism from farmers" — the agent
    // holds it (a verb takes its object first; "by" with a gerund says how, not who).
    const nounAgent = /(?:ed|ing)$/i.test(surface) ? null : NOUN_AGENT_RE.exec(after);
    if (nounAgent) {
      const by = objectAfter(ctx, cueEnd + nounAgent[0].length, clause.end);
      if (by) {
        out.push({ ...base, target: textBefore(text, clause.start, cueStart) || base.target, actor: by.key, actorText: by.name, weight: 0.9 });
        continue;
      }
    }
    // A passive with no agent ("the plan was rejected"): its subject is what the cue is about,
    // and nobody in the sentence is said to hold it. "Is opposed to", "is committed to" are stances.
    if (!cue.experiencer && PASSIVE_RE.test(before) && /(?:ed|en)$/i.test(surface.split(/\s/)[0]!) && !/^(?:oppose|commit to)$/.test(m.phrase)) continue;
    if (inQuote) {
      // A named subject inside the quotation holds its own cue ("the ministry backs it," he said).
      const own = adjacentSubject(ctx, cueStart);
      base.target = targetOf(text, cueEnd, Math.min(clause.end, inQuote.end));
      if (own && own.start >= inQuote.start) {
        out.push({ ...base, actor: own.key, actorText: own.name, weight: 1 });
        continue;
      }
      const k = actorKey(inQuote.speaker!);
      out.push({ ...base, actor: k.key, actorText: inQuote.speaker!, weight: 1 });
      // The speaker's organization speaks through them ("the agency's chief negotiator").
      const org = inQuote.role ? /(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)[’']s\b/u.exec(inQuote.role) : null;
      if (org) {
        const k2 = actorKey(org[1]!);
        out.push({ ...base, actor: k2.key, actorText: k2.name, weight: 0.6 });
      }
      continue;
    }
    // A noun voiced by a verb ("the board expressed strong support for"): the verb's subject holds it.
    const voiced = /(?:ed|ing)$/i.test(surface) ? -1 : lightVerbBefore(ctx, cueStart);
    if (voiced >= 0) {
      for (const a of holders(ctx, voiced, true)) out.push({ ...base, actor: a.key, actorText: a.name, weight: a.weight });
      continue;
    }
    if (AGENT_NOUNS.has(m.phrase)) {
      // "Okafor met Ana Ruiz, a longtime critic of the dam,": the one the apposition describes;
      // "Acme is a supporter of": the copula's subject. Else a group named by its side ("thousands
      // of supporters of", "reminded critics of") holds nothing anyone named holds.
      const described = appositionOf(ctx, cueStart);
      if (described) out.push({ ...base, actor: described.key, actorText: described.name, weight: 1 });
      else if (COPULA_BEFORE.test(before))
        for (const a of holders(ctx, cueStart, false)) out.push({ ...base, actor: a.key, actorText: a.name, weight: a.weight });
      else for (const a of membersOf(ctx, cueEnd)) out.push({ ...base, actor: a.key, actorText: a.name, weight: 0.9 });
      continue;
    }
    // A noun owned by a name: "Peru's rejection of", "Acme's support for" — the owner holds it.
    const owner = /(?:ed|ing)$/i.test(surface) ? undefined : ownerOf(ctx, cueStart);
    if (owner) {
      out.push({ ...base, actor: owner.key, actorText: owner.name, weight: 1 });
      continue;
    }
    // "A's opposition to X and its support for Y": the pronoun is the holder of the stance before.
    if (AND_ITS_BEFORE.test(before)) {
      const prev = out.filter((f) => f.cueEnd <= cueStart && f.sentence.start === s.start);
      const firstOfPrev = prev.filter((f) => f.cueStart === prev[prev.length - 1]?.cueStart);
      for (const f of firstOfPrev) out.push({ ...base, actor: f.actor, actorText: f.actorText, weight: f.weight });
      continue;
    }
    const nominal = NOMINAL_BEFORE.test(text.slice(Math.max(s.start, cueStart - 30), cueStart));
    for (const a of holders(ctx, cueStart, !nominal)) out.push({ ...base, actor: a.key, actorText: a.name, weight: a.weight });
  }
  return out;
}

// A stance only claimed ("claims to support", "professes to back") ...
const CLAIMED_BEFORE_RE = /\b(?:claim(?:s|ed)?|profess(?:es|ed)?|purport(?:s|ed)?|pretend(?:s|ed)?)\s+to\s+(?:\p{Ll}+ly\s+)?$/u;
// ... and belied in a later clause of the sentence: "but does virtually nothing to", "yet has done little to", "and fails to".
const BELIED_RE =
  /\b(?:(?:does|do|did|has\s+done|have\s+done|is\s+doing|are\s+doing)\s+(?:virtually\s+|almost\s+|next\s+to\s+|very\s+|precious\s+)?(?:nothing|little)\s+(?:at\s+all\s+)?to|fail(?:s|ed)?\s+to|(?:does|do|did)\s+not\s+\p{L}+\s+(?:a\s+)?finger\s+to)\b/iu;

/**
 * "A said the WTO claims to back C but does nothing to D": a stance the claimant only claims and
 * the reporter belies is the reporter's criticism of the claimant (the cue's fact stays the
 * claimant's, as what it claims). Without a reporting verb the writer speaks: nobody's fact.
 */
function hollowClaims(ctx: Ctx, pi: number, sentence: string, matches: Array<CueMatch<Cue>>): StanceDraft[] {
  const { text, sentence: s } = ctx;
  const out: StanceDraft[] = [];
  for (const m of matches) {
    if (m.value.polarity !== "support") continue;
    const claimed = CLAIMED_BEFORE_RE.exec(sentence.slice(Math.max(0, m.start - 40), m.start));
    if (!claimed) continue;
    const belied = BELIED_RE.exec(sentence.slice(m.end));
    if (!belied) continue;
    const claimAt = s.start + m.start - claimed[0].length;
    const report = ctx.speech.filter((v) => v.end <= claimAt).pop();
    if (!report) continue;
    const claimant = ctx.mentions.filter((x) => x.start >= report.end && x.end <= claimAt).pop();
    if (!claimant) continue;
    const cueStart = s.start + m.end + belied.index;
    const cueEnd = cueStart + belied[0].length;
    for (const h of holders(ctx, report.start, true))
      out.push({
        passage: pi,
        actor: h.key,
        actorText: h.name,
        cue: text.slice(cueStart, cueEnd),
        cueClass: "criticism",
        cueStart,
        cueEnd,
        polarity: "oppose",
        negated: false,
        target: claimant.name,
        sentence: { start: s.start, end: s.end },
        clause: { start: report.end, end: s.end },
        weight: 0.9 * h.weight,
      });
  }
  return out;
}

/** "the backing of Acme chairman Ana Ruiz": the person an organization and a title describe, right at `from`. */
function describedAfter(ctx: Ctx, from: number): Holder | undefined {
  const org = ctx.mentions.find((x) => x.start >= from && /^\s*(?:the\s+)?$/i.test(ctx.text.slice(from, x.start)));
  if (!org) return undefined;
  const person = ctx.mentions.find(
    (x) => x.start > org.end && personName(x.text) && /^(?:[’']s)?\s+(?:[\p{Ll}-]+\s+){1,3}$/u.test(ctx.text.slice(org.end, x.start)),
  );
  return person ? { key: person.key, name: person.name, weight: 1 } : undefined;
}

// A possessive and the noun's modifiers between an owner and its noun: "’s", "’s full", "’ fierce".
const OWNED_GAP_RE =
  /^[’']s?\s+(?:(?:full|strong|continued|open|fierce|firm|public|tacit|unwavering|outright|total|staunch|vocal|long-standing|longstanding)\s+)?$/u;

/** The name whose possessive owns a noun cue ("Peru's outright rejection"), if any. */
function ownerOf(ctx: Ctx, cueStart: number): ActorMention | undefined {
  return ctx.mentions.find((x) => x.end <= cueStart && cueStart - x.end < 30 && OWNED_GAP_RE.test(ctx.text.slice(x.end, cueStart)));
}

// A coordinated noun cue whose possessive pronoun points back: "… and its support for".
const AND_ITS_BEFORE = /\band\s+(?:its|their|his|her)\s+$/i;

// Nouns of those who take a side: "a critic of", "a supporter of".
const AGENT_NOUNS = new Set(["critic of", "opponent of", "supporter of", "proponent of", "advocate of", "champion of"]);
// An apposition's article and modifiers before such a noun: ", a longtime", ", one of the fiercest".
const APPOSITION_BEFORE = /^\s*,\s*(?:(?:a|an|the|one|another)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;

// A copula and the noun's article and modifiers: "is a staunch", "has been one of the fiercest".
const COPULA_BEFORE =
  /\b(?:is|are|was|were|be|been|being|remains?|remained|became|becomes?|(?:emerged?|emerges|emerging|stands?|stood|known|seen|regarded|described)\s+as)\s+(?:a|an|one\s+of\s+the)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
// "Critics of the dam, including Ana Ruiz,": the names a group of one side is said to include.
// (What the side is for or against is a short noun phrase: a few words before the comma.)
const MEMBERS_AFTER_RE = /^(?:\s+[\p{L}\d'’-]+){1,5},\s*(?:including|such\s+as|among\s+them|notably|led\s+by)\s+(?:the\s+)?$/iu;

/** The names a side's group is said to include ("critics of the dam, including Ana Ruiz and Acme,"). */
function membersOf(ctx: Ctx, cueEnd: number): ActorMention[] {
  const first = ctx.mentions.find((x) => x.start > cueEnd && x.start - cueEnd < 120 && MEMBERS_AFTER_RE.test(ctx.text.slice(cueEnd, x.start)));
  if (!first) return [];
  const out = [first];
  for (const x of ctx.mentions.slice(ctx.mentions.indexOf(first) + 1)) {
    if (!/^\s*(?:,|,?\s*and)\s*(?:the\s+)?$/.test(ctx.text.slice(out[out.length - 1]!.end, x.start))) break;
    out.push(x);
  }
  return out;
}

/** The name an apposition describes ("Ana Ruiz, a longtime critic of"), if the cue is in one. */
function appositionOf(ctx: Ctx, cueStart: number): ActorMention | undefined {
  return ctx.mentions.filter((x) => x.end <= cueStart && cueStart - x.end < 60 && APPOSITION_BEFORE.test(ctx.text.slice(x.end, cueStart))).pop();
}

/**
 * Evaluations: an actor who says or calls something with evaluative words ("said the plan
 * would be a costly mistake", "called the count a fraud", a quotation full of praise). One fact
 * per holder and sentence; none where a cue already says what the holder thinks.
 */
function evaluationFacts(
  ctx: Ctx,
  pi: number,
  quoted: QuoteDraft[],
  cueFound: StanceDraft[],
  cueMatches: Array<CueMatch<Cue>>,
  frameMatches: Array<CueMatch<true>>,
): StanceDraft[] {
  const { text, sentence: s } = ctx;
  // (`series`: a later "; that" clause of the same verb, a fact of its own.)
  const spans: Array<{ holder: Holder; start: number; end: number; series?: boolean }> = [];
  // Reporting and naming frames in the sentence: the content is what follows the verb.
  // "Acme's view of", "a call for": a framing word used as a noun frames nothing.
  const verbFrames = frameMatches.filter((m) => !NOUN_FRAME_BEFORE.test(text.slice(Math.max(s.start, s.start + m.start - 30), s.start + m.start)));
  const frames = [...ctx.speech, ...verbFrames.map((m) => ({ start: s.start + m.start, end: s.start + m.end }))];
  for (const f of frames) {
    // "was told", "has been informed": the subject hears it, nobody says it.
    if (PASSIVE_RE.test(text.slice(Math.max(s.start, f.start - 30), f.start))) continue;
    // What is said is near the verb: a bounded span keeps long sentences cheap.
    const end = Math.min(clauseEndAfter(ctx, f.end, true), f.end + MAX_SAID);
    // Words that evaluate nothing give no holder a stance: the holders are not looked for.
    if (end - f.end < 8 || !evaluates(text.slice(f.end, end))) continue;
    const hs = holders(ctx, f.start, true).filter((h) => h.weight >= 0.9);
    for (const h of hs) {
      spans.push({ holder: h, start: f.end, end });
      for (const c of thatSeries(ctx, end)) spans.push({ holder: h, ...c, series: true });
    }
  }
  // Nouns of opinion with their holder: "the view of A that …", "in A's view, …", "A's position is that …".
  for (const o of opinionsIn(ctx)) {
    const end = Math.min(clauseEndAfter(ctx, o.start, true), o.start + MAX_SAID);
    if (end - o.start >= 8) spans.push({ holder: o.holder, start: o.start, end });
  }
  // Quotations with a speaker: the quoted words, or the sentence when only a few words are quoted.
  for (const q of quoted) {
    const start = Math.max(q.start, s.start);
    const end = Math.min(q.end, s.end);
    const short = end - start < 0.5 * (s.end - s.start);
    const k = actorKey(q.speaker!);
    const from = short ? s.start : start;
    spans.push({ holder: { key: k.key, name: q.speaker!, weight: 1 }, start: from, end: Math.min(short ? s.end : end, from + 2 * MAX_SAID) });
  }
  const out: StanceDraft[] = [];
  const done = new Set<string>();
  for (const sp of spans) {
    const key = sp.series ? `${sp.holder.key}@${sp.start}` : sp.holder.key;
    if (done.has(key) || sp.end - sp.start < 8) continue;
    // A cue in the words (whoever holds it) says more precisely what they are about.
    if (cueFound.some((f) => f.actor === sp.holder.key) || cueMatches.some((m) => s.start + m.start >= sp.start - 20 && s.start + m.end <= sp.end)) continue;
    const content = text.slice(sp.start, sp.end);
    const e = evaluate(content);
    if (e.weight < 1 || !e.word) continue;
    done.add(key);
    const polarity: Polarity = e.score > 0 ? "support" : e.score < 0 ? "oppose" : "neutral";
    out.push({
      passage: pi,
      actor: sp.holder.key,
      actorText: sp.holder.name,
      cue: e.word,
      cueClass: EVALUATION,
      cueStart: sp.start + e.start,
      cueEnd: sp.start + e.end,
      polarity,
      negated: false,
      target: trimTarget(content)
        .replace(/^that\s+/i, "")
        .split(/\s+/)
        .slice(0, 24)
        .join(" "),
      sentence: { start: s.start, end: s.end },
      clause: { start: sp.start, end: sp.end },
      weight: 0.7 * sp.holder.weight,
    });
  }
  return out;
}

// "; that …" after what a verb says: one more clause of the same verb's content.
const SERIES_THAT_RE = /^\s*;\s*(?:and\s+|or\s+)?that\s/i;

/**
 * "A says B is unfair; that nobody heeds C; that D must go": each clause a semicolon and "that"
 * open after the first is said by the same verb (the semicolon is a list's comma here, no new
 * sentence), up to the first clause that is no such continuation.
 */
function thatSeries(ctx: Ctx, from: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let at = from;
  for (let k = 0; k < 8; k++) {
    const m = SERIES_THAT_RE.exec(ctx.text.slice(at, Math.min(ctx.sentence.end, at + 16)));
    if (!m) break;
    const start = at + m[0].length;
    const end = Math.min(clauseEndAfter(ctx, start, true), start + MAX_SAID);
    if (end <= start) break;
    out.push({ start, end });
    at = end;
  }
  return out;
}

// A possessive or a determiner right before a framing word: it is a noun.
const NOUN_FRAME_BEFORE = /(?:\p{L}[’']s?|\b(?:the|a|an|its|their|his|her|our|my|this|these|those))\s+$/iu;

// Nouns that name an opinion someone holds.
const OPINION_WORDS = "views?|opinion|sentiments?|belief|position|assessment|conclusion|conviction";
const OPINION_RE = new RegExp(`\\b(?:${OPINION_WORDS})\\b`, "giu");
const OPINION_WORD_RE = new RegExp(`\\b(?:${OPINION_WORDS})\\b`, "iu");
// "… of A that", "… of A, that": the holder ends right before "that".
const THAT_AFTER_HOLDER_RE = /^\s*,?\s*that\s/iu;
// "in A's view,": the opinion's content follows the comma; "A's view is that": it follows "that".
const IN_VIEW_BEFORE_RE = /\b(?:in|by)\s+$/iu;
const IS_OF_THE_BEFORE_RE = /\b(?:is|are|was|were|be|been|remains?|remained)\s+of\s+the\s+$/iu;
const IS_THAT_AFTER_RE = /^\s+(?:is|was|remains|remained)\s+that\s/iu;

/**
 * Opinions named by a noun with their holder, and where what they hold starts: "the view of A
 * that …", "shared the belief of A that …", "in A's view, …", "A's position is that …", "A
 * is of the view that …".
 */
function opinionsIn(ctx: Ctx): Array<{ holder: Holder; start: number }> {
  const { text, sentence: s } = ctx;
  const sentence = text.slice(s.start, s.end);
  const out: Array<{ holder: Holder; start: number }> = [];
  for (const o of sentence.matchAll(OPINION_RE)) {
    const at = s.start + o.index;
    const after = at + o[0].length;
    // "A is of the view that …": the copula's subject holds it.
    const isOf = IS_OF_THE_BEFORE_RE.exec(text.slice(Math.max(s.start, at - 20), at));
    const thatNext = /^\s*,?\s*that\s/i.exec(text.slice(after, after + 8));
    if (isOf && thatNext) {
      for (const h of holders(ctx, at - isOf[0].length, true)) out.push({ holder: h, start: after + thatNext[0].length });
      continue;
    }
    const of = /^\s+of\s+/i.exec(text.slice(after, after + 8));
    if (of) {
      // The last name before the first "that" of the next words ("the view of Acme's chief economist Ana Ruiz that").
      const that = /\bthat\s/i.exec(text.slice(after, Math.min(s.end, after + 120)));
      if (!that) continue;
      const thatAt = after + that.index;
      const holder = ctx.mentions.filter((m) => m.start >= after && m.end <= thatAt && THAT_AFTER_HOLDER_RE.test(text.slice(m.end, thatAt + 5))).pop();
      if (holder) out.push({ holder: { key: holder.key, name: holder.name, weight: 1 }, start: thatAt + that[0].length });
      continue;
    }
    // A possessive right before the noun: "Ana Ruiz's view", "Acme's position".
    const owner = ctx.mentions.find((m) => m.end <= at && /^(?:[’']s?)?\s+$/.test(text.slice(m.end, at)) && /[’']s?\s+$/.test(text.slice(m.start, at)));
    if (!owner) continue;
    const holder = { key: owner.key, name: owner.name, weight: 1 };
    const comma = /^\s*,\s*/.exec(text.slice(after, after + 4));
    if (comma && IN_VIEW_BEFORE_RE.test(text.slice(Math.max(s.start, owner.start - 8), owner.start))) out.push({ holder, start: after + comma[0].length });
    const isThat = IS_THAT_AFTER_RE.exec(text.slice(after, after + 30));
    if (isThat) out.push({ holder, start: after + isThat[0].length });
  }
  return out;
}

/** Whether words hold an evaluation strong enough to be a stance (the test evaluationFacts applies). */
function evaluates(content: string): boolean {
  const e = evaluate(content);
  return e.weight >= 1 && !!e.word;
}

// Quote marks and punctuation around what was said (a plain scan: the regex /^[…]+|[…]+$/g
// tried the trailing class at every position of every evaluated span).
const LEAD_TRIM = new Set([..." ,:\"“”'‘’"]);
const TAIL_TRIM = new Set([..." ,.;:\"“”'‘’"]);
const SPACE_RE = /\s/;
function trimTarget(content: string): string {
  let a = 0;
  let b = content.length;
  while (a < b && (LEAD_TRIM.has(content[a]!) || SPACE_RE.test(content[a]!))) a++;
  while (b > a && (TAIL_TRIM.has(content[b - 1]!) || SPACE_RE.test(content[b - 1]!))) b--;
  return content.slice(a, b);
}

function targetOf(text: string, from: number, to: number): string {
  const rest = text.slice(from, to);
  // The target ends with its clause: at a comma, a dash or a semicolon.
  const clause = rest.split(/\s(?:--|—|–)\s|;|,/)[0]!;
  const words = clause
    .replace(/^[\s,:]+/, "")
    .replace(/^(?:on|of|against|for|to|from|that|as|with|over|about|at|by)\s+/i, "")
    .split(/\s+/)
    .slice(0, 16);
  return words.join(" ").replace(/[\s,.;:]+$/, "");
}

const ACRONYM_IN_BRACKETS = /\(\p{Lu}[\p{Lu}&.-]{1,7}\)/u;

/** "the Council of Coastal States (CCS)": the acronym names the same actor, in this document. */
function acronymIndex(docText: string): Map<string, { key: string; name: string }> {
  const idx = new Map<string, { key: string; name: string }>();
  // Most documents have no acronym in brackets: skip the costly scan for a name before one.
  if (!ACRONYM_IN_BRACKETS.test(docText)) return idx;
  for (const m of docText.matchAll(/(\p{Lu}[\p{L}.&'’-]*(?:\s+(?:of|and|for|the|on|\p{Lu}[\p{L}.&'’-]*)){1,7})\s+\((\p{Lu}[\p{Lu}&.-]{1,7})\)/gu)) {
    const full = m[1]!.replace(/^The\s+/, "");
    const acronym = m[2]!;
    if (full[0] !== acronym[0] || isKnownAlias(acronym)) continue;
    idx.set(actorKey(acronym).key, actorKey(full));
  }
  return idx;
}

/**
 * A bare surname ("Ruiz", "Mrs. Ruiz") as the person the document names in full, by people.ts's
 * rules. `register` first gives the register the full names only this reader sees (once).
 */
function fullPerson(m: ActorMention, title: string | undefined, people: People, pi: number, register: () => void): ActorMention {
  const words = m.text.split(" ");
  if (words.length > 2 || (words.length === 2 && !HONORIFIC.test(words[0]!))) return m;
  // A country or known organization is itself, whoever shares its name.
  if (isKnownAlias(m.text)) return m;
  register();
  const full = people.fullName(title && words.length === 1 ? `${title} ${m.text}` : m.text, pi * 1_000_000 + m.start, personName);
  if (!full) return m;
  const k = actorKey(full);
  return { ...m, key: k.key, name: k.name };
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr)\.?$/i;
const TITLE_BEFORE_RE = /\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+$/;

/**
 * Whether a full name in the register may stand for a bare surname here: a person's name by the
 * actor rules ("Canadian Acme", "Preliminary DNA", "Acme's RT" are none), with a first name the
 * lexicon knows never taken for a demonym ("Julian"), a surname's inner capital or hyphen
 * ("McRae", "Al-Tamimi") and a particle ("De la Cruz") a person's spelling; and opening with no
 * function word ("Unlike Acme").
 */
function personName(name: string): boolean {
  const words = name.split(" ").filter((w) => !/^(?:de|la|le|da|di|du|van|von|der|bin|al|el)$/.test(w));
  const first = words[0]!.toLowerCase();
  if (isFunctionWord(first)) return false;
  const plain = words
    .map((w, i) => (i === 0 && (FEMALE_NAMES.has(first) || MALE_NAMES.has(first)) ? "Ana" : /\p{Ll}/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w))
    .join(" ");
  return isPersonLike({ text: plain, ...actorKey(name), start: 0, end: 0 });
}

/**
 * The persons' full names in the document's text (two to four capitalized words that are no
 * organization), for the register: news writing names a person in full once, then by surname.
 */
function namesInText(passages: PassageDraft[], isName: (w: string, next: string) => boolean): Array<{ name: string; at: number }> {
  const out: Array<{ name: string; at: number }> = [];
  passages.forEach((p, pi) => {
    for (const s of p.sentences)
      for (const m of actorMentions(p.text.slice(s.start, s.end), s.start, isName))
        if (isPersonLike(m) && !HONORIFIC.test(m.text.split(" ")[0]!)) out.push({ name: m.text, at: pi * 1_000_000 + m.start });
  });
  return out;
}
