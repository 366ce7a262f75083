// Reading a speaker out of the words around a speech verb: "Regional Transport Commissioner Helen
// Marsh said", "said one port official", "Chen Wei, the country's trade minister, last month called".
import type { SpeakerKind } from "../types.js";
import { FEMALE_NAMES, HONORIFIC_GENDER, KNOWN_ORGS, MALE_NAMES, ORG_SUFFIXES, SPEAKER_NOUNS, TITLE_WORDS } from "./lexicon.js";

export type Gender = "m" | "f";
export type Pronoun = "he" | "she" | "it" | "they" | "i" | "we";

export interface SpeakerNP {
  /** The words as written ("Regional Transport Commissioner Helen Marsh"). */
  text: string;
  /** The speaker to show: a name, an organization, or a description ("one port official"). */
  name: string;
  role: string | null;
  kind: SpeakerKind;
  gender?: Gender;
  pronoun?: Pronoun;
  /** Offsets of `text` in the string that was read. */
  start: number;
  end: number;
}

interface Tok {
  t: string;
  start: number;
  end: number;
}

// Words, quoted nicknames ("Ro"), and punctuation, with offsets.
const TOKEN_RE = /[“"][\p{Lu}][\p{L}'’.-]{0,20}[”"](?=\s+\p{Lu})|[\p{L}\p{N}][^\s,;:()[\]"“”—–]*|[,;:()[\]—–]|\S/gu;

function tokens(s: string, from = 0, to = s.length): Tok[] {
  const out: Tok[] = [];
  // TOKEN_RE itself, its lastIndex set here: nothing in the loop tokenizes again.
  const re = TOKEN_RE;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) && m.index < to) {
    let t = m[0];
    let end = m.index + t.length;
    if (end > to) {
      t = t.slice(0, to - m.index);
      end = to;
    }
    out.push({ t, start: m.index, end });
  }
  return out;
}

const bare = (t: string): string => t.toLowerCase().replace(/[’]/g, "'");
// (Arabic and French name particles bound to the name count as capitalised: al-Rantisi, d'Arcy.)
const isCap = (t: string): boolean => /^[“"]?\p{Lu}/u.test(t) || /^(?:al|el|ad|ar|as|at|an|ash|az|bin|ibn|abu|abd|bint)-\p{Lu}|^[dl]['’]\p{Lu}/u.test(t);
const isTitle = (t: string): boolean => TITLE_WORDS.has(bare(t)) || TITLE_WORDS.has(bare(t).replace(/\.$/, ""));
const isParticle = (t: string): boolean => /^(de|van|von|der|den|da|di|du|la|le|bin|al|el|ibn|del|dos|das|ter|ten|st\.?)$/i.test(t);
const isAcronym = (t: string): boolean => /^(?:\p{Lu}\.?){2,}$/u.test(t);
const DETERMINERS = /^(a|an|the|one|two|three|four|several|some|many|other|another|his|her|their|its|our|this|that|these|those|each|both|all|most)$/i;
const BOUNDARY_WORDS = /^(and|but|or|that|which|while|as|because|so|when|after|before|if|though|although|where|whereas|since|until|then|than|yet)$/i;
const PREPOSITIONS = /^(at|of|from|for|with|in|on|to|by|about|for|into|over|under|between|among|against|during|without)$/i;
const SPEECH_LIKE =
  /^(told|tell|tells|asked|ask|asks|urged|called|named|met|thanked|praised|accused|attacked|blamed|criticized|criticised|joined|and|or|but|than|like|said|says)$/i;
// Conjunctions and sentence adverbs that open a sentence without being part of its subject.
const SENTENCE_ADVERB =
  /^(?:but|and|yet|so|still|also|then|now|however|meanwhile|instead|indeed|later|earlier|again|furthermore|moreover|otherwise|nevertheless|nonetheless|besides|thus|hence|therefore|consequently|additionally|likewise|similarly)$/i;
/** Words that open a subordinate clause ("Although Ortiz won…"): its subject is no speaker, nor a first name. */
export const SUBORDINATORS = "although|though|when|whenever|while|if|unless|because|since|after|before|until|whereas|once|whether";
const SUBORDINATOR = new RegExp(`^(?:${SUBORDINATORS})$`, "i");
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/i;
const TIME_LEAD = /^(?:in|on|since|by|during|until|till|from|through|last|this|next|early|late|mid)$/i;
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;
const PRONOUNS: Record<string, Pronoun> = { he: "he", she: "she", it: "it", they: "they", i: "i", we: "we" };

/** Strips adverbs, auxiliaries and time phrases that sit between a subject and its verb. */
const TAIL_FILLERS = [
  /\s+(?:also|both|later|then|previously|recently|repeatedly|reportedly|once|again|further|first|quickly|simply|only|just|flatly|publicly|privately|angrily|bluntly|immediately|has|have|had|was|is|were|would|will|did|does|do|could|might|may|can|should|must|never|not|always|often|frequently|earlier|subsequently|initially|originally|finally|eventually|herself|himself|itself|themselves|too|however|still|already|even|personally|separately|specifically|directly|openly|confidently|previously|continually|consistently|famously|memorably|approvingly|proudly|loudly|sharply|cheerfully|calmly|firmly|quietly|forcefully|dryly|emphatically)\s*$/i,
  /\s+(?:last|this|next|early|late|earlier|later)\s+(?:week|month|year|weekend|night|morning|evening|afternoon|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\s*$/i,
  /\s+(?:on|in|during|since)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2})?(?:\s+(?:morning|afternoon|evening|night))?\s*$/i,
  /\s+(?:on|in)\s+(?:a|an|the)\s+(?:statement|interview|speech|letter|tweet|post|email|e-mail|release|news conference|press conference)\s*$/i,
];

function stripFillers(s: string): string {
  let prev;
  let cur = s;
  do {
    prev = cur;
    for (const re of TAIL_FILLERS) cur = cur.replace(re, "");
  } while (cur !== prev);
  return cur;
}

/**
 * The subject of a verb that starts at `verbAt`, reading left from it, not before `from`.
 * Handles an apposition between commas: "Ruth Adler, a council vice-chair, said".
 */
export function subjectBefore(text: string, verbAt: number, from: number): SpeakerNP | null {
  // "Sen. Alma Reyes (D-N.M.) said": a parenthetical is blanked, keeping offsets.
  text = maskParentheses(text, from, verbAt);
  const region = stripFillers(text.slice(from, verbAt))
    .replace(/[\s]+$/, "")
    .replace(/\s+,$/, ",");
  if (!region) return null;
  // "…met the new envoy, Jane Roe, who said": a relative pronoun stands for the noun phrase it
  // follows, wherever that phrase sits in its clause.
  const rel = /,\s*(?:who|which)$/i.exec(region);
  if (rel) {
    const head = region.slice(0, rel.index);
    const np = subjectBefore(text, from + head.length, from);
    // "…offered by Ana Ruiz, a planner at the port, who said": the name before the description.
    const comma = head.lastIndexOf(",");
    const desc = comma >= 0 ? head.slice(comma + 1).trim() : "";
    if ((!np || np.kind === "nominal") && /^(?:a|an|the)\s/i.test(desc) && looksLikeRole(desc)) {
      const named = subjectBefore(text, from + comma, from);
      if (named && !named.pronoun && named.kind === "person") return { ...named, role: desc.replace(/^(the|a|an)\s+/i, "") };
    }
    return np && !np.pronoun ? np : null;
  }
  if (region.endsWith(",")) {
    // Try each earlier comma as the end of the subject, the earliest first: the subject starts the
    // clause and may be followed by several appositions ("Lewis Carter, the auditor general of the
    // province, one of the offices suing the agency, said").
    const commas: number[] = [];
    for (let i = region.length - 2; i >= 0 && commas.length < 6; i--) if (region[i] === ",") commas.push(i);
    commas.reverse();
    for (const c of commas) {
      const head = region.slice(0, c);
      const np = trailingNP(head, from);
      if (!np || !atBoundary(head, np.start - from)) continue;
      // "Jorge Alcala, 45, a shopkeeper, said": the age is no role; the words after it are.
      const age = AGE_APPOSITION.exec(`,${region.slice(c + 1, region.length - 1)}`);
      const appos = region
        .slice(c + 1 + (age ? age[0].length - 1 : 0), region.length - 1)
        .replace(/^\s*,/, "")
        .trim();
      if (age && (!appos || opensWithVerb(appos))) return aged(np);
      // ", who had backed the scheme," and ", speaking outside the town hall," describe the subject
      // without being a role.
      if (/^(who|which)\b/i.test(appos) && !appos.includes(",")) return np;
      if (/^\p{Ll}+ing\b/u.test(appos) && !isTitle(appos.split(/\s/)[0]!)) return np;
      // "the council's press officer, Dana Ruiz, said": the name after a description is the
      // speaker and the description is the role.
      if (np.kind === "nominal" && !appos.includes(",")) {
        const apposAt = from + c + 1 + (region.slice(c + 1).length - region.slice(c + 1).trimStart().length);
        const named = trailingNP(appos, apposAt);
        if (named && !named.pronoun && named.kind !== "nominal" && named.start === apposAt) {
          return { ...named, role: [np.text.replace(/^(the|a|an)\s+/i, ""), named.role].filter(Boolean).join(", ") };
        }
      }
      if (!looksLikeRole(appos)) continue;
      if (np.kind === "nominal" && !np.role) np.role = null;
      return { ...(age ? aged(np) : np), role: np.role ? `${np.role}, ${appos}` : appos };
    }
    // "The firm's head cook, Mariela, said": a description, then the name in the apposition.
    const first = commas[0];
    if (first !== undefined && commas.length === 1) {
      const desc = /^\s*((?:[Tt]he|[Aa]n?|\p{Lu}[\p{L}-]*['’]s)\s+(?:\p{Ll}[\p{Ll}'’-]*\s+){0,3}\p{Ll}[\p{Ll}-]*)\s*$/u.exec(region.slice(0, first));
      const apposText = region.slice(first + 1, region.length - 1);
      const apposAt = from + first + 1 + (apposText.length - apposText.trimStart().length);
      const named = desc ? trailingNP(apposText.trim(), apposAt) : null;
      if (named && !named.pronoun && named.kind !== "nominal" && named.start === apposAt) return { ...named, role: desc![1]!.replace(/^(the|a|an)\s+/i, "") };
    }
    // "Her cousin, Councillor Rosa Quispe, shouted": the name is in the apposition.
    const last = commas[commas.length - 1];
    if (last !== undefined) {
      const appos = region.slice(last + 1, region.length - 1);
      const np = trailingNP(appos, from + last + 1);
      if (np && np.kind === "person" && np.name.includes(" ")) {
        const head = region.slice(0, last).trim();
        return { ...np, role: np.role ?? (looksLikeRole(head) && head.split(/\s+/).length <= 8 ? head : null) };
      }
    }
    // ", who said" and similar: no subject here.
    return null;
  }
  // `"…," Ana Ruiz, a columnist for the Harbour Times wrote`: an apposition left unclosed before
  // the verb; the name opens the clause and a lower-case description follows it.
  const unclosed = /^([\s,—–-]*)([^,]{2,80}),\s*((?:a|an|the)?\s*\p{Ll}[^,]{2,200})$/u.exec(region);
  if (unclosed) {
    const np = trailingNP(unclosed[2]!, from + unclosed[1]!.length);
    if (np && np.kind === "person" && np.start === from + unclosed[1]!.length && looksLikeRole(unclosed[3]!))
      return { ...np, role: unclosed[3]!.trim().replace(/^(the|a|an)\s+/i, "") };
  }
  const np = trailingNP(region, from) ?? bareDescription(region, from) ?? placedDescription(region, from);
  if (!np) return null;
  // Nominative pronouns are subjects wherever they stand ("Regarding the delay he said").
  if (np.pronoun && np.pronoun !== "it") return np;
  if (atBoundary(region, np.start - from)) {
    // "Ana Ruiz, Tom Baker and the trust's director said": a list of speakers is reported under the
    // first of them (the last conjunct alone is no better a speaker, and often a fragment).
    if (/^(?:and|or)$/i.test(lastWord(region, np.start - from))) {
      const seg = /^([\s,—–-]*)([^,]+?)(?=,|\s+(?:and|or)\s)/.exec(region);
      const first = seg ? trailingNP(seg[2]!, from + seg[1]!.length) : null;
      if (first && !first.pronoun && first.start === from + seg![1]!.length) return first;
    }
    return np;
  }
  // "a visibly relieved Okafor said": an article and one or two adjectives before a name.
  const adj = /(?:^|[\s,;:—–"“”])((?:a|an|the)\s+((?:[\p{Ll}-]+\s+){1,2}))$/u.exec(region.slice(0, np.start - from));
  if (adj && np.kind !== "nominal" && !np.role && atBoundary(region, adj.index + adj[0].length - adj[1]!.length)) {
    const mods = adj[2]!.trim().split(/\s+/);
    if (
      mods.every((w) => (!PREPOSITIONS.test(w) && !BOUNDARY_WORDS.test(w) && !DETERMINERS.test(w) && !SPEAKER_NOUNS.has(w) && isModifier(w)) || /ly$/.test(w))
    )
      return np;
  }
  const extended = describedBefore(text, region, np, from);
  if (extended) return extended;
  // After a fronted phrase without a comma ("In a radio interview Ortega declared"), a name is
  // still the subject, unless a verb or preposition governs it ("told Bloomberg").
  const prevWord = lastWord(region, np.start - from);
  if (
    np.kind !== "nominal" &&
    /^\p{Ll}+$/u.test(prevWord) &&
    !PREPOSITIONS.test(prevWord) &&
    !DETERMINERS.test(prevWord) &&
    !/(?:ed|ing|s)$/.test(prevWord) &&
    !SPEECH_LIKE.test(prevWord)
  ) {
    return np;
  }
  // Not at a clause start ("…for the Harbour Board Deputy Chair Helen Marsh"):
  // a full personal name is still the subject; keep only the title words next to it.
  if (np.kind === "person" && np.name.split(" ").length >= 2) {
    const role = np.role?.split(" ") ?? [];
    let k = role.length;
    while (k > 0 && isTitle(role[k - 1]!)) k--;
    return { ...np, role: role.slice(k).join(" ") || null };
  }
  return null;
}

/** The speaker after an inverted verb: `said one port official`, `said Oscar Lindqvist, deputy head…`. */
export function subjectAfter(text: string, verbEnd: number, to: number): SpeakerNP | null {
  text = maskParentheses(text, verbEnd, to);
  const toks = tokens(text, verbEnd, to);
  if (toks.length === 0) return null;
  const first = toks[0]!;
  const pro = PRONOUNS[first.t.toLowerCase()];
  if (pro) return pronounNP(first, pro);
  let i = 0;
  const picked: Tok[] = [];
  if (DETERMINERS.test(first.t)) picked.push(toks[i++]!);
  for (; i < toks.length; i++) {
    const tk = toks[i]!;
    const w = tk.t.replace(/\.$/, "");
    if (/^[,;:()[\]—–.!?"“”]$/.test(tk.t)) break;
    // "a person familiar with the matter", "an official close to the talks": the adjective's complement goes on.
    const complement = PREPOSITIONS.test(w) && COMPLEMENT_ADJECTIVE.test(toks[i - 1]?.t ?? "") && picked.length >= 2;
    if (
      BOUNDARY_WORDS.test(w) ||
      (PREPOSITIONS.test(w) &&
        !complement &&
        !(
          w.toLowerCase() === "of" &&
          (isCap(toks[i + 1]?.t ?? "") ||
            (/^the$/i.test(toks[i + 1]?.t ?? "") && isCap(toks[i + 2]?.t ?? "") && isCap(toks[i - 1]?.t ?? "")) ||
            // "deputy chief of staff Ana Ruiz": one lower-case word of the office, then the name.
            (/^\p{Ll}+$/u.test(toks[i + 1]?.t ?? "") && !DETERMINERS.test(toks[i + 1]!.t) && isCap(toks[i + 2]?.t ?? ""))) &&
          isTitle(toks[i - 1]?.t ?? "")
        ))
    )
      break;
    if (/^(who|whom|whose)$/i.test(w)) break;
    // `said Hale Tuesday`: a time word after the name is not part of it.
    if (WEEKDAY.test(w) || (MONTH.test(w) && /^\d/.test(toks[i + 1]?.t ?? ""))) break;
    if (!isCap(tk.t) && !isTitle(tk.t) && !SPEAKER_NOUNS.has(bare(w)) && !/\d/.test(tk.t) && !/^[\p{Ll}-]+(?:['’]s)?$/u.test(w)) break;
    picked.push(tk);
    if (picked.length > 12) return null;
  }
  if (picked.length === 0) return null;
  // A trailing period belongs to the sentence unless it is an initial or abbreviation.
  const last = picked[picked.length - 1]!;
  if (/\.$/.test(last.t) && !/^(?:\p{Lu}\.)+$/u.test(last.t) && !/^(jr|sr|inc|co|corp|ltd)\.$/i.test(last.t)) {
    picked[picked.length - 1] = { t: last.t.slice(0, -1), start: last.start, end: last.end - 1 };
  }
  const lastPicked = picked[picked.length - 1]!;
  let np = analyse(text, picked) ?? ownedDescription(text.slice(picked[0]!.start, lastPicked.end), picked[0]!.start);
  // `said the referee`: after an inverted speech verb any short description is the speaker.
  const longest = picked.some((t, k) => k > 0 && COMPLEMENT_ADJECTIVE.test(picked[k - 1]!.t) && PREPOSITIONS.test(t.t)) ? 7 : 5;
  if (
    !np &&
    picked.length >= 2 &&
    picked.length <= longest &&
    /^(a|an|the|one|another)$/i.test(picked[0]!.t) &&
    picked.slice(1).every((t) => /^[\p{Ll}'’-]+$/u.test(t.t))
  ) {
    const words = text.slice(picked[0]!.start, picked[picked.length - 1]!.end);
    np = { text: words, name: words, role: null, kind: "nominal", start: picked[0]!.start, end: picked[picked.length - 1]!.end };
  }
  if (!np) return null;
  np = withAffiliation(text, np, to);
  const after = text.slice(np.end, to);
  // `said the agency's director, Tobias Renholm.`: a description, then the name in an apposition
  // that closes the clause; the name is the speaker and the description its role.
  if (np.kind === "nominal") {
    const named = /^(\s*,\s*)([^,;:"“”()]{3,80}?)\s*(?:[,.;]|$)/.exec(after);
    const at = np.end + (named?.[1]!.length ?? 0);
    const name = named ? trailingNP(named[2]!, at) : null;
    if (name && !name.pronoun && name.kind === "person" && name.name.includes(" ") && name.start === at && name.end === at + named![2]!.length) {
      return { ...name, role: [np.text.replace(/^(the|a|an|one)\s+/i, ""), name.role].filter(Boolean).join(", ") };
    }
  }
  // An apposition after a comma gives the role: "said Oscar Lindqvist, deputy head of the unit"
  // (after the age in "said Ruiz, 61, a farmer").
  const age = AGE_APPOSITION.exec(after);
  if (age) np = aged(np);
  const appos = /^\s*,\s*([^,"“”]{3,160}?)\s*(?:[,.;]|$)/.exec(age ? after.slice(age[0].length) : after);
  if (appos && looksLikeRole(appos[1]!) && (!age || !opensWithVerb(appos[1]!)) && (np.kind === "person" || np.kind === "unknown")) {
    np.role = np.role ? `${np.role}, ${appos[1]!.trim()}` : appos[1]!.trim();
  }
  return np;
}

/**
 * `said a spokeswoman for the Harbour Authority`, `a lawyer for Ana Ruiz said`: whom a speaker
 * noun speaks for belongs to the description. Only a named one: "one aide of the mayor" is not.
 */
function withAffiliation(text: string, np: SpeakerNP, to: number): SpeakerNP {
  if (np.kind !== "nominal") return np;
  const head = bare(np.text.split(/\s+/).pop()!);
  const prep = /^\s+(?:for|of|at|with|from)\s+/i.exec(text.slice(np.end, to));
  if (!prep || !SPEAKER_NOUNS.has(head)) return np;
  const owner = subjectAfter(text, np.end + prep[0].length, to);
  if (!owner || owner.pronoun || owner.kind === "nominal" || owner.start !== np.end + prep[0].length) return np;
  // ("the College of Westvale": an of-phrase of capitalised words is part of the name.)
  const of = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/u.exec(text.slice(owner.end, to));
  const end = owner.end + (of?.[0].length ?? 0);
  const words = text.slice(np.start, end);
  return { text: words, name: words, role: null, kind: "nominal", start: np.start, end };
}

// An age set off by a comma ("Ruiz, 61, a farmer", "Ana Ruiz, 34, said"): no role, but a person's.
const AGE_APPOSITION = /^\s*,\s*\d{1,3}(?=\s*(?:[,.;]|$))/;

/** "Ana Ruiz, 61, remained defiant": after an age, a finite verb starts the predicate, not a role. */
function opensWithVerb(s: string): boolean {
  const t = s.trimStart();
  return mainVerbAt(t, 0, /^\S+/.exec(t)?.[0].length ?? 0) === 0;
}

/** A name given an age is a person's, whatever the lists say of its words. */
function aged(np: SpeakerNP): SpeakerNP {
  return np.kind === "unknown" ? { ...np, kind: "person" } : np;
}

/** The last word of text[0, end) (after trimming spaces), scanning back: no regex over the prefix. */
export function lastWord(text: string, end = text.length, from = 0): string {
  let e = end;
  while (e > from && /\s/.test(text[e - 1]!)) e--;
  let b = e;
  while (b > from && !/\s/.test(text[b - 1]!)) b--;
  return text.slice(b, e);
}

/** `"…," Ana Ruiz's office said`, `said Ana Ruiz's office`: a name's office, campaign or spokesman speaks for it. */
function ownedDescription(region: string, from: number): SpeakerNP | null {
  const owned = /^([\s,—–-]*)((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*?['’]s\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+))$/u.exec(region);
  if (!owned || !(SPEAKER_NOUNS.has(owned[3]!) || /^(?:office|staff|family|camp)$/.test(owned[3]!))) return null;
  const start = from + owned[1]!.length;
  return { text: owned[2]!, name: owned[2]!, role: null, kind: "nominal", start, end: start + owned[2]!.length };
}

/**
 * `"…," the builder said`: a short description that is all there is between a quote (or the start
 * of the sentence) and the verb is the speaker, whatever its noun.
 */
function bareDescription(region: string, from: number): SpeakerNP | null {
  const owned = ownedDescription(region, from);
  if (owned) return owned;
  const m =
    /^([\s,—–-]*)((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+(?:\s+(\p{Ll}+)\s+(?:with|to|on|about|in)\s+(?:the\s+|a\s+)?[\p{Ll}-]+)?)$/u.exec(
      region,
    );
  if (!m || /\b(?:it|that|this|which|who|there)\b/.test(m[2]!)) return null;
  // A prepositional tail only as an adjective's complement ("a person familiar with the matter").
  if (m[3] && !COMPLEMENT_ADJECTIVE.test(m[3])) return null;
  const start = from + m[1]!.length;
  return { text: m[2]!, name: m[2]!, role: null, kind: "nominal", start, end: start + m[2]!.length };
}

/**
 * `Officials at the port said`, `"…," workers at the plant said`: a description of speakers by
 * where they are, all there is of the clause before the verb. Its head must name people.
 */
function placedDescription(region: string, from: number): SpeakerNP | null {
  const m =
    /^([\s,—–-]*)((?:(?:[Tt]he|[Ss]ome|[Mm]any|[Ss]everal|[Tt]wo|[Tt]hree|[Oo]ther|[Oo]ne|[Aa]n?)\s+)?(?:[\p{Ll}-]+\s+)?([\p{L}-]+)\s+(?:at|of|in|from|near|outside|inside)\s+(?:the|a|an|this|that)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+)$/u.exec(
      region,
    );
  if (!m || !/^\p{L}/u.test(m[2]!) || (/^\p{Lu}/u.test(m[2]!) && m[1]!.trim() !== "")) return null;
  const head = bare(m[3]!);
  if (!(SPEAKER_NOUNS.has(head) || SPEAKER_NOUNS.has(head.replace(/s$/, "")) || /^\p{Ll}+(?:ers|ors|ists|ians|ees)$/u.test(head))) return null;
  const start = from + m[1]!.length;
  return { text: m[2]!, name: m[2]!, role: null, kind: "nominal", start, end: start + m[2]!.length };
}

/**
 * "A spokesman for one of the carriers said": a description whose head comes before one or more
 * prepositional phrases. Walks back over "noun prep" links to a head at the start of the clause.
 */
function describedBefore(text: string, region: string, np: SpeakerNP, from: number): SpeakerNP | null {
  let start = np.start;
  for (let hop = 0; hop < 3; hop++) {
    const before = region.slice(0, start - from);
    const m = /(\S+)\s+(for|of|at|with|from|in|on)\s+$/i.exec(before);
    if (!m) return null;
    const head = bare(m[1]!.replace(/[’']s$/, ""));
    if (!SPEAKER_NOUNS.has(head) && !/^(one|some|several|many|two|three|four|most|all|none|each|any)$/.test(head)) return null;
    const headEnd = before.length - m[0].length + m[1]!.length;
    // A quantifier ("one of the carriers") is its own head; a noun brings its modifiers.
    const headStart = SPEAKER_NOUNS.has(head) ? trailingNP(before.slice(0, headEnd), from)?.start : from + headEnd - m[1]!.length;
    if (headStart === undefined) return null;
    start = headStart;
    if (atBoundary(region, start - from)) {
      const words = text.slice(start, np.end);
      return { text: words, name: words, role: null, kind: "nominal", start, end: np.end };
    }
  }
  return null;
}

/** Blanks out "(…)" groups between from and to, keeping every offset. */
function maskParentheses(text: string, from: number, to: number): string {
  if (text.indexOf("(", from) < 0 || text.indexOf("(", from) >= to) return text;
  const part = text.slice(from, to).replace(/\([^()]{0,60}\)/g, (m) => " ".repeat(m.length));
  return text.slice(0, from) + part + text.slice(to);
}

/**
 * The subject at the start of a sentence (after a fronted phrase ending in a comma, such as
 * "During a speech on Friday,"): the speaker of a participle later on ("…, saying, "…"").
 */
export function leadingSubject(text: string, start: number, end: number): SpeakerNP | null {
  text = maskParentheses(text, start, end);
  const dl = DATELINE.exec(text.slice(start, Math.min(end, start + 120)));
  if (dl && /\d|\p{Lu}{2,}/u.test(dl[0])) start += dl[0].length;
  let from = start;
  const head = text.slice(start, end);
  const fronted =
    /^\s*(?:(?:In|On|At|During|After|Before|As|While|When|Since|However|Meanwhile|Later|Earlier|Last|This|Speaking|Asked|Writing|Appearing|According)\b[^,"“”]{0,80}(?:["“][^"“”]{0,60}["”]\s*,?|,)\s*)/.exec(
      head,
    );
  if (fronted) from = start + fronted[0].length;
  // "Regarding the delay he said": a capitalised participle opens a fronted phrase, not a name.
  else if (/^\s*\p{Lu}\p{Ll}+ing\s+\p{Ll}/u.test(head)) return null;
  // "Undeterred, …", "Separately, …": one fronted word and a comma, not a name with an apposition.
  else {
    const one = /^\s*(\p{Lu}\p{Ll}+),\s*/u.exec(head);
    if (one && /(?:ed|ly|ing|less|ful|over|theless|while|wise)$/.test(one[1]!) && !FEMALE_NAMES.has(bare(one[1]!)) && !MALE_NAMES.has(bare(one[1]!)))
      from = start + one[0].length;
  }
  let toks = tokens(text, from, end);
  // "But Dorsey said…": a sentence-initial conjunction or adverb is not part of the name.
  while (toks[0] && SENTENCE_ADVERB.test(toks[0].t)) toks = toks.slice(1);
  // "Although Ortiz won…", "When Ruiz was asked…": a subordinate clause's subject is not the
  // sentence's, and the conjunction is no part of a name.
  if (toks[0] && SUBORDINATOR.test(toks[0].t)) return null;
  // "By Ana Ruiz" (a byline), "For Ruiz…": a phrase a preposition governs is no subject.
  if (toks[0] && PREPOSITIONS.test(toks[0].t)) return null;
  const pro = toks[0] ? PRONOUNS[toks[0].t.toLowerCase()] : undefined;
  if (pro) return pronounNP(toks[0]!, pro);
  const picked: Tok[] = [];
  let i = 0;
  if (toks[0] && DETERMINERS.test(toks[0].t) && /^(a|an|the|one|two|three)$/i.test(toks[0].t)) picked.push(toks[i++]!);
  for (; i < toks.length; i++) {
    const tk = toks[i]!;
    if (!(isCap(tk.t) || (isParticle(tk.t) && picked.length) || (picked.length && (isTitle(tk.t) || SPEAKER_NOUNS.has(bare(tk.t)))))) break;
    picked.push(tk);
    if (picked.length > 8) return null;
  }
  if (picked.length === 0 || (picked.length === 1 && DETERMINERS.test(picked[0]!.t))) return null;
  // "Anna K. Berg’s novel…": a possessive is not the subject, what it owns is.
  if (/['’]s?$/.test(picked[picked.length - 1]!.t)) return null;
  const np = analyse(undefined, picked);
  if (!np) return null;
  if (picked.length === 1 && np.kind !== "nominal" && modifiesNoun(picked[0]!.t, text.slice(np.end, end))) return null;
  const age = AGE_APPOSITION.exec(text.slice(np.end, end));
  const appos = /^\s*,\s*([^,"“”]{3,160}?)\s*,/.exec(text.slice(np.end + (age?.[0].length ?? 0), end));
  if (appos && looksLikeRole(appos[1]!) && (!age || !opensWithVerb(appos[1]!)) && np.kind !== "nominal")
    np.role = np.role ? `${np.role}, ${appos[1]!.trim()}` : appos[1]!.trim();
  return np;
}

/**
 * A lone capitalised word that opens a noun phrase rather than naming its subject: the head
 * noun and its verb follow ("Solar panel sales fell", "Similar schemes have …"), or a
 * prepositional tail does ("Prices of fuel …", "Trade in grain …"). Never a first name.
 */
function modifiesNoun(word: string, after: string): boolean {
  if (FEMALE_NAMES.has(bare(word)) || MALE_NAMES.has(bare(word))) return false;
  if (/^\s+(?:of|in)\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those)\b)\p{Ll}/u.test(after)) return true;
  const finite = (w: string): boolean => IRREGULAR_FINITE.test(w) || MORE_FINITE.test(w) || (/[^e]ed$|eed$/.test(w) && w.length > 4);
  const noun = (w: string): boolean => !finite(w) && !/ly$/.test(w) && !NOT_NOUN.test(w);
  // "Similar schemes on dairy have …": the head noun, a short prepositional tail, then the verb.
  const tail = /^\s+(\p{Ll}[\p{Ll}-]{2,})\s+(?:on|in|for|of|from|with|between|over|against)\s+(\p{Ll}[\p{Ll}-]*)\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(after);
  if (tail && noun(tail[1]!) && (finite(tail[3]!) || (noun(tail[3]!) && !!tail[4] && finite(tail[4])))) return true;
  const m = /^\s+((?:\p{Ll}[\p{Ll}-]{2,}\s+){1,2})(\p{Ll}+)\b/u.exec(after);
  if (!m) return false;
  return m[1]!.trim().split(/\s+/).every(noun) && finite(m[2]!);
}
// Irregular past forms of verbs of change, common after a figure's subject ("exports grew").
const MORE_FINITE = /^(?:grew|shrank|sank|slid|hit|cut|dipped|slumped|soared|jumped|tumbled)$/;
// Words between a subject and its verb that are no nouns ("Ortega also said", "Hale then left").
const NOT_NOUN =
  /^(?:also|then|still|never|always|again|already|just|only|even|soon|later|once|often|now|first|himself|herself|itself|themselves|too|not|who|which|that|and|but|or|to|has|have|had)$/;

// Adjectives whose prepositional complement belongs to a description ("familiar with the matter").
const COMPLEMENT_ADJECTIVE = /^(?:familiar|close|briefed|knowledgeable|involved|acquainted)$/i;

// A dateline before the first sentence: "KINGSTON, June 4 (Wire) --", "LIMA, Peru —".
const DATELINE = /^\s*\p{Lu}[\p{L}.'’ -]{1,30}(?:,[^,\n"“”:]{1,30}){0,3}\s*(?:--|—|–|:)\s*/u;

// Irregular past and present forms that can be a clause's finite verb (regular ones are found by
// their -ed ending); a closed class of English, not of any one text.
const IRREGULAR_FINITE =
  /^(?:saw|sees|took|takes|gave|gives|made|makes|went|goes|came|comes|said|says|told|tells|wrote|writes|spoke|speaks|met|meets|held|holds|led|leads|left|put|puts|set|sent|sends|kept|keeps|felt|feels|found|finds|thought|thinks|brought|brings|got|gets|won|wins|lost|loses|became|becomes|began|begins|ran|runs|stood|stands|paid|pays|sought|seeks|struck|strikes|threw|drew|draws|knew|knows|meant|means|heard|hears|rose|fell|chose|broke|spent|built|bought|fought|taught|caught|shook|swore|withdrew|upheld|has|have|had|is|are|was|were|will|would|can|could|may|might|must|shall|should|did|does|do)$/;

/** Where the finite verb of the clause starting at `from` is, by form: the first lower-case -ed word or irregular finite form. */
export function mainVerbAt(text: string, from: number, to: number): number {
  const re = /[\p{L}][\p{L}'’-]*/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let prev = "";
  while ((m = re.exec(text)) && m.index < to) {
    const w = m[0];
    // "the so-called experts", "a retired teacher": an -ed word after a determiner is an adjective.
    if (/^\p{Ll}/u.test(w) && (IRREGULAR_FINITE.test(w) || (/[^e]ed$|eed$/.test(w) && w.length > 4 && !DETERMINERS.test(prev)))) return m.index;
    prev = w;
  }
  return -1;
}

// A plural description: an optional determiner or quantity, up to two modifiers, a plural head
// (group 1), and a tail of place ("Nurses at the clinic", "Hundreds of angry drivers").
const GROUP_NP =
  /^(?:(?:the|some|many|several|most|other|two|three|four|five|six|dozens of|hundreds of|thousands of)\s+)?(?:(?!(?:the|a|an|had|has|have|was|were|is|are|be|been|do|did|does|will|would|can|could|should|may|might|must|not|and|or|but|if|when|as|of)\s)[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)(?:\s+(?:at|of|in|from|near|outside)\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+)?$/u;

/**
 * The plural subject that opens a sentence, which a later "they said" refers to rather than an
 * organisation named before: a coordination of names ("Ana Ruiz and Tom Baker founded…", no one
 * speaker: `text` null) or a description of a group ("Local fishermen were furious", as written).
 */
export function groupSubject(text: string, start: number, end: number): { text: string | null; start: number } | null {
  const verb = mainVerbAt(text, start, end);
  if (verb <= start) return null;
  const region = text.slice(start, verb);
  const at = start + region.length - region.trimStart().length;
  const np = region.trim().replace(/\s+(?:also|all|both|have|had|then|later)$/i, "");
  if (/^(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*\s+and\s+(?:(?:his|her|their)\s+\p{Ll}+\s*,?\s*)?(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(np))
    return { text: null, start: at };
  // (Only the first word may be capitalised, as the sentence's first.)
  const lower = np.charAt(0).toLowerCase() + np.slice(1);
  const m = GROUP_NP.exec(lower);
  if (!m || /\p{Lu}/u.test(np.slice(1))) return null;
  // The head names people: a speaker noun in the plural, or a plural of an agent noun ("-ers").
  const head = m[1]!;
  const listed = /[^s]s$/.test(head) && (SPEAKER_NOUNS.has(head) || SPEAKER_NOUNS.has(head.slice(0, -1)));
  const agents = /(?:ers|ors|ists|ians|ees|ants|ents|men|people|police|staff)$/.test(head);
  if (!listed && !(agents && np.includes(" "))) return null;
  return { text: np, start: at };
}

/**
 * The subject of the main clause of a sentence: the noun phrase before its finite verb (after a
 * dateline or a fronted phrase), else the sentence's leading noun phrase. It is who speaks in a
 * quotation that the clause introduces with a non-speech verb, a colon or a participle
 * ("The council rejected the plan, saying "…"", "Roe took aim at the board: "…"").
 */
export function clauseSubject(text: string, start: number, end: number): SpeakerNP | null {
  const dl = DATELINE.exec(text.slice(start, Math.min(end, start + 120)));
  if (dl && /\d|\p{Lu}{2,}/u.test(dl[0])) start += dl[0].length;
  const verb = mainVerbAt(text, start, end);
  if (verb > start) {
    const np = subjectBefore(text, verb, start);
    if (np) return np;
  }
  return leadingSubject(text, start, end);
}

/** The noun phrase at the end of `s` (offset `base` in the original text). */
function trailingNP(s: string, base: number): SpeakerNP | null {
  const toks = tokens(s).map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  if (toks.length === 0) return null;
  const lastTok = toks[toks.length - 1]!;
  const pro = PRONOUNS[lastTok.t.toLowerCase()];
  if (pro) return pronounNP(lastTok, pro);
  // Walk left over name words, then role words.
  let i = toks.length - 1;
  const picked: Tok[] = [];
  let sawName = false;
  for (; i >= 0; i--) {
    const tk = toks[i]!;
    const w = tk.t;
    if (/^[,;:()[\]—–.!?"“”]$/.test(w)) break;
    // Sentence-initial function words are capitalized too ("But Bloomberg reported").
    if (
      isCap(w) &&
      (BOUNDARY_WORDS.test(w) || PREPOSITIONS.test(w) || SENTENCE_ADVERB.test(w) || /^(here|there|thus|today|yesterday|tonight|according)$/i.test(w))
    )
      break;
    // "in July Hallam warned": a month or weekday after a preposition is a date, not a first name.
    if (sawName && (MONTH.test(w) || WEEKDAY.test(w)) && i > 0 && TIME_LEAD.test(toks[i - 1]!.t)) break;
    if (isCap(w) || (isParticle(w) && sawName) || /^(jr|sr)\.?$/i.test(w)) {
      picked.unshift(tk);
      sawName = true;
      continue;
    }
    if (/\d/.test(w) && picked.length) {
      picked.unshift(tk);
      continue;
    }
    // "of" inside a title or an affiliation: "Secretary of State", "Ortega of New Mexico".
    if (/^of$/i.test(w) && picked.length && i > 0 && (isCap(toks[i - 1]!.t) || isTitle(toks[i - 1]!.t))) {
      picked.unshift(tk);
      continue;
    }
    // Prepositional tail of a description: "officials at the Harbour Police Unit".
    if (PREPOSITIONS.test(w) && picked.length && i > 0 && SPEAKER_NOUNS.has(bare(toks[i - 1]!.t)) && !/^of$/i.test(w)) {
      picked.unshift(tk);
      continue;
    }
    // A plain lower-case word modifies a role noun ("national security spokesman") but does not
    // attach to a name ("…interview Ortega").
    const modifier =
      picked.length > 0 &&
      !isCap(picked[0]!.t) &&
      (/^[\p{Ll}-]+$/u.test(w) || /^\p{Ll}+['’]s$/u.test(w)) &&
      !DETERMINERS.test(w) &&
      !BOUNDARY_WORDS.test(w) &&
      !PREPOSITIONS.test(w) &&
      isModifier(w);
    if (isTitle(w) || SPEAKER_NOUNS.has(bare(w)) || modifier) {
      picked.unshift(tk);
      continue;
    }
    // "Mr. Farrow of the River Trust": an affiliation after a name.
    if (/^the$/i.test(w) && picked.length && i > 1 && /^of$/i.test(toks[i - 1]!.t) && isCap(toks[i - 2]!.t) && isCap(picked[0]!.t)) {
      picked.unshift(tk);
      continue;
    }
    if (DETERMINERS.test(w) && picked.length) picked.unshift(tk);
    break;
  }
  if (picked.length === 0 || picked.length > 14) return null;
  return analyse(s.length ? undefined : undefined, picked, base, s);
}

/** Lower-case words that can modify a role noun ("national security", "senior", "local"). */
function isModifier(w: string): boolean {
  if (/(?:ly|ing)$/.test(w) && !/^(?:leading|ruling|governing|outgoing|incoming|acting|sitting|presiding|managing)$/.test(w)) return false;
  return !/^(is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|not|no|it|he|she|they|we|i|you|who|what|there|here|also|still|then|now|just|only|even|never|already|too|again|later|earlier|often|once)$/.test(
    w,
  );
}

function pronounNP(tk: Tok, p: Pronoun): SpeakerNP {
  const np: SpeakerNP = {
    text: tk.t,
    name: tk.t,
    role: null,
    kind: p === "it" ? "organization" : p === "they" ? "unknown" : "person",
    pronoun: p,
    start: tk.start,
    end: tk.end,
  };
  if (p === "he") np.gender = "m";
  if (p === "she") np.gender = "f";
  return np;
}

function looksLikeRole(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 30) return false;
  if (/["“”]/.test(s)) return false;
  // A role reads like "a council vice-chair…", "the country's trade minister", "deputy head of…".
  if (/^(who|which|that|where|when|he|she|it|they|and|but|said|says)\b/i.test(s)) return false;
  if (/^\p{Ll}+ing\b/u.test(s) && !isTitle(words[0]!)) return false;
  if (/\b(said|says|told|added|is|are|was|were)\b/i.test(s) && words.length > 3 && !/\b(who|which)\b/.test(s)) return false;
  return true;
}

/** True when the NP starting at `at` in `s` begins a clause (so it can be a subject, not an object). */
function atBoundary(s: string, at: number): boolean {
  const before = s.slice(0, at).trimEnd();
  if (!before) return true;
  if (/[,;:(—–"“”]$/.test(before) || /\s[-–—]$/.test(before)) return true;
  const w = lastWord(before);
  if (BOUNDARY_WORDS.test(w) || /^(also|however|meanwhile|still)$/i.test(w)) return true;
  // A fronted time phrase ends where the clause starts: "In March Ortiz said", "on Monday the firm said".
  return (MONTH.test(w) || WEEKDAY.test(w)) && TIME_LEAD.test(lastWord(before.slice(0, before.length - w.length).trimEnd()));
}

/** Splits picked words into name and role and decides the kind of speaker. */
function analyse(_unused: undefined | string, picked: Tok[], base = 0, src = ""): SpeakerNP | null {
  void _unused;
  void base;
  void src;
  let toks = picked.slice();
  // Leading determiner stays in a description ("one port official") but not before a name.
  const det = toks.length && DETERMINERS.test(toks[0]!.t) ? toks[0]! : null;
  const text = toks
    .map((t) => t.t)
    .join(" ")
    .replace(/\s+’/g, "’");
  const start = toks[0]!.start;
  const end = toks[toks.length - 1]!.end;
  if (det) toks = toks.slice(1);
  if (toks.length === 0) return null;
  const words = toks.map((t) => t.t);
  // Trailing run of capitalized words (with particles, initials and nicknames) is the name.
  let n = words.length;
  while (n > 0 && (isCap(words[n - 1]!) || (isParticle(words[n - 1]!) && n < words.length))) n--;
  // An affiliation after the name ("Ortega of New Mexico", "Farrow of the River Trust") belongs to the role.
  let affiliation = "";
  // The first "of" after a name opens it when only proper nouns follow ("Ana Ruiz of Friends of
  // the Coast Trust"): the affiliation may itself contain "of the".
  const firstOf = words.findIndex((w, i) => i > 0 && /^of$/i.test(w) && isCap(words[i - 1]!) && !isTitle(words[i - 1]!));
  if (firstOf > 0 && firstOf < n - 1 && words.slice(firstOf + 1).every((w) => isCap(w) || /^(?:of|the|and|&)$/i.test(w))) {
    let k = firstOf;
    while (k > 0 && (isCap(words[k - 1]!) || isParticle(words[k - 1]!))) k--;
    affiliation = words.slice(firstOf).join(" ");
    words.splice(firstOf);
    n = k;
  }
  const ofThe = !affiliation && n > 2 && /^the$/i.test(words[n - 1]!) && /^of$/i.test(words[n - 2]!) && isCap(words[n - 3]!) && !isTitle(words[n - 3]!);
  if (ofThe || (!affiliation && n > 1 && /^of$/i.test(words[n - 1]!) && isCap(words[n - 2]!) && !isTitle(words[n - 2]!))) {
    const m = ofThe ? n - 2 : n - 1;
    let k = m;
    while (k > 0 && (isCap(words[k - 1]!) || isParticle(words[k - 1]!))) k--;
    affiliation = words.slice(m).join(" ");
    words.splice(m);
    n = k;
  }
  // "Secretary of State Ana Ruiz", "Speaker of the House Ana Ruiz": the title's "of" phrase is
  // part of the role; the name ends the run of capitals (from a known first name in it, else its
  // last two words, or the last one when only two words follow "of").
  const officeOf = words.findIndex((w, i) => i > 0 && /^of$/i.test(w) && isTitle(words[i - 1]!) && isCap(words[i - 1]!));
  if (officeOf > 0 && !affiliation) {
    const from = officeOf + (/^the$/i.test(words[officeOf + 1] ?? "") ? 2 : 1);
    const run = words.slice(from);
    if (run.length >= 2 && isCap(run[run.length - 1]!) && run.every((w) => isCap(w) || isParticle(w) || /^(?:of|and|the|&)$/i.test(w))) {
      const known = (w: string): boolean => FEMALE_NAMES.has(bare(w)) || MALE_NAMES.has(bare(w));
      const f = run.findIndex((w, i) => i > 0 && known(w));
      let at = f > 0 ? f : run.length >= 3 ? run.length - 2 : run.length - 1;
      while (at < run.length - 1 && !isCap(run[at]!)) at++;
      if (run.slice(at).every((w) => isCap(w) || isParticle(w))) {
        const nameWords = run.slice(at);
        const roleWords = [...words.slice(0, from), ...run.slice(0, at)];
        const np: SpeakerNP = { text, name: nameWords.join(" "), role: roleWords.join(" "), kind: "person", start, end };
        const gender = genderOf(roleWords.slice(-2), nameWords);
        if (gender) np.gender = gender;
        return np;
      }
    }
  }
  let capRun = words.slice(n);
  let lead = words.slice(0, n);
  let outletDet = det;
  // "the Harbour Times Paul Ames": a known first name inside a run of capitals starts the name;
  // the capitals before it (an outlet or a place) describe the speaker.
  const isFirst = (w: string): boolean => FEMALE_NAMES.has(bare(w)) || MALE_NAMES.has(bare(w));
  const firstAt = capRun.findIndex((w, i) => i > 0 && i < capRun.length - 1 && isFirst(w) && !isFirst(capRun[i - 1]!) && !isTitle(capRun[i - 1]!));
  if (firstAt > 0 && (firstAt >= 2 || (det !== null && /^the$/i.test(det.t))) && !isFirst(capRun[0]!) && !capRun.slice(0, firstAt).some((w) => isTitle(w))) {
    lead = [...(det ? [det.t] : []), ...lead, ...capRun.slice(0, firstAt)];
    capRun = capRun.slice(firstAt);
    outletDet = null;
  }
  // "Who said …?": an interrogative is not a speaker.
  if (capRun.length === 1 && lead.length === 0 && /^(?:who|what|which|whom|whose|why|how|where|when)$/i.test(capRun[0]!)) return null;
  // "THE BOARD HAS FAILED US —": a shouted heading, not a name.
  if (capRun.filter((w) => /^\p{Lu}{4,}$/u.test(w)).length >= 2) return null;
  // "early Friday", "last August": capitalized time words are not a speaker.
  if (
    capRun.length &&
    capRun.every((w) =>
      /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight)$/i.test(
        w,
      ),
    )
  )
    return null;
  const lastWord = capRun[capRun.length - 1] ?? words[words.length - 1]!;
  const head = bare(words[words.length - 1]!.replace(/\.$/, ""));
  if (capRun.length === 0) {
    // A description: its head must be a speaker noun ("diplomat", "spokesman", "officials").
    const nounHead = SPEAKER_NOUNS.has(head) || (lead.some((w) => SPEAKER_NOUNS.has(bare(w))) && PREPOSITIONS.test(words[words.length - 2] ?? ""));
    if (!nounHead) return null;
    return { text, name: text, role: null, kind: "nominal", start, end };
  }
  // "Officials at the Harbour Police Unit": a description with an affiliation.
  if (lead.length >= 2 && PREPOSITIONS.test(lead[lead.length - 1]!) && SPEAKER_NOUNS.has(bare(lead[lead.length - 2]!))) {
    return { text, name: text.replace(/^(the|a|an)\s+/i, (m) => m), role: null, kind: "nominal", start, end };
  }
  let titleAt = -1;
  for (let k = capRun.length - 2; k >= 0; k--) {
    if (isTitle(capRun[k]!) && !isParticle(capRun[k]!)) {
      titleAt = k;
      break;
    }
  }
  // "Analysts", "Residents" at the start of a sentence: a description, not a name.
  if (capRun.length === 1 && lead.length === 0 && SPEAKER_NOUNS.has(bare(capRun[0]!)) && /s$/i.test(capRun[0]!)) {
    return { text, name: text, role: null, kind: "nominal", start, end };
  }
  const firstIsName = capRun.length >= 2 && (FEMALE_NAMES.has(bare(capRun[0]!)) || MALE_NAMES.has(bare(capRun[0]!)));
  const lastIsOrg = !firstIsName && (ORG_SUFFIXES.has(bare(lastWord).replace(/\.$/, "")) || KNOWN_ORGS.has(lastWord.replace(/[’']s$/, "")));
  // "the 54-year-old Renholm": an age describes a person, whatever the article.
  const aged = lead.some((w) => /^\d+-year-old$/i.test(w));
  if (aged && outletDet && capRun.length <= 3) outletDet = null;
  const isOrg =
    lastIsOrg ||
    (titleAt < 0 && ((outletDet !== null && /^the$/i.test(outletDet.t)) || /^the$/i.test(capRun[0]!))) ||
    capRun.every((w) => isAcronym(w) || /^(of|and|&)$/i.test(w));
  if (isOrg) {
    // "The Regional Water Authority", "the WTO", "Korvex Group": the whole run is the name.
    const roleWords = lead.join(" ").trim();
    const display = [outletDet && /^the$/i.test(outletDet.t) ? outletDet.t : "", ...capRun].filter(Boolean).join(" ");
    if (lead.length > 0 && SPEAKER_NOUNS.has(head)) return { text, name: text, role: null, kind: "nominal", start, end };
    return { text, name: display, role: roleWords || null, kind: "organization", start, end };
  }
  // Split the cap run at its last title word: "Regional Transport Commissioner | Helen Marsh".
  const split = titleAt;
  const nameWords = capRun.slice(split + 1);
  const roleWords = [...lead, ...capRun.slice(0, split + 1)];
  // Honorifics stay with a lone surname ("Mr. Farrow").
  let honorific: string | null = null;
  if (roleWords.length && HONORIFIC_GENDER[bare(roleWords[roleWords.length - 1]!)] && /^(mr|mrs|ms|dr|miss)\.?$/i.test(roleWords[roleWords.length - 1]!)) {
    honorific = roleWords.pop()!;
  }
  const name = [honorific && nameWords.length === 1 ? honorific : "", ...nameWords].filter(Boolean).join(" ");
  const role = [roleWords.join(" "), affiliation].filter(Boolean).join(" ").replace(/\s+’/g, "’").trim() || null;
  // A description with a capitalized modifier: "a City Hall press spokesman" has no name.
  if (SPEAKER_NOUNS.has(head) && !isCap(words[words.length - 1]!)) return { text, name: text, role: null, kind: "nominal", start, end };
  const gender = genderOf([...roleWords.slice(-2), ...(honorific ? [honorific] : [])], nameWords);
  const personish =
    aged ||
    nameWords.length >= 2 ||
    honorific !== null ||
    roleWords.some((w) => isTitle(w)) ||
    FEMALE_NAMES.has(bare(nameWords[0]!)) ||
    MALE_NAMES.has(bare(nameWords[0]!));
  const np: SpeakerNP = { text, name, role: role ? role.replace(/^(the|a|an)\s+/i, "") : null, kind: personish ? "person" : "unknown", start, end };
  if (gender) np.gender = gender;
  return np;
}

/** Gender from a title next to the name (Mrs., spokeswoman) or from the first name. */
export function genderOf(titleWords: string[], nameWords: string[]): Gender | undefined {
  for (const w of titleWords) {
    const g = HONORIFIC_GENDER[bare(w)];
    if (g) return g;
  }
  const first = nameWords[0];
  if (!first || nameWords.length < 2) return undefined;
  const f = bare(first);
  if (FEMALE_NAMES.has(f)) return "f";
  if (MALE_NAMES.has(f)) return "m";
  return undefined;
}
