// Actors: named people, organizations and countries mentioned in a sentence, under one key per
// actor (US / U.S. / United States / Washington → "united states").
import aliases from "./lexicons/actor-aliases.json" with { type: "json" };
import { KNOWN_ORGS, ORG_SUFFIXES, SPEAKER_NOUNS, TITLE_WORDS } from "./lexicon.js";

export interface ActorMention {
  key: string;
  /** The name to show (the alias group's first name, or the text). */
  name: string;
  text: string;
  start: number;
  end: number;
}

/** Lower case, no dots, no leading "the", no possessive: the form aliases are compared in. */
export function normalizeActor(s: string): string {
  let n = NORMALIZED.get(s);
  if (n === undefined) {
    // A bounded memo: names recur within and across documents, and this runs for every mention.
    if (NORMALIZED.size >= 20000) NORMALIZED.clear();
    n = normalize(s);
    NORMALIZED.set(s, n);
  }
  return n;
}
const NORMALIZED = new Map<string, string>();

function normalize(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[’']s$/, "")
      .replace(/[’']/g, "'")
      // "the nurses' union" → "nurses union": a plural possessive is only a modifier.
      .replace(/s'(?=\s|$)/g, "s")
      .replace(/\./g, "")
      .replace(/^the\s+/, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const ALIAS_TO_KEY = new Map<string, { key: string; name: string }>();
for (const group of aliases.groups) {
  const name = group[0]!;
  for (const a of group) ALIAS_TO_KEY.set(normalizeActor(a), { key: normalizeActor(name), name });
}

// The last word of an organization's name ("Green Party", "Water Department") keeps it whole.
const ORG_ENDING =
  /^(party|department|ministry|office|house|council|commission|committee|agency|bank|group|union|court|senate|congress|parliament|government|administration|police|army|navy)$/i;

const DEMONYMS = new Map(Object.entries(aliases.demonyms as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
const STATE_NOUNS =
  /^(government|officials?|authorities|ministry|ministers?|president|prime minister|foreign minister|parliament|embassy|cabinet|administration|leaders?|diplomats?|regulators?|army|military|navy|police)\b/i;

/** The canonical key of an actor name, and the name to show for it. */
export function actorKey(text: string): { key: string; name: string } {
  let k = KEYS.get(text);
  if (!k) {
    // Bounded memo, as for normalizeActor: every mention of every sentence comes through here.
    // Callers only read the result (alias groups already share theirs).
    if (KEYS.size >= 20000) KEYS.clear();
    k = keyOf(text);
    KEYS.set(text, k);
  }
  return k;
}
const KEYS = new Map<string, { key: string; name: string }>();

function keyOf(text: string): { key: string; name: string } {
  let n = normalizeActor(text);
  // "the Government of the Republic of X", "the Government of X": the state is X.
  const of = /^(?:government|administration|authorities|state) of (?:the )?(.+)$/.exec(n);
  if (of && ALIAS_TO_KEY.has(of[1]!)) n = of[1]!;
  const hit = ALIAS_TO_KEY.get(n);
  if (hit) return hit;
  // "<Demonym> government", "<Demonym> authorities": the country acts through its state.
  const dem = /^(\S+) (.+)$/.exec(n);
  if (dem && STATE_NOUNS.test(dem[2]!) && DEMONYMS.has(dem[1]!)) {
    const country = DEMONYMS.get(dem[1]!)!;
    return ALIAS_TO_KEY.get(normalizeActor(country)) ?? { key: normalizeActor(country), name: country };
  }
  // "<Alias> officials", "<Name>'s": the leading name decides when it is a known alias.
  const first = n.split(" ")[0]!.replace(/'s?$/, "");
  const lead = ALIAS_TO_KEY.get(first);
  if (lead && /^(officials?|government|administration|diplomats?|authorities|lawmakers|leaders?)$/.test(n.split(" ").slice(1).join(" "))) return lead;
  return { key: n, name: text.replace(/[’']s$/, "").replace(/^the\s+/i, "") };
}

const COUNTRIES = new Set(Object.values(aliases.demonyms as Record<string, string>).map((c) => c.toLowerCase()));

/** A country or a state the alias lexicon knows ("Brazil", "Washington"): never "he" or "she". */
export function isCountryOrState(name: string): boolean {
  return COUNTRIES.has(name.toLowerCase()) || ALIAS_TO_KEY.has(normalizeActor(name));
}

/** A word that never starts a name ("If", "Nonetheless", "The"). */
export function isFunctionWord(w: string): boolean {
  return FUNCTION_WORDS.test(w) || TIME_WORDS.test(w);
}

/** Whether the name is one of the alias lexicon's (those keep their own key). */
export function isKnownAlias(text: string): boolean {
  return ALIAS_TO_KEY.has(normalizeActor(text));
}

export function isKnownActor(text: string): boolean {
  return ALIAS_TO_KEY.has(normalizeActor(text)) || KNOWN_ORGS.has(text);
}

const FUNCTION_WORDS =
  /^(the|a|an|but|and|or|in|on|at|for|to|of|by|as|if|unless|whether|once|until|unlike|like|nonetheless|nevertheless|moreover|furthermore|besides|instead|indeed|thus|hence|accordingly|therefore|otherwise|overall|finally|separately|predominantly|largely|mostly|mainly|initially|eventually|recently|previously|currently|publicly|privately|reportedly|apparently|clearly|obviously|surprisingly|ironically|notably|especially|particularly|when|while|after|before|since|still|however|meanwhile|also|yet|so|this|that|these|those|it|its|he|she|they|we|i|there|here|both|all|some|many|most|details|attempts|during|although|though|not|only|even|then|now|today|yesterday|last|next|about|according|under|over|with|without|from|into|because|despite|amid|among|between|following|what|which|who|how|why|where)$/iu;
const TIME_WORDS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

// A run of capitalized words (with inner "of"/"and"/"for" when capitalized words follow), e.g.
// "Harbour Commission", "U.S. Water Board", "Department of Fisheries".
const CAP_RUN_RE = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}.'’&-]*)(?:\s+(?:(?:of|and|for|de|the)\s+)?\p{Lu}[\p{L}\p{N}.'’&-]*)*/gu;

/**
 * Named actors in a sentence. `isName` tells whether a sentence-initial word is a name rather than
 * a capitalized common word ("Norway signed…" versus "Efforts to agree…").
 */
export function actorMentions(sentence: string, offset: number, isName: (w: string, next: string) => boolean): ActorMention[] {
  const out: ActorMention[] = [];
  for (const run of sentence.matchAll(CAP_RUN_RE)) {
    // "Chile and Peru", "the EU and Norway": two actors, unless the whole is one name.
    const parts = isKnownActor(run[0]) ? [{ text: run[0], index: run.index }] : splitAnd(run[0], run.index);
    for (const m of parts) mention(m.text, m.index);
  }
  return out;

  function mention(runText: string, runIndex: number): void {
    const words = [...runText.matchAll(/\S+/g)].map((m) => ({ w: m[0], at: m.index }));
    let i = 0;
    // Leading function and time words ("But", "The", "In", "Monday") are not part of the name.
    while (i < words.length && (FUNCTION_WORDS.test(words[i]!.w) || TIME_WORDS.test(words[i]!.w))) i++;
    let j = words.length;
    while (j > i && TIME_WORDS.test(words[j - 1]!.w)) j--;
    // "Mayor Ben Ortiz", "Senator Mark Hale": the person is the actor, not the title.
    const span = (a: number, b: number): string => runText.slice(words[a]!.at, words[b - 1]!.at + words[b - 1]!.w.length);
    // …also after other words of the title: "Nigerian Foreign Minister Pierre Olsen" → Pierre Olsen.
    for (let k = j - 2; k >= i; k--) {
      if (TITLE_WORDS.has(words[k]!.w.toLowerCase().replace(/\.$/, "")) && !isKnownActor(span(i, j)) && !ORG_ENDING.test(words[j - 1]!.w)) {
        i = k + 1;
        break;
      }
    }
    if (j - i === 2 && /^(mr|mrs|ms|dr|sir|dame|prof)\.?$/i.test(words[i]!.w)) i++;
    if (j <= i) return;
    const start = runIndex + words[i]!.at;
    const text = span(i, j)
      .replace(/[.,;:]+$/, "")
      .replace(/[’']s$/, "");
    if (!text || /^\d/.test(text)) return;
    const single = j - i === 1;
    const atSentenceStart = onlySpacesBefore(sentence, start);
    NEXT_WORD_RE.lastIndex = start + text.length;
    const next = NEXT_WORD_RE.exec(sentence)?.[1] ?? "";
    const acronym = /^\p{Lu}{2,6}$/u.test(text);
    if (atSentenceStart && single && !acronym && !isKnownActor(text) && !isName(text, next)) return;
    // "The <demonym> government said": the country acts through its state.
    const country = DEMONYMS.get(text.toLowerCase());
    if (country && STATE_NOUNS.test(sentence.slice(start + text.length).trimStart())) {
      out.push({ ...actorKey(country), text, start: offset + start, end: offset + start + text.length });
      return;
    }
    if (single && (FUNCTION_WORDS.test(text) || (isDemonym(text) && !isKnownActor(text)))) return;
    out.push({ ...actorKey(text), text, start: offset + start, end: offset + start + text.length });
  }
}

// The word after a name (sticky: read from where the name ends, without copying the rest).
const NEXT_WORD_RE = /\s*(\S+)/y;
const SPACE_RE = /\s/;

/** Whether text holds only white space before `at` (what `text.slice(0, at).trim() === ""` says). */
function onlySpacesBefore(text: string, at: number): boolean {
  for (let i = 0; i < at; i++) if (!SPACE_RE.test(text[i]!)) return false;
  return true;
}

function splitAnd(text: string, index: number): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  let at = 0;
  for (const m of text.matchAll(/\s+and\s+/g)) {
    out.push({ text: text.slice(at, m.index), index: index + at });
    at = m.index + m[0].length;
  }
  out.push({ text: text.slice(at), index: index + at });
  return out;
}

/** A name that looks like a person's: two to four capitalized words that are no organization. */
export function isPersonLike(m: ActorMention): boolean {
  const words = m.text.split(/\s+/);
  if (words.length < 2 || words.length > 4 || isKnownActor(m.text) || ALIAS_TO_KEY.has(m.key)) return false;
  if (words.some((w) => !/^\p{Lu}[\p{Ll}'’.-]+$/u.test(w) || ORG_ENDING.test(w) || ORG_SUFFIXES.has(w.toLowerCase()) || isDemonym(w))) return false;
  return !/\b(?:of|and|for)\b/.test(m.text);
}

// A lower-case noun chunk that can act: the head is a person, group or organization noun
// ("drivers", "union", "residents"), or a plural of an agent noun ("-ers", "-ists", "-ants").
const AGENT_PLURAL = /(?:ers|ors|ists|ants|ents|ians|ees|ives|men|women|people)$/;
const CHUNK_STOP =
  /^(?:it|its|they|them|their|this|that|these|those|which|who|what|he|she|we|i|you|there|here|and|or|but|if|as|of|in|on|at|to|for|by|with|from|after|before|against|about|over|into|through|during|under|among|between|without|within|upon|toward|towards|said|says|would|will|could|should|may|might|must|can|has|have|had|was|were|is|are|be|been|not|also|then|than|when|while|since|because|so|such|any|every|each|both|either|neither|no|one)$/;
const DETERMINER = /^(?:the|a|an|some|many|most|several|all|other|our|their|its)$/i;

/**
 * The lower-case group acting as subject right before a verb ("local bus drivers have rejected",
 * "the nurses' union backs"), or null. `to` is where the verb starts; auxiliaries are skipped.
 */
export function nounChunkBefore(text: string, from: number, to: number): { text: string; start: number } | null {
  // A chunk and its auxiliaries are a few words: only the end of a long lead is read.
  from = Math.max(from, to - 100);
  const lead = text.slice(from, to);
  const words = [...lead.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => ({ w: m[0], at: from + m.index }));
  let j = words.length;
  while (
    j > 0 &&
    /^(?:has|have|had|was|were|is|are|also|always|repeatedly|formally|publicly|openly|strongly|firmly|reportedly|then|later|already|not|never|did|does|do|would|will|could|can|may|might|should|must|shall|even|still|now|again|\p{Ll}+ly)$/iu.test(
      words[j - 1]!.w,
    )
  )
    j--;
  if (j === 0) return null;
  // Only spaces and words between the chunk and the verb.
  if (!/^[\s\p{L}'’-]*$/u.test(text.slice(words[j - 1]!.at, to))) return null;
  let i = j;
  while (i > 0 && j - i < 4) {
    const w = words[i - 1]!.w;
    if (!/^\p{Ll}/u.test(w) || DETERMINER.test(w) || CHUNK_STOP.test(w.toLowerCase())) break;
    if (i < j && !/^\s+$/.test(text.slice(words[i - 1]!.at + w.length, words[i]!.at))) break;
    i--;
  }
  if (i === j || !actingHead(words[j - 1]!.w)) return null;
  const start = words[i]!.at;
  const last = words[j - 1]!;
  return { text: text.slice(start, last.at + last.w.length), start };
}

/** The lower-case group a verb acts on, right after it ("angered the fishermen's union"), or null. */
export function nounChunkAfter(text: string, from: number, to: number): { text: string; start: number } | null {
  const m = /^\s*(?:(?:the|a|an|some|many|most|several|all|its|their)\s+)?((?:\p{Ll}[\p{Ll}-]*(?:[’']s?)?\s+){0,3}\p{Ll}[\p{Ll}-]*)/u.exec(
    text.slice(from, to),
  );
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  // The chunk ends at its head: the first acting noun, stopping at any function word.
  for (let k = 0; k < words.length; k++) {
    if (CHUNK_STOP.test(words[k]!.toLowerCase())) return null;
    if (actingHead(words[k]!) && !/[’']s?$/.test(words[k]!)) {
      const chunk = words.slice(0, k + 1).join(" ");
      return { text: chunk, start: from + m.index + m[0].indexOf(chunk) };
    }
  }
  return null;
}

/** A head noun that can act: a person, group or organization noun, or a plural of an agent noun. */
function actingHead(word: string): boolean {
  const head = word.toLowerCase().replace(/[’']s?$/, "");
  const singular = head.replace(/s$/, "");
  return SPEAKER_NOUNS.has(head) || ORG_SUFFIXES.has(head) || SPEAKER_NOUNS.has(singular) || AGENT_PLURAL.test(head);
}

/**
 * "Chinese", "European", "British": adjectives of nationality, not actors by themselves. The few
 * in "-ic" are listed: as a bare ending it would take surnames ("Petrovic") for adjectives.
 */
function isDemonym(w: string): boolean {
  return (
    /^\p{Lu}\p{Ll}+(?:ese|ean|ian|ish|ern)$/u.test(w) ||
    /^(Baltic|Nordic|Slavic|Arabic|Hispanic|Icelandic|Celtic|Germanic|Adriatic|Arctic|Atlantic|Pacific|Asiatic|Hellenic|Gaelic|Teutonic|Semitic|French|Dutch|Greek|Swiss|Thai|German|American|Korean|Israeli|Iraqi|Pakistani|Saudi|Kuwaiti|Qatari|Czech|Polish|Danish|Swedish|Finnish|Irish|Scottish|Welsh|Arab|Western|Eastern|Northern|Southern)$/.test(
      w,
    )
  );
}
