// Stance cues: who supports or opposes what. A cue (lexicon) is tied to an actor — the speaker
// when it sits inside a quotation, else the subject of its clause — with negation ("stopped short
// of", "not talking about", "rather than") and the words it points at.
import type { PassageDraft } from "../knowledge/passages.js";
import type { Polarity, StanceFact } from "../types.js";
import { type ActorMention, actorKey, actorMentions } from "./actors.js";
import cues from "./lexicons/stance-cues.json" with { type: "json" };
import { PhraseMatcher } from "../text/phrases.js";
import type { QuoteDraft } from "./quotes.js";

/** A stance fact as extracted from one document: the passage index is local to the document. */
export type StanceDraft = Omit<StanceFact, "passageId"> & { passage: number };

interface Cue {
  word: string;
  cls: string;
  polarity: Polarity;
}

const CUE_BY_WORD = new Map<string, Cue>();
for (const [cls, def] of Object.entries(cues.classes)) {
  for (const w of def.words) CUE_BY_WORD.set(w.toLowerCase(), { word: w, cls, polarity: def.polarity as Polarity });
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CUES = new PhraseMatcher<Cue>(CUE_BY_WORD.entries());
const NEGATOR_RE = new RegExp(`(?:\\b(?:${cues.negators.filter((n) => n !== "n't").sort((a, b) => b.length - a.length).map(escape).join("|")})\\b|n't)(?:\\s+\\S+){0,3}\\s*$`, "i");

export function cueClassesIn(text: string): Cue[] {
  return [...CUES.matches(text)].map((m) => m.value);
}

// Words that are cues only as verbs: "refused to back the plan", "will support it" — not
// "back doors" or "with the support of".
const VERB_ONLY = new Set(["back", "support"]);
const VERB_CONTEXT = /\b(?:to|will|would|not|n't|never|also|did|does|do|could|can|may|might|must|should|and|shall|strongly|fully|firmly)\s+$|n't\s+$/i;

// Clause breaks inside a sentence: a new subject can start after these.
const CLAUSE_BREAK_RE = /\s(?:--|—|–)\s|;|,\s+(?:but|while|whereas|although|though|and)\s|\s(?:but|while|whereas|where|which|who|that)\s/g;
// A cue used as a noun ("an outright ban", "a European embrace") has no clause subject of its own.
const NOMINAL_BEFORE = /\b(?:a|an|the|its|their|his|her|our|this|any|no|outright|total|full|partial|possible|proposed)\s+(?:\p{Lu}\p{Ll}+(?:ese|ean|ian|ish|ic|an|ch)\s+)?$/u;

export function extractStances(passages: PassageDraft[], quotes: QuoteDraft[]): StanceDraft[] {
  const docText = passages.map((p) => p.text).join("\n");
  // A sentence-initial capitalized word is a name when the document also capitalizes it mid-sentence,
  // or when a verb follows it and the document never writes it in lower case.
  const seen = new Map<string, { midSentence: boolean; lower: boolean }>();
  const usage = (w: string) => {
    let u = seen.get(w);
    if (!u) {
      u = { midSentence: new RegExp(`[^.!?"“\\s]\\s+${escape(w)}\\b`).test(docText), lower: new RegExp(`\\b${escape(w.toLowerCase())}\\b`).test(docText) };
      seen.set(w, u);
    }
    return u;
  };
  const isName = (w: string, next: string): boolean =>
    usage(w).midSentence || (/^(?:has|have|had|is|was|were|are|will|would|did|does|do|said|says|can|could|may|might|must|should|also|\p{Ll}+ed|\p{Ll}+s)$/u.test(next) && !usage(w).lower);
  const persons = personIndex(quotes, docText);
  const out: StanceDraft[] = [];
  const directByPassage = new Map<number, QuoteDraft[]>();
  for (const q of quotes) if (q.direct && q.speaker) directByPassage.set(q.passage, [...(directByPassage.get(q.passage) ?? []), q]);
  passages.forEach((p, pi) => {
    const direct = directByPassage.get(pi) ?? [];
    for (const s of p.sentences) {
      const sentence = p.text.slice(s.start, s.end);
      const cueMatches = [...CUES.matches(sentence)];
      if (cueMatches.length === 0) continue; // most sentences carry no stance: skip the actor work
      const mentions = actorMentions(sentence, s.start, isName).map((m) => resolvePerson(m, persons));
      const breaks = [...sentence.matchAll(CLAUSE_BREAK_RE)].map((m) => s.start + m.index);
      for (const m of cueMatches) {
        const cue = m.value;
        if (VERB_ONLY.has(m.phrase) && !VERB_CONTEXT.test(sentence.slice(0, m.start))) continue;
        const cueStart = s.start + m.start;
        const cueEnd = s.start + m.end;
        const before = p.text.slice(Math.max(s.start, cueStart - 60), cueStart);
        const negated = NEGATOR_RE.test(before);
        const target = targetOf(p.text, cueEnd, s.end);
        const base = { passage: pi, cue: sentence.slice(m.start, m.end), cueClass: cue.cls, cueStart, cueEnd, polarity: cue.polarity, negated, target, sentence: { start: s.start, end: s.end } };
        const inQuote = direct.find((q) => q.start <= cueStart && cueEnd <= q.end);
        if (inQuote) {
          const k = actorKey(inQuote.speaker!);
          base.target = targetOf(p.text, cueEnd, Math.min(s.end, inQuote.end));
          out.push({ ...base, actor: k.key, actorText: inQuote.speaker!, weight: 1 });
          // The speaker's organization speaks through them ("Huawei's Chief Representative").
          const org = inQuote.role ? /(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)[’']s\b/u.exec(inQuote.role) : null;
          if (org) {
            const k2 = actorKey(org[1]!);
            out.push({ ...base, actor: k2.key, actorText: k2.name, weight: 0.6 });
          }
          continue;
        }
        const nominal = NOMINAL_BEFORE.test(p.text.slice(Math.max(s.start, cueStart - 30), cueStart));
        for (const a of subjects(p.text, mentions, breaks, s.start, cueStart, !nominal)) out.push({ ...base, actor: a.key, actorText: a.name, weight: a.weight });
      }
    }
  });
  return out;
}

/** The subject(s) of the clause holding the cue: its first actor, and actors joined to it by "and". */
function subjects(text: string, mentions: ActorMention[], breaks: number[], sentenceStart: number, cueAt: number, verbal: boolean): Array<{ key: string; name: string; weight: number }> {
  const clauseStart = Math.max(sentenceStart, ...breaks.filter((b) => b < cueAt));
  // An actor right before the verb ("in July Huawei warned") is its subject whatever came first.
  const adjacent = verbal ? mentions.filter((m) => m.end <= cueAt && /^\s+(?:(?:has|have|had|was|were|is|are|also|always|repeatedly|formally|publicly|reportedly|itself|themselves|then|later|since|already|not|never|did|does|do|would|will|could|may|might|should)\s+){0,3}$/i.test(text.slice(m.end, cueAt))).pop() : undefined;
  let inClause = adjacent ? [adjacent] : mentions.filter((m) => m.start >= clauseStart && m.end <= cueAt);
  let weight = 1;
  if (inClause.length === 0 && verbal) {
    // A verb phrase with no subject of its own (", but has always denied…"): the sentence's subject.
    inClause = mentions.filter((m) => m.end <= cueAt).slice(0, 1);
    weight = 0.8;
  }
  const first = inClause[0];
  if (!first) return [];
  // Actors joined to the subject by "and" share the cue ("Australia and New Zealand have blocked").
  const joined = (a: ActorMention, b: ActorMention): boolean => /^\s*(?:and|,\s*and|&|,)\s*(?:the\s+)?$/i.test(text.slice(a.end, b.start));
  const group = [first];
  for (let i = mentions.indexOf(first) - 1; i >= 0 && mentions[i]!.start >= clauseStart && joined(mentions[i]!, group[0]!); i--) group.unshift(mentions[i]!);
  for (let i = mentions.indexOf(first) + 1; i < mentions.length && mentions[i]!.end <= cueAt && joined(group[group.length - 1]!, mentions[i]!); i++) group.push(mentions[i]!);
  return group.map((m) => ({ key: m.key, name: m.name, weight }));
}

function targetOf(text: string, from: number, to: number): string {
  const rest = text.slice(from, to);
  // The target ends with its clause: at a comma, a dash or a semicolon.
  const clause = rest.split(/\s(?:--|—|–)\s|;|,/)[0]!;
  const words = clause.replace(/^[\s,:]+/, "").replace(/^(?:on|of|against|for|to|from|that|as)\s+/i, "").split(/\s+/).slice(0, 16);
  return words.join(" ").replace(/[\s,.;:]+$/, "");
}

type PersonIndex = Map<string, string>;

/** Surname → full name, from the quotes' speakers and two-word capitalized names in the text. */
function personIndex(quotes: QuoteDraft[], _docText: string): PersonIndex {
  const idx: PersonIndex = new Map();
  for (const q of quotes) {
    if (q.speakerKind !== "person" || !q.speaker) continue;
    const parts = q.speaker.split(" ");
    if (parts.length >= 2) idx.set(parts[parts.length - 1]!.toLowerCase(), q.speaker);
  }
  return idx;
}

function resolvePerson(m: ActorMention, persons: PersonIndex): ActorMention {
  if (!m.text.includes(" ")) {
    const full = persons.get(m.text.toLowerCase());
    if (full) {
      const k = actorKey(full);
      return { ...m, key: k.key, name: k.name };
    }
  }
  return m;
}
