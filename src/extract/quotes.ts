// Quotations and who said them. Spans come from quote-spans; speakers from the speech verbs
// around them (speakers.ts), with bare surnames and pronouns resolved through the document
// (people.ts). A quote with no attribution the text supports keeps a null speaker: never a guess.
import type { Span } from "../text/sentences.js";
import type { Quote } from "../types.js";
import { SPEAKER_NOUNS, SPEECH, SPEECH_VERBS } from "./lexicon.js";
import { fitsDescription, People, type Person } from "./people.js";
import { findQuoteSpans, type QuoteSpan } from "./quote-spans.js";
import { clauseSubject, groupSubject, lastWord, leadingSubject, mainVerbAt, type SpeakerNP, subjectAfter, subjectBefore } from "./speakers.js";

export interface PassageText {
  text: string;
  sentences: Span[];
}

/** A quote as extracted from one document: passage indexes are local to the document. */
export type QuoteDraft = Omit<Quote, "id" | "passageId" | "attribution"> & {
  passage: number;
  attribution?: { passage: number; start: number; end: number };
};

interface Statement {
  passage: number;
  verb: string;
  verbStart: number;
  verbEnd: number;
  np: SpeakerNP;
  inverted: boolean;
  person: Person | null;
  sentence: Span;
}

/** What the previous passage leaves for the next one. */
interface Previous {
  quote: QuoteDraft | null;
  endsOpen: boolean;
  introducer: Statement | null;
  quoteAtEnd: boolean;
}

const POS = (passage: number, offset: number): number => passage * 1_000_000 + offset;

const PLURAL_VERB =
  /^(?:have|are|were|say|do|don't|want|expect|argue|fear|worry|believe|think|hope|need|agree|oppose|support|complain|warn|claim|insist|remain|see|feel|cannot|can't|will|would|should|must|may|might|could)$/;

/** How far (in characters) around a speech verb its speaker is looked for. */
const WINDOW = 400;

/**
 * The quotations of one document. `people` (the document's register of names) is filled as the
 * text is read: the stance extraction resolves surnames through the same register afterwards.
 */
export function extractQuotes(passages: PassageText[], people: People = new People()): QuoteDraft[] {
  // A single capitalized word that the document also writes in lower case ("tenants"), or that a
  // plural verb follows ("Tenants have long argued"), is a description, not a name: "he said"
  // never goes to it.
  const lowerWords = new Set<string>();
  for (const p of passages) for (const m of p.text.matchAll(/\b\p{Ll}[\p{Ll}'’-]+/gu)) lowerWords.add(m[0]);
  const commonNoun = (np: SpeakerNP, text: string): SpeakerNP => {
    if (np.pronoun || np.kind === "nominal" || np.name.includes(" ") || np.role) return np;
    const next = /^\s+(\S+)/.exec(text.slice(np.end))?.[1]?.toLowerCase() ?? "";
    const plural = /s$/i.test(np.name) && PLURAL_VERB.test(next);
    return lowerWords.has(np.name.toLowerCase()) || plural ? { ...np, kind: "nominal" } : np;
  };
  const out: QuoteDraft[] = [];
  // Plural subjects so far ("Local fishermen were furious"): what "they said" may refer to.
  const groups: Group[] = [];
  let openChain: QuoteDraft[] = [];
  let prevLast: Previous & { dangling: QuoteDraft | null } = { quote: null, endsOpen: false, introducer: null, quoteAtEnd: false, dangling: null };
  passages.forEach((p, pi) => {
    const spans = findQuoteSpans(p.text);
    const masked = mask(p.text, spans);
    for (const s of p.sentences) {
      people.scanNames(masked.slice(s.start, s.end), POS(pi, s.start));
      people.scanOrganizations(masked.slice(s.start, s.end), POS(pi, s.start));
    }
    const statements = findStatements(pi, p, masked, spans);
    // Sentence subjects are mentions too: "it said" after "The Guild rejected…" is the Guild.
    for (const st of statements) st.np = commonNoun(st.np, masked);
    const subjects = p.sentences.map((s) => {
      const np = leadingSubject(masked, s.start, Math.min(s.end, s.start + WINDOW));
      return { s, np: np ? commonNoun(np, masked) : null };
    });
    for (const s of p.sentences) {
      const g = groupSubject(masked, s.start, Math.min(s.end, s.start + WINDOW));
      if (g) groups.push({ text: g.text, at: POS(pi, g.start) });
    }
    const events = [
      ...statements.map((st) => ({ at: st.verbStart, st, np: null as SpeakerNP | null })),
      ...subjects.filter((x) => x.np && !x.np.pronoun).map((x) => ({ at: x.np!.start, st: null as Statement | null, np: x.np })),
    ].sort((a, b) => a.at - b.at);
    for (const ev of events) {
      if (ev.st) {
        ev.st.person = resolveSpeaker(ev.st.np, POS(pi, ev.st.verbStart), people, theyGroups(groups, masked, ev.st, pi));
        if (ev.st.person) people.spoke(ev.st.person);
      } else if (ev.np && ev.np.kind !== "nominal") {
        people.spoke(people.resolve(ev.np, POS(pi, ev.at)));
      }
    }
    const sentenceSubject = new Map<number, Person>();
    for (const x of subjects) {
      if (x.np && !x.np.pronoun && x.np.kind === "person") sentenceSubject.set(x.s.start, people.resolve(x.np, POS(pi, x.np.start)));
      // "He blamed the weather." is about the man last named, as much as "Renholm blamed…" is.
      else if (x.np && (x.np.pronoun === "he" || x.np.pronoun === "she")) {
        const who = people.antecedent(x.np.pronoun, POS(pi, x.np.start), x.np.gender);
        if (who && who.kind === "person") sentenceSubject.set(x.s.start, who);
      }
    }
    // `"…,"` closing one passage and `Ana Ruiz, a columnist, wrote.` opening the next: the comma
    // says the sentence goes on, so a paragraph break there (a wrapped line taken for the end of a
    // paragraph) does not lose the attribution.
    if (prevLast.dangling) {
      const st = statements.find(
        (x) => x.person && Math.min(x.np.start, x.verbStart) < 40 && /^[\s,—–-]*$/.test(p.text.slice(0, Math.min(x.np.start, x.verbStart))),
      );
      if (st?.person && closesAfter(p.text, st, st.sentence)) {
        Object.assign(prevLast.dangling, speakerFields(st.person), {
          via: "after",
          attribution: { passage: pi, start: Math.min(st.np.start, st.verbStart), end: Math.max(st.np.end, st.verbEnd) },
        });
      }
    }
    const intros = findIntroductions(pi, p, masked, spans, statements);
    for (const it of intros) it.person = resolveSpeaker(it.np, POS(pi, it.verbStart), people, theyGroups(groups, masked, it, pi));
    const drafts: QuoteDraft[] = [];
    spans.forEach((q, qi) => {
      const d = attribute(pi, p, q, qi, spans, statements, intros, drafts, prevLast, sentenceSubject, people);
      drafts.push(d);
    });
    // Indirect speech: a statement with no quotation of its own ("officials said the talks failed").
    for (const st of statements) {
      if (
        !st.person ||
        !(SPEECH_VERBS.has(st.verb) || st.verb === "according to") ||
        spans.some((q) => q.markStart >= st.sentence.start && q.markStart < st.sentence.end)
      )
        continue;
      const c = complement(p.text, st);
      if (!c) continue;
      drafts.push({ passage: pi, text: p.text.slice(c.start, c.end), start: c.start, end: c.end, ...speakerFields(st.person), via: "indirect", direct: false });
    }
    // A quotation left open over paragraphs with no attribution in them (`"…` / `"…` / `"…," Ruiz
    // said.`) is the speaker's who closes it: the paragraphs before take the speaker of the one
    // that opens this paragraph.
    const opening = spans[0]?.opensPassage ? drafts.find((d) => d.direct && d.start === spans[0]!.start) : undefined;
    // (Only an attribution after the words: a transcript label names its own paragraph alone.)
    if (opening?.speaker && (opening.via === "after" || opening.via === "sentence"))
      for (const d of openChain) Object.assign(d, { speaker: opening.speaker, role: opening.role, speakerKind: opening.speakerKind, via: "closing" });
    out.push(...drafts);
    const lastQuote = [...drafts].reverse().find((d) => d.direct) ?? null;
    const lastSpan = spans[spans.length - 1];
    const lastSentence = p.sentences[p.sentences.length - 1];
    const introducer =
      [...statements, ...intros].find(
        (st) => lastSentence && st.sentence.start === lastSentence.start && /:\s*$/.test(p.text.slice(st.verbEnd, lastSentence.end)) && st.person,
      ) ?? null;
    const lastDraft = lastSpan ? drafts.find((d) => d.direct && d.start === lastSpan.start) : undefined;
    // A quotation left open at the end of this paragraph with no speaker joins the chain (which
    // goes on only through paragraphs that are nothing but that quotation). So does one that only
    // guessed the speaker of a closed quotation in the paragraph before (`"…," Ruiz said.` / `"…`
    // / `"…," Okafor said.`): a quotation has one speaker, and its closing names it.
    const guessed = (d: QuoteDraft): boolean => !d.speaker || (d.via === "paragraph" && !prevLast.endsOpen);
    const tail = lastSpan && !lastSpan.closed ? drafts.find((d) => d.direct && d.start === lastSpan.start && guessed(d)) : undefined;
    openChain = tail ? [...(spans.length === 1 && lastSpan!.opensPassage ? openChain : []), tail] : [];
    prevLast = {
      dangling:
        lastDraft && !lastDraft.speaker && lastSpan!.closed && /,$/.test(lastDraft.text) && p.text.slice(lastSpan!.markEnd).trim() === "" ? lastDraft : null,
      quote: lastQuote,
      endsOpen: !!lastSpan && !lastSpan.closed,
      introducer,
      quoteAtEnd: !!lastSpan && lastSentence !== undefined && lastSpan.markStart >= lastSentence.start,
    };
  });
  return out;
}

function speakerFields(p: Person): Pick<QuoteDraft, "speaker" | "role" | "speakerKind"> {
  return { speaker: p.name, role: p.role ? p.role.replace(/^(a|an|the)\s+/i, "") : null, speakerKind: p.kind };
}

/** Blanks out quoted words (keeping the marks) so speaker patterns never read inside a quote. */
function mask(text: string, spans: QuoteSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const q of spans) {
    if (q.start < at) continue;
    parts.push(text.slice(at, q.start), " ".repeat(q.end - q.start));
    at = q.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function findStatements(pi: number, p: PassageText, masked: string, spans: QuoteSpan[]): Statement[] {
  const out: Statement[] = [];
  for (const s of p.sentences) {
    for (const v of SPEECH.matches(masked, s.start, s.end)) {
      const verbStart = v.start;
      const verbEnd = v.end;
      const verb = masked.slice(verbStart, verbEnd);
      const prevWord = lastWord(masked, verbStart, s.start).toLowerCase();
      // "declined to say", "the said report": not an attribution.
      if (prevWord === "to" || prevWord === "the") continue;
      // The clause this verb belongs to starts after the last quote mark or clause break before it.
      const quoteBefore = spans.filter((q) => q.markEnd <= verbStart && q.markEnd > s.start).pop();
      // A subject is read within a bounded window, so a run-on "sentence" costs linear time.
      const from = Math.max(quoteBefore ? quoteBefore.markEnd : s.start, verbStart - WINDOW);
      const nextQuote = spans.find((q) => q.markStart >= verbEnd && q.markStart < s.end);
      const to = Math.min(nextQuote ? nextQuote.markStart : s.end, verbEnd + WINDOW);
      const gapAfterQuote = quoteBefore ? masked.slice(quoteBefore.markEnd, verbStart) : null;
      const phrase = /\s/.test(verb);
      let np: SpeakerNP | null = null;
      let inverted = false;
      // "The agency quoted Minister Ana Ruiz as saying…": the one quoted is the speaker.
      const quotedAs = /ing$/i.test(verb) ? QUOTED_AS.exec(masked.slice(from, verbStart)) : null;
      const quotedAt = quotedAs ? from + quotedAs.index + quotedAs[0].length - quotedAs[1]!.length - quotedAs[2]!.length : -1;
      const quoted = quotedAs ? (objectPronoun(quotedAs[1]!, quotedAt) ?? subjectAfter(masked, quotedAt, quotedAt + quotedAs[1]!.length)) : null;
      if (quoted) {
        np = quoted;
      } else if (phrase && /^according to$/i.test(verb)) {
        np = subjectAfter(masked, verbEnd, to);
        // ("according to a report released by the board": the tail is read past the description.)
        if (np) np = issuer(masked, np, to) ?? np;
        inverted = true;
      } else if (gapAfterQuote !== null && /^[\s,—–-]*$/.test(gapAfterQuote)) {
        // `"…," said X` — the subject follows the verb.
        np = subjectAfter(masked, verbEnd, to);
        inverted = !!np;
        if (!np) np = subjectBefore(masked, verbStart, from);
      } else if (/ing$/i.test(verb) && /,\s*(?:\w+ly\s+)?$/.test(masked.slice(from, verbStart))) {
        // "…, saying, "…"" / "X said, adding that…": the participle's subject is the clause's.
        const earlier = out.filter((o) => o.sentence.start === s.start).pop();
        np = earlier ? earlier.np : clauseSubject(masked, s.start, Math.min(verbStart, s.start + WINDOW));
      } else if (/ing$/i.test(verb)) {
        // "a notice saying…", or "Ortega posted messages early Monday saying…" (the sentence's subject).
        np = subjectBefore(masked, verbStart, from) ?? clauseSubject(masked, s.start, Math.min(verbStart, s.start + WINDOW));
      } else {
        np = subjectBefore(masked, verbStart, from);
        // Coordinated verbs share the subject: "The board denied the report and said that…".
        if (!np && /\b(?:and|but|or)(?:\s+(?:also|then|later|again|further|so))?\s*$/i.test(masked.slice(from, verbStart)) && from === s.start) {
          const own = clauseSubject(masked, s.start, verbStart);
          if (own && own.start < verbStart) np = own;
        }
        if (!np && /^[\s,:—–-]*$/.test(masked.slice(from, verbStart))) {
          np = subjectAfter(masked, verbEnd, to);
          inverted = !!np;
        }
      }
      // "A statement from the Harbour Trust said": the one who issued it speaks.
      if (np) np = issuer(masked, np, np.end) ?? np;
      if (np)
        out.push({
          passage: pi,
          verb: v.phrase,
          verbStart,
          verbEnd,
          np,
          inverted,
          person: null,
          sentence: s,
        });
    }
    // "in the words of Ana Ruiz": the same as "according to".
    for (const m of masked.slice(s.start, s.end).matchAll(/\b[Ii]n the words of\b/g)) {
      const verbStart = s.start + m.index;
      const verbEnd = verbStart + m[0].length;
      const nextQuote = spans.find((q) => q.markStart >= verbEnd && q.markStart < s.end);
      const np = subjectAfter(masked, verbEnd, Math.min(nextQuote ? nextQuote.markStart : s.end, verbEnd + WINDOW));
      // (A description must name someone who speaks: "one farmer", not "the old song".)
      const head = np?.name.split(/\s+/).pop()?.toLowerCase() ?? "";
      if (np && (np.kind !== "nominal" || SPEAKER_NOUNS.has(head) || PERSON_NOUN.test(head) || /(?:man|woman|person|ist|ian)$/.test(head)))
        out.push({ passage: pi, verb: "according to", verbStart, verbEnd, np, inverted: true, person: null, sentence: s });
    }
    out.push(...openClassAttributions(pi, s, p.text, masked, spansAround(spans, s), out));
  }
  return out;
}

// A text someone issued, and who issued it: "a statement from", "the report released by".
const ISSUED =
  /^(?:an?|the)\s+(?:\p{Ll}+\s+)?(?:statement|release|letter|announcement|report|communiqu[eé]|notice|memo|filing|post)\s+(?:(?:issued|released|published|posted|sent)\s+)?(?:from|by)\s+/iu;

/** `according to a statement from Corvane Group`: the one who issued the text speaks. */
function issuer(masked: string, np: SpeakerNP, to: number): SpeakerNP | null {
  if (np.kind !== "nominal") return null;
  const m = ISSUED.exec(masked.slice(np.start, to));
  if (!m) return null;
  const who = subjectAfter(masked, np.start + m[0].length, to);
  return who && !who.pronoun && who.start === np.start + m[0].length ? who : null;
}

// `quoted X as saying`, `citing X as saying`: X is in group 1, the words between it and the verb in 2.
const QUOTED_AS = /\b(?:quoted|quotes|quoting|cited|cites|citing)\s+([^,;:"“”()]{2,120}?)(\s+as\s*)$/i;

/** "quoted him as saying": an object pronoun stands for its subject form. */
function objectPronoun(words: string, at: number): SpeakerNP | null {
  const w = words.trim().toLowerCase();
  if (w === "him") return { text: words.trim(), name: words.trim(), role: null, kind: "person", pronoun: "he", gender: "m", start: at, end: at + 3 };
  if (w === "her") return { text: words.trim(), name: words.trim(), role: null, kind: "person", pronoun: "she", gender: "f", start: at, end: at + 3 };
  return null;
}

/**
 * Clauses that introduce a quotation without a speech verb: `Roe compared the plan to a sieve,
 * "…"` or `Roe took aim at the board in a string of posts: "…"` (or a colon ending the sentence,
 * the quote opening the next one). The clause's subject is the speaker; the finite verb stands
 * as the statement's verb.
 */
function findIntroductions(pi: number, p: PassageText, masked: string, spans: QuoteSpan[], statements: Statement[]): Statement[] {
  const out: Statement[] = [];
  const bySentence = new Map<number, Statement[]>();
  for (const st of statements) bySentence.set(st.sentence.start, [...(bySentence.get(st.sentence.start) ?? []), st]);
  for (const s of p.sentences) {
    const q = spans[firstSpanFrom(spans, s.start)];
    const inSentence = q && q.markStart < s.end ? q : undefined;
    // (Also `X dismissed the claims as "…"`: an object complement of an active verb.)
    const before = inSentence ? masked.slice(s.start, inSentence.markStart) : "";
    const asComplement = /\S\s+as\s*$/.test(before) && !/\b(?:is|are|was|were|be|been|being|seen|regarded|known|described|viewed)\s+as\s*$/i.test(before);
    const cut =
      inSentence && (/[,:]\s*$/.test(before) || asComplement)
        ? inSentence.markStart
        : !inSentence && /:\s*$/.test(masked.slice(Math.max(s.start, s.end - 8), s.end))
          ? s.end
          : -1;
    if (cut < 0 || (bySentence.get(s.start) ?? []).some((st) => st.verbStart < cut)) continue;
    // The clause is what follows an earlier colon or semicolon: `…the exchange went on: Harbour
    // Master Ana Ruiz: "…"` is introduced by its label, not by the sentence's first clause.
    const colonAt = /:\s*$/.test(masked.slice(s.start, cut)) ? masked.lastIndexOf(":", cut - 1) : -1;
    let segStart = s.start;
    for (let k = (colonAt >= 0 ? colonAt : cut) - 1; k > s.start && k > cut - WINDOW; k--) {
      if (masked[k] === ":" || masked[k] === ";") {
        segStart = k + 1;
        break;
      }
    }
    const verbStart = mainVerbAt(masked, segStart, cut);
    if (verbStart < 0 || (colonAt >= 0 && verbStart > colonAt)) {
      // No verb before the colon: a label ("Ana Ruiz, harbour master:") names the speaker.
      const label = colonAt >= 0 ? subjectBefore(masked, colonAt, segStart) : null;
      if (label && !label.pronoun && label.kind !== "nominal" && /^[\s:;]*$/.test(masked.slice(segStart, label.start))) {
        out.push({ passage: pi, verb: ":", verbStart: colonAt, verbEnd: colonAt, np: label, inverted: false, person: null, sentence: s });
      }
      continue;
    }
    const np = segStart > s.start ? subjectBefore(masked, verbStart, segStart) : clauseSubject(masked, s.start, Math.min(cut, s.start + WINDOW));
    if (!np || np.end > verbStart) continue;
    const verbEnd = verbStart + (/^[\p{L}'’-]+/u.exec(masked.slice(verbStart))?.[0].length ?? 0);
    out.push({ passage: pi, verb: masked.slice(verbStart, verbEnd).toLowerCase(), verbStart, verbEnd, np, inverted: false, person: null, sentence: s });
  }
  return out;
}

/** The quotation runs from the introducing comma or colon to the end of its sentence. */
function introduces(text: string, st: Statement, q: QuoteSpan): boolean {
  const s = st.sentence;
  if (/\sas\s*$/.test(text.slice(st.verbEnd, q.markStart))) return true;
  return /[,:]\s*$/.test(text.slice(st.verbEnd, q.markStart)) && (!q.closed || /^[\s.!?…)\]]*$/.test(text.slice(q.markEnd, Math.max(q.markEnd, s.end))));
}

/** Index of the first span that opens at or after `at` (spans are sorted and do not overlap). */
function firstSpanFrom(spans: QuoteSpan[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.markStart < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans that open or close inside a sentence (and the next one, for a quote's follow-up). */
function spansAround(spans: QuoteSpan[], s: Span): QuoteSpan[] {
  const i = firstSpanFrom(spans, s.start);
  let j = i;
  while (j < spans.length && spans[j]!.markStart < s.end) j++;
  return spans.slice(Math.max(0, i - 1), j + 1);
}

/** A lower-case finite verb by its form: regular past (-ed) or an irregular past or present. */
function verbForm(w: string): "ed" | "s" | null {
  if (/^\p{Ll}/u.test(w) && ((/[^e]ed$|eed$/.test(w) && w.length > 4) || IRREGULAR_SPEECH.test(w))) return "ed";
  if (/^\p{Ll}+[^s'’]s$/u.test(w) && w.length > 3) return "s";
  return null;
}

// Irregular verbs that can report speech after a quotation; regular ones are known by their form.
const IRREGULAR_SPEECH =
  /^(?:said|says|told|tells|wrote|writes|spoke|speaks|swore|swears|thought|thinks|shot|shoots|sang|sings|put|puts|went|goes|began|begins|broke|bit|bites|spat|spits|felt|feels|held|holds|knew|knows)$/;

// `"…," NP` before a verb: a short description whose words are all lower case ("local traders").
const BARE_NP = /^[\s,—–-]*((?:(?:the|a|an|some|many|several|two|three|other)\s+)?(?:\p{Ll}[\p{Ll}'’-]*\s+){0,3}\p{Ll}[\p{Ll}-]*)\s*$/u;

/**
 * `"…," Ms. Hale fumed.` / `"…," grumbled Tom Baker.`: whatever verb fills the speech slot right
 * after a quotation attributes it, listed or not (the slot, not the word, makes it a report).
 * Only where the lexicon found no statement there, and only when the attribution ends the clause.
 */
function openClassAttributions(pi: number, s: Span, text: string, masked: string, spans: QuoteSpan[], found: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const q of spans) {
    if (!q.closed || q.markEnd <= s.start || q.markEnd >= s.end) continue;
    const quoted = text.slice(q.markStart, q.markEnd);
    if (!/[,?!—–-]\s*["”’']*$/.test(quoted) && !/^\s*,/.test(masked.slice(q.markEnd, q.markEnd + 3))) continue;
    // A one- or two-word scare quote ("apps,") is not a statement an unlisted verb reports.
    if (wordCount(quoted) <= 2) continue;
    const nextQuote = spans.find((o) => o.markStart >= q.markEnd && o.markStart < s.end);
    const to = Math.min(nextQuote ? nextQuote.markStart : s.end, q.markEnd + 300);
    if (found.some((st) => st.verbStart >= q.markEnd && st.verbStart < to)) continue;
    // (A stray mark of a nested quote may follow the closing one.)
    const from = q.markEnd + (/^['’`"”]*/.exec(masked.slice(q.markEnd, to))?.[0].length ?? 0);
    const words = [...masked.slice(from, to).matchAll(/[\p{L}][\p{L}.'’-]*/gu)].slice(0, 10);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      const form = verbForm(w[0].replace(/\.$/, ""));
      if (!form) continue;
      const verbStart = from + w.index;
      const verbEnd = verbStart + w[0].replace(/\.$/, "").length;
      const tail = masked.slice(verbEnd, to);
      let np: SpeakerNP | null = null;
      let inverted = false;
      if (k === 0 && form === "ed") {
        // `"…," grumbled Tom Baker`
        np = subjectAfter(masked, verbEnd, to);
        inverted = true;
      } else if (k > 0 && (tail.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 8) {
        // `"…," Ms. Hale fumed (on Tuesday).`
        np = subjectBefore(masked, verbStart, from);
        if (!np && form === "ed") {
          const bareNp = BARE_NP.exec(masked.slice(from, verbStart));
          if (
            bareNp &&
            !/\b(?:it|this|that|which|who|there|and|but|or|is|was|are|were|he|she|they|we|i|you|have|has|had|been|be|being|will|would|can|could|may|might|must|should|not)\b/.test(
              bareNp[1]!,
            )
          ) {
            const start = from + bareNp[0].indexOf(bareNp[1]!);
            np = { text: bareNp[1]!, name: bareNp[1]!, role: null, kind: "nominal", start, end: start + bareNp[1]!.length };
          }
        }
        if (np && form === "s" && np.kind === "nominal") np = null;
        // The speaker opens the clause right after the quotation (not ", which it believes").
        if (np && !/^[\s,—–-]*$/.test(masked.slice(from, np.start))) np = null;
      }
      // A plural noun ("commuters", "the striking workers") may come before the verb: read on.
      if (!np && form === "s") continue;
      if (np) out.push({ passage: pi, verb: w[0].toLowerCase(), verbStart, verbEnd, np, inverted, person: null, sentence: s });
      break;
    }
  }
  return out;
}

// "the company said" after "KVX rejected the offer": a definite organization noun refers back.
const ORG_ANAPHOR =
  /^the (?:company|firm|group|organi[sz]ation|agency|ministry|government|department|carrier|operator|manufacturer|maker|bank|lender|insurer|fund|retailer|utility|developer|supplier|provider|producer|exporter|importer|chain|brand|platform|publisher|corporation|conglomerate|consortium|network|airline|automaker|start-?up|union|party|campaign|newspaper|broadcaster|regulator|council|authority|association|federation|commission|institute|foundation|charity|club|team|university|hospital)$/i;

const PERSON_NOUN =
  /^(?:spokes(?:man|woman|person)|official|minister|president|lawyer|officer|reporter|writer|teacher|farmer|worker|player|leader|manager|researcher|voter|analyst|expert|economist|source|diplomat|aide|adviser|advisor|chair(?:man|woman)?|director|executive|chief|secretary|ambassador|senator|governor|mayor|judge|prosecutor|doctor|nurse|witness|man|woman|resident|narrator|host|author|driver|owner|founder|partner|member|candidate|nominee|commissioner|envoy|king|queen|prince|pope|general|commander|sheriff|coach|activist|critic|supporter|victim|survivor|suspect|defendant|plaintiff|student|professor|scientist|researcher|official|pilot|soldier|veteran|officials|police)$/;

interface Group {
  /** The group as written, or null for a coordination of names (no one speaker). */
  text: string | null;
  at: number;
}

/**
 * The plural subjects "they" may stand for: those of earlier sentences, and the own sentence's
 * unless "they said" is set off after a comma (`Dozens of people were missing, they said.`: the
 * group is what is reported, not who reports it).
 */
function theyGroups(groups: Group[], masked: string, st: Statement, pi: number): Group[] {
  if (st.np.pronoun !== "they") return [];
  const own = POS(pi, st.sentence.start);
  const setOff = /,\s*$/.test(masked.slice(Math.max(st.sentence.start, st.np.start - 4), st.np.start));
  return setOff ? groups.filter((g) => g.at < own) : groups;
}

/**
 * "they said": the latest plural subject in this paragraph or the one before, when it came after
 * any organisation "they" could stand for (as written, or no speaker for "Ruiz and Baker"), else
 * that organisation.
 */
function theySpeaker(at: number, people: People, groups: Group[]): Person | null {
  const org = people.antecedent("they", at);
  let g: Group | undefined;
  for (const x of groups) if (x.at < at && Math.floor(x.at / 1_000_000) >= Math.floor(at / 1_000_000) - 1) g = x;
  if (g && (!org || g.at > org.at)) return g.text ? { name: g.text, role: null, kind: "nominal", at } : null;
  return org ?? null;
}

function resolveSpeaker(np: SpeakerNP, at: number, people: People, groups: Group[] = []): Person | null {
  if (np.pronoun) {
    if (np.pronoun === "i" || np.pronoun === "we") return null;
    if (np.pronoun === "they") return theySpeaker(at, people, groups);
    // "it said" after "The firm, Halden Logistics, filed…": an organisation named, subject or not.
    return people.antecedent(np.pronoun, at, np.gender) ?? (np.pronoun === "it" ? people.organizationFor(null, at) : undefined) ?? null;
  }
  // "the company said", "the builder said": a definite organization-like noun names the
  // organization last mentioned in this paragraph or the one before.
  if (np.kind === "nominal" && (ORG_ANAPHOR.test(np.text) || (/^the [a-z-]+$/.test(np.text) && !PERSON_NOUN.test(np.text.slice(4))))) {
    const noun = np.text.slice(4).toLowerCase();
    const listed = ORG_ANAPHOR.test(np.text);
    let org = people.antecedent("it", at);
    // (An organisation the noun does not fit is not meant: "the group" is not the police.)
    if (!org || org.kind !== "organization" || Math.floor(org.at / 1_000_000) < Math.floor(at / 1_000_000) - 1 || (listed && !fitsDescription(org.name, noun)))
      org = undefined;
    // The latest organisation named that the noun fits, subject or not ("Regulators fined Brightwell
    // Foods… the company said").
    const named = listed ? people.organizationFor(noun, at) : undefined;
    // (The same organisation as a subject keeps the role that mention gave it.)
    if (named && (!org || named.at > org.at) && !(org && sameOrg(org.name, named.name))) return named;
    if (org) return org;
  }
  // "the mayor said" after "Mayor Ana Ruiz": a definite description of one person is the person
  // named with that title or role before.
  const role = np.kind === "nominal" ? /^the\s+(?:[\p{L}-]+\s+){0,2}(\p{Ll}+)$/u.exec(np.text) : null;
  if (role && PERSON_NOUN.test(role[1]!.toLowerCase()) && !/s$/.test(role[1]!)) {
    const named = people.byRole(role[1]!, at);
    if (named) return { ...named, at };
  }
  return people.resolve(np, at);
}

/** "The IMF" and "IMF" are one organisation. */
function sameOrg(a: string, b: string): boolean {
  const key = (n: string): string => n.toLowerCase().replace(/^the\s+/, "");
  return key(a) === key(b);
}

/** "SOL:" → Sol, expanded to the full name the document gave ("Nina Sol") when it did. */
function labelled(base: QuoteDraft, label: string, people: People, at: number): QuoteDraft {
  const name = label.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase());
  const person = people.resolve({ text: name, name, role: null, kind: "unknown", start: 0, end: 0 }, at);
  people.spoke(person);
  return { ...base, ...speakerFields(person), speakerKind: person.kind === "unknown" ? "person" : person.kind, via: "label" };
}

const ROUNDUP_LABEL = /^\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*,\s*([^,:"“”]{2,60}?)\s*:\s*$/u;

function sentenceAt(p: PassageText, at: number): Span {
  return p.sentences.find((s) => s.start <= at && at < s.end) ?? p.sentences[p.sentences.length - 1] ?? { start: 0, end: p.text.length };
}

// Counted without collecting the words: it runs several times per quotation.
const WORD_RUN_RE = /[\p{L}\p{N}]+/gu;
function wordCount(s: string): number {
  let n = 0;
  WORD_RUN_RE.lastIndex = 0;
  while (WORD_RUN_RE.test(s)) n++;
  return n;
}

function attribute(
  pi: number,
  p: PassageText,
  q: QuoteSpan,
  qi: number,
  spans: QuoteSpan[],
  statements: Statement[],
  intros: Statement[],
  drafts: QuoteDraft[],
  prev: Previous,
  sentenceSubject: Map<number, Person>,
  people: People,
): QuoteDraft {
  const base: QuoteDraft = {
    passage: pi,
    text: p.text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    speaker: null,
    role: null,
    speakerKind: "unknown",
    via: null,
    direct: true,
  };
  const words = wordCount(base.text);
  const withSt = (st: Statement, via: string): QuoteDraft =>
    st.person
      ? {
          ...base,
          ...speakerFields(st.person),
          via,
          attribution: { passage: st.passage, start: Math.min(st.np.start, st.verbStart), end: Math.max(st.np.end, st.verbEnd) },
        }
      : base;
  // A transcript line: "SOL: Well, now…" — the label names the speaker.
  const label = /^([\p{Lu}][\p{Lu}.'’-]+(?:\s+[\p{Lu}][\p{Lu}.'’-]+){0,2}):\s/u.exec(base.text);
  if (label && label[1]!.length >= 2) return labelled(base, label[1]!, people, POS(pi, q.start));
  const startSentence = sentenceAt(p, q.markStart);
  const endSentence = sentenceAt(p, Math.max(q.markStart, q.markEnd - 1));
  // A roundup label: `Dana Ruiz, The Harbour Times: "…"` (name, then outlet or role, then colon).
  const roundup = ROUNDUP_LABEL.exec(p.text.slice(startSentence.start, q.markStart));
  if (roundup && mainVerbAt(roundup[0], 0, roundup[0].length) < 0 && verbForm(roundup[2]!.trim().split(/\s+/).pop()!) === null) {
    const np = subjectBefore(roundup[1]!, roundup[1]!.length, 0);
    if (np && !np.pronoun && np.kind !== "nominal" && np.start === 0) {
      const person = people.resolve({ ...np, role: np.role ?? roundup[2]!.trim() }, POS(pi, q.start));
      people.spoke(person);
      return { ...base, ...speakerFields(person), via: "label" };
    }
  }
  const nextQuote = spans[qi + 1];
  // The name of a work is no one's words: `told NBC's "Harbour Week,"`, `his memoir, "Low Tide"`.
  if (isWorkTitle(base.text, p.text.slice(Math.max(0, q.markStart - 40), q.markStart))) return base;

  // 1. `"…," X said` / `"…," said X`: the attribution right after the closing mark.
  if (q.closed) {
    // (The quote may end its sentence — "…seats?” Ortega said — so the next sentence counts too.)
    const st = statements.find((s) => {
      if (s.verbStart < q.markEnd) return false;
      if (nextQuote && s.verbStart > nextQuote.markStart) return false;
      const lead = Math.min(s.np.start, s.verbStart);
      if (!(
        lead >= q.markEnd &&
        /^[\s,—–-]*(?:as\s+)?$/i.test(p.text.slice(q.markEnd, lead)) &&
        wordCount(p.text.slice(q.markEnd, s.verbStart)) <= 14 + wordCount(s.np.role ?? "")
      ))
        return false;
      // A quotation closed by a full stop ends its sentence: the next sentence attributes it only
      // when it is nothing but the attribution (`"…." Hale said.`), not a new statement of its own.
      return !endsWithStop(base.text) || closesAfter(p.text, s, sentenceAt(p, s.verbStart));
    });
    if (st?.person) return withSt(st, "after");
    // `"…" ― Petra Vogel`: a name after a dash closes the paragraph.
    const dash = /^\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\.?\s*$/u.exec(
      p.text.slice(q.markEnd, nextQuote ? nextQuote.markStart : p.text.length),
    );
    if (dash) return { ...base, speaker: dash[1]!.replace(/\.$/, ""), role: null, speakerKind: "person", via: "dash" };
  }
  // 2. `X said (that) … "…"`: the speech verb before the quote in its sentence. A weak verb
  // ("called", "urging") takes the quote only as its near object, and inside the report of a
  // strong one ("told a paper that the city was asking residents to adopt "…"") only right next to it.
  const befores = statements.filter((s) => s.verbEnd <= q.markStart && s.verbStart >= startSentence.start && s.person);
  const isStrong = (s: Statement): boolean => SPEECH_VERBS.has(s.verb) || s.verb === "according to";
  const strong = befores.filter(isStrong).pop();
  const weak = befores.filter((s) => !isStrong(s) && (!strong || s.verbStart > strong.verbStart)).pop();
  const gap = (s: Statement): number => wordCount(p.text.slice(s.verbEnd, q.markStart));
  if (weak && gap(weak) <= (strong ? 1 : 8)) return withSt(weak, "before");
  if (strong && gap(strong) <= 45) return withSt(strong, "before");
  // Short scare quotes ("shoddy") get a speaker only from a verb that governs them (1 and 2); a
  // short quotation that is a whole sentence of its own (`"Not yet."`) is not a scare quote.
  const wholeSentence =
    p.text.slice(startSentence.start, q.markStart).trim() === "" && /^[\s)\]]*$/.test(p.text.slice(q.markEnd, endSentence.end)) && /[.!?…]$/.test(base.text);
  if (words <= 2 && !wholeSentence) return base;
  // 2b. A clause with no speech verb introduces the quote after a comma or colon: its subject.
  const intro = intros.find((s) => s.sentence.start === startSentence.start && s.verbEnd <= q.markStart && s.person && introduces(p.text, s, q));
  if (intro) return withSt(intro, "clause");
  // 3. `X said:` and the quote opens the next sentence or paragraph.
  const startsSentence = p.text.slice(startSentence.start, q.markStart).trim() === "";
  if (startsSentence) {
    const prevSentence = p.sentences.filter((s) => s.end <= startSentence.start).pop();
    const intro = prevSentence
      ? [...statements, ...intros].find((s) => s.sentence.start === prevSentence.start && /:\s*$/.test(p.text.slice(s.verbEnd, prevSentence.end)) && s.person)
      : undefined;
    if (intro) return withSt(intro, "colon");
    if (q.opensPassage && !prevSentence && prev.introducer) return withSt(prev.introducer, "colon");
  }
  // 3b. `…, Dorsey said. "The next step…"`: the previous sentence's speaker goes on.
  if (startsSentence) {
    const prevSentence = p.sentences.filter((s) => s.end <= startSentence.start).pop();
    const said = prevSentence ? statements.filter((s) => s.sentence.start === prevSentence.start && s.person && SPEECH_VERBS.has(s.verb)).pop() : undefined;
    if (said && !spans.some((o) => o !== q && o.markStart >= prevSentence!.start && o.markStart < prevSentence!.end)) return withSt(said, "previous");
  }
  // 4. "according to X" anywhere in the sentence.
  const acc = statements.find((s) => s.verb === "according to" && s.sentence.start === startSentence.start && s.person);
  if (acc) return withSt(acc, "according");
  // 5. Later in the same sentence: `"…" — and X added`, or an attribution closing the sentence
  // (`A clerk who "pockets a few coins" is punished, Baxter said.`).
  const laterSame = statements.find(
    (s) => s.verbStart >= q.markEnd && s.verbStart < endSentence.end && s.person && !s.inverted && (!nextQuote || s.verbStart < nextQuote.markStart),
  );
  if (laterSame && (startsSentence || closesSentence(p.text, laterSame, endSentence))) return withSt(laterSame, "sentence");
  // 6. Continuing the previous quote of this paragraph.
  const prevInPassage = [...drafts].reverse().find((d) => d.direct && d.speaker);
  if (prevInPassage) return { ...base, speaker: prevInPassage.speaker, role: prevInPassage.role, speakerKind: prevInPassage.speakerKind, via: "continued" };
  // 7. A paragraph that is all quotation continues the previous paragraph's speaker.
  if (q.opensPassage && prev.quote?.speaker && (prev.endsOpen || prev.quoteAtEnd) && !statements.some((s) => s.person)) {
    return { ...base, speaker: prev.quote.speaker, role: prev.quote.role, speakerKind: prev.quote.speakerKind, via: "paragraph" };
  }
  // 8. The next quote of the paragraph names the speaker (`"A." "B," she said.`).
  const nextAttributed = statements.find((s) => s.verbStart >= q.markEnd && s.person && s.sentence.start === endSentence.start);
  if (nextAttributed && startsSentence) return withSt(nextAttributed, "sentence");
  // 9. A quotation right after a sentence about a named person ("Roe listed… "The first…"").
  if (startsSentence) {
    const prevSentence = p.sentences.filter((s) => s.end <= startSentence.start).pop();
    const subject = prevSentence ? sentenceSubject.get(prevSentence.start) : undefined;
    if (subject) return { ...base, ...speakerFields(subject), via: "subject" };
  }
  return base;
}

const TITLE_FUNCTION_WORD = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|as|is|vs\.?|&)$/i;
// What introduces a title: a possessive name (a network's show), a kind of work, or a verb of
// publishing. ("called" and "dubbed" are left out: they introduce a speaker's own epithet.)
const WORK_CONTEXT =
  /(?:\p{Lu}[\p{L}.&-]*(?:['’]s|s['’])|\b(?:book|novel|memoir|film|movie|documentary|show|program|programme|series|episode|album|song|play|musical|opera|essay|column|article|op-ed|poem|painting|exhibition|podcast|titled|entitled|wrote|writes|published|authored|on|in))\s*,?\s*$/u;

/**
 * The quoted words name a work: short, every word capitalised but the small ones, and put where a
 * title goes (after a possessive name, a kind of work, "titled", "published", or "on"/"in").
 */
function isWorkTitle(quoted: string, before: string): boolean {
  const words = quoted.replace(/[.,]$/, "").split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8 || /[?!:;]/.test(quoted)) return false;
  if (!words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_FUNCTION_WORD.test(w)))) return false;
  return WORK_CONTEXT.test(before);
}

/** True when quoted words end with a full stop (not an ellipsis or an abbreviation's point). */
function endsWithStop(quoted: string): boolean {
  return /[^.]\.$/.test(quoted.trimEnd()) && !/\b\p{Lu}\.$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.$/u.test(quoted.trimEnd());
}

/** The attribution is all that is left of its sentence: `Hale said.`, `said Hale on Tuesday.` */
function closesAfter(text: string, st: Statement, sentence: Span): boolean {
  const tail = text.slice(Math.max(st.np.end, st.verbEnd), sentence.end);
  return wordCount(tail) <= 5 && !/["“”]/.test(tail);
}

/** `…, Baxter said.` / `…, officials said on Friday.`: the statement is the sentence's last clause. */
function closesSentence(text: string, st: Statement, sentence: Span): boolean {
  const lead = Math.min(st.np.start, st.verbStart);
  const tail = text.slice(Math.max(st.np.end, st.verbEnd), sentence.end);
  return /,\s*$/.test(text.slice(sentence.start, lead)) && wordCount(tail) <= 5 && !/["“”]/.test(tail);
}

/** The reported words of an indirect statement: after `X said (that)`, or before `…, X said.` */
function complement(text: string, st: Statement): { start: number; end: number } | null {
  const s = st.sentence;
  const lead = Math.min(st.np.start, st.verbStart);
  const tail = Math.max(st.np.end, st.verbEnd);
  let start: number;
  let end: number;
  if (/^[\s,.]*$/.test(text.slice(tail, s.end)) || (/^\s*,/.test(text.slice(tail, s.end)) && lead > s.start + 20)) {
    start = s.start;
    end = lead;
  } else {
    start = tail;
    end = s.end;
  }
  let c = text.slice(start, end);
  const lstrip = c.length - c.replace(/^[\s,:;—–-]*(?:(?:to|in|on)\s+[^,]{0,40}?\s+)?(?:that\s+)?/i, "").length;
  start += lstrip;
  c = text.slice(start, end);
  const rstrip = c.length - c.replace(/[\s,;:—–-]+$/, "").length;
  end -= rstrip;
  return wordCount(text.slice(start, end)) >= 4 ? { start, end } : null;
}
