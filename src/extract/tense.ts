// Past or future around a time expression, from the verb group that governs it: the nearest verb
// group before it in its clause (English adjuncts follow their verb: "will be sworn in … in
// June"), else the one after it ("The board on Friday approved …"). A bare "Thursday" in "the
// choir plans to sing on Thursday" is the next one, in "the bridge collapsed Friday" the last one.
// Only when no verb group is found do loose markers nearby ("ago", "upcoming") decide. Whether
// the tense came from the expression's own clause is reported too: a yearly date near the
// article goes to the nearest one unless its own clause says otherwise.

import speechVerbs from "./lexicons/speech-verbs.json" with { type: "json" };

export type Tense = "past" | "present" | "future" | "unknown";

interface Token {
  w: string; // lower case
  raw: string;
  s: number;
  e: number;
}

interface Cue {
  s: number;
  e: number;
  tense: Tense;
  /** A present-simple guess counts only when nothing firmer is in the clause. */
  weak?: boolean;
  /** For an infinitive that looks ahead: where its governing verb starts. */
  governor?: number;
}

const TOKEN_RE = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

const FUTURE_AUX = new Set(["will", "shall", "won't", "wo", "'ll"]);
const MODALS = new Set(["would", "might", "could", "may", "should", "wouldn't", "couldn't"]);
const PAST_AUX = new Set(["was", "were", "did", "had", "wasn't", "weren't", "didn't", "hadn't"]);
const PRESENT_AUX = new Set(["is", "are", "am", "does", "do", "isn't", "aren't", "doesn't", "don't"]);
const PERFECT = new Set(["has", "have", "hasn't", "haven't"]);
const BE = new Set(["be", "been", "being"]);
const ADVERBS = new Set([
  "not",
  "never",
  "also",
  "still",
  "already",
  "just",
  "now",
  "then",
  "again",
  "soon",
  "only",
  "even",
  "once",
  "jointly",
  "formally",
  "officially",
  "finally",
  "reportedly",
]);
// Words that, before "to" + verb, put the verb ahead of them: "wants to sell", "is set to land".
const FUTURE_GOVERNORS =
  /^(?:wants?|wanted|wanting|plans?|planned|planning|expects?|expected|expecting|scheduled?|schedules|set|due|intends?|intended|aims?|aimed|hopes?|hoped|hoping|seeks?|sought|seeking|proposes?|proposed|promises?|promised|decides?|decided|agrees?|agreed|chooses?|chose|offers?|offered|pledges?|pledged|vows?|vowed|threatens?|threatened|prepares?|prepared|preparing|poised|slated|likely|going|about|needs?|needed|wish(?:es|ed)?|ready|is|are|was|were|has|have|had)$/;
// Participles that name a plan whatever the auxiliary: "has been scheduled for June 3".
const PLANNED_WORDS = new Set("scheduled|slated|planned|expected|due|set|timetabled|pencilled|penciled|earmarked|billed".split("|"));
const PLANNED = { test: (w: string): boolean => PLANNED_WORDS.has(w) };
// A participle right after a preposition is an adjective on its noun ("on imported steel", "with
// armed guards"), never the sentence's verb.
const PREPOSITIONS = new Set([
  "on",
  "in",
  "at",
  "with",
  "for",
  "from",
  "by",
  "into",
  "onto",
  "over",
  "under",
  "about",
  "against",
  "without",
  "within",
  "through",
  "across",
  "toward",
  "towards",
  "among",
  "amid",
  "despite",
  "via",
  "per",
]);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "this",
  "these",
  "those",
  "of",
  "and",
  "or",
  "newly",
  "most",
  "more",
  "much",
  "long",
  "so",
  "very",
  "well",
]);
const IRREGULAR_PAST = new Set(
  "said told went came took made found gave met left began won lost fled held fell rose sent spent kept brought bought thought felt wrote spoke broke chose drove flew grew knew threw saw ran became stood struck sold led paid laid built shot hid fought sought caught taught arose forgot got heard meant slept swore tore wore woke sank shook stole swam withdrew overtook undertook upheld overthrew rode rang sang hung dealt dug fed lit quit split spread bet cut hit hurt put shut cast cost".split(
    " ",
  ),
);
// Irregular forms that are as often present or participles ("cut", "hit", "put", "set", "read"
// and "let" are past only when the sentence says so), left to the other cues.
const AMBIGUOUS_PAST = new Set(["cut", "hit", "put", "shut", "cast", "cost", "bet", "quit", "split", "spread", "hurt", "read", "let", "set"]);
const NOT_PAST =
  /^(?:need|speed|indeed|proceed|exceed|succeed|feed|seed|hundred|bred|red|bed|wed|shed|fled|creed|greed|embed|breed|weed|steed|naked|wicked|sacred|kindred|rugged|ragged|jagged|beloved|learned|aged|alleged|supposed|so-called|biased|advanced|armed|based|concerned|detailed|experienced|interested|limited|noted|related|skilled|talented|united|used|varied|troubled|embattled|designated)$/;
// Present-simple forms of event verbs that news uses for schedules ("the choirs meet
// Thursday", "the exhibition opens in May"); only a guess, so only when nothing else speaks.
const SCHEDULE_BASES = new Set(
  "meet|vote|begin|start|open|close|end|resume|return|leave|arrive|visit|travel|host|launch|release|announce|decide|rule|sign|testify|appear|go|head|fly|gather|convene|debate|consider|expire|unveil|hear|hold|face|play|take|kick|wrap|speak|address|deliver|present|publish|issue|award|celebrate|mark|open|sit|reconvene|tour|sail|compete|race|perform|premiere|debut|graduate|retire|depart|last|run|stay|remain|continue".split(
    "|",
  ),
);
const isScheduleBase = (w: string): boolean =>
  SCHEDULE_BASES.has(w) || (w.endsWith("s") && (SCHEDULE_BASES.has(w.slice(0, -1)) || (w.endsWith("es") && SCHEDULE_BASES.has(w.slice(0, -2)))));
// "reopens", "restarts": the same schedule again.
const isScheduleVerb = (w: string): boolean => isScheduleBase(w) || (/^re[a-z]{3,}$/.test(w) && isScheduleBase(w.slice(2)));
// Present linking verbs before a participle that is an adjective: "the shops stay closed".
const LINKING_PRESENT = new Set("stay stays remain remains seem seems look looks become becomes keep keeps".split(" "));
// Verbs whose object is asked to do something later: "summoned the director to testify".
const CONTROL =
  /\b(?:invit|ask|order|urg|subpoena|summon|instruct|direct|request|requir|call(?:ed|s|ing)? on|tell|told|encourag|persuad|advis)[a-z]*\b(?:\s+\S+){1,4}$|\b(?:expects?|forecasts?|predicts?|wants?|allows?)\b(?:\s+\S+){1,4}$/;
const PUT_OFF_WORDS = new Set(
  "postpone postponed postpones delay delayed delays defer deferred defers adjourn adjourned adjourns extend extended extends suspend suspended suspends recessed pushed moved rescheduled put".split(
    " ",
  ),
);
const PUT_OFF = { test: (w: string): boolean => PUT_OFF_WORDS.has(w) };
// Adjectives that name a plan before its noun.
const NP_PLAN_WORDS = new Set("upcoming|proposed|planned|scheduled|slated|expected|anticipated|impending|forthcoming".split("|"));
const NP_PLAN = { test: (w: string): boolean => NP_PLAN_WORDS.has(w) };
// Verbs after which "to be" + participle reports a belief, not a plan ("was said to be hurt").
const EPISTEMIC =
  /^(?:said|says|say|believed|thought|reported|known|found|claimed|alleged|seemed|seems|seem|appeared|appears|appear|proved|proven|understood|considered|rumou?red|supposed|estimated)$/;

/**
 * Could the token before a present-tense verb be its subject? A plural noun or a pronoun before a
 * plain form ("the choirs meet", "they meet"); any noun-like word before an -s form ("the
 * fleet sails"); never an article, an -ed/-ing adjective or an auxiliary ("a televised address").
 */
function subjectBefore(p: Token, thirdPerson: boolean): boolean {
  if (
    DETERMINERS.has(p.w) ||
    /(?:ed|ing|ly)$/.test(p.w) ||
    FUTURE_AUX.has(p.w) ||
    MODALS.has(p.w) ||
    BE.has(p.w) ||
    PAST_AUX.has(p.w) ||
    PRESENT_AUX.has(p.w) ||
    PERFECT.has(p.w) ||
    p.w === "to"
  )
    return false;
  if (/^(?:they|we|i|you|who)$/.test(p.w)) return !thirdPerson;
  if (/^(?:he|she|it|which|that)$/.test(p.w)) return thirdPerson;
  if (thirdPerson) return !/(?:[^su]s|ss)$/.test(p.w) || /^\p{Lu}/u.test(p.raw);
  return /[^su]s$/.test(p.w);
}

const CLAUSE_RE =
  /,(?!\d)|[;:()]|\s[-—–]{1,2}\s|\b(?:that|which|who|whom|whose|when|where|while|if|because|although|though|but|and|after|before|since|until)\b/g;

// Loose markers for a clause without a verb group: adverbs and planning words.
const FUTURE_MARKERS = /\b(?:upcoming|coming|from now|later this|ahead|next)\b/gi;
const PAST_MARKERS = /\b(?:ago|earlier|previously|yesterday|last|recently|former)\b/gi;

function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) out.push({ w: m[0].toLowerCase().replace(/’/g, "'"), raw: m[0], s: m.index, e: m.index + m[0].length });
  return out;
}

function isPastForm(t: Token, first: boolean): boolean {
  if (!first && /^\p{Lu}/u.test(t.raw)) return false; // names: "United", "Alfred"
  if (IRREGULAR_PAST.has(t.w)) return !AMBIGUOUS_PAST.has(t.w);
  return /^[a-z]{2,}(?:(?<!e)ed|ied)$/.test(t.w) && !NOT_PAST.test(t.w);
}

// A sentence with several expressions is read once.
let memo: { sentence: string; cues: Cue[] } | null = null;

/** Verb groups of the sentence, each with its tense, in order. */
function verbGroups(sentence: string): Cue[] {
  if (memo?.sentence !== sentence) memo = { sentence, cues: findVerbGroups(sentence) };
  return memo.cues;
}

function findVerbGroups(sentence: string): Cue[] {
  const toks = tokenize(sentence);
  const cues: Cue[] = [];
  const skipAdverbs = (i: number): number => {
    while (i < toks.length && (ADVERBS.has(toks[i]!.w) || toks[i]!.w.endsWith("ly"))) i++;
    return i;
  };
  // Does the group starting after index i carry a plan ("set to", "scheduled for")?
  const planned = (i: number): boolean => {
    for (let j = i; j < Math.min(toks.length, i + 4); j++) {
      const w = toks[j]!.w;
      if (PLANNED.test(w) || (w === "going" && toks[j + 1]?.w === "to") || (w === "about" && toks[j + 1]?.w === "to")) return true;
      if (!BE.has(w) && !ADVERBS.has(w) && !w.endsWith("ly")) return false;
    }
    return false;
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const w = t.w;
    const start = t.s;
    let tense: Tense | null = null;
    let governorAt: number | undefined;
    let j = i + 1;
    // The word before, unless a comma stands between: in "in 2005, scrapped" the preposition is
    // not this word's ("in" before a participle makes it an adjective; "the 2005 revised plan" still does).
    const prev = i > 0 && !/[,;:()]/.test(sentence.slice(toks[i - 1]!.e, t.s)) ? toks[i - 1]!.w : undefined;
    if (FUTURE_AUX.has(w) || w.endsWith("'ll")) tense = "future";
    else if (MODALS.has(w) && (w !== "may" || t.raw === "may")) {
      const k = skipAdverbs(i + 1);
      // "could" is as often a past ability ("could not be reached Monday") as a possibility.
      tense = toks[k]?.w === "have" && toks[k + 1] && /ed$|^been$/.test(toks[k + 1]!.w) ? "past" : /^could/.test(w) ? "unknown" : "future";
    } else if (PAST_AUX.has(w) || PRESENT_AUX.has(w) || PERFECT.has(w)) {
      const k = skipAdverbs(i + 1);
      const next = toks[k]?.w;
      // "is set to", "has been scheduled for", "was due to": a plan, so the date is ahead (a plan
      // already carried out would be told in the past: "landed", not "was set to land").
      if (next === "to" || planned(k)) tense = "future";
      else if (PAST_AUX.has(w)) tense = "past";
      else if (PERFECT.has(w))
        tense = next === "been" || (next !== undefined && (/ed$/.test(next) || IRREGULAR_PAST.has(next) || /en$/.test(next))) ? "past" : "present";
      else tense = "present";
    } else if (w === "to" && i > 0) {
      // An infinitive ("to land"): ahead when its governor looks ahead; else it shares the
      // governor's group and is no cue of its own.
      const next = toks[i + 1];
      const verbish = next && /^\p{Ll}/u.test(next.raw) && !DETERMINERS.has(next.w) && !/^(?:\d|be$)/.test(next.w);
      let g = i - 1;
      while (g >= 0 && (ADVERBS.has(toks[g]!.w) || toks[g]!.w.endsWith("ly"))) g--;
      const governed = g >= 0 && FUTURE_GOVERNORS.test(toks[g]!.w) && sentence.slice(toks[g]!.e, t.s).trim().length <= 30;
      // "invited the mayors to attend", "ordered him to appear": the object is to act later.
      const control = CONTROL.test(
        toks
          .slice(Math.max(0, i - 5), i)
          .map((x) => x.w)
          .join(" "),
      );
      // "an event to be held": a passive infinitive after a noun is still to happen.
      const passive = next?.w === "be" && /(?:ed|en|wn|held|put|set|met|run)$/.test(toks[i + 2]?.w ?? "") && g >= 0 && !EPISTEMIC.test(toks[g]!.w);
      if (((verbish || next?.w === "be") && (governed || control)) || passive) {
        tense = "future";
        if (governed) governorAt = toks[g]!.s;
      }
    } else if (PUT_OFF.test(w) && toks.slice(i + 1, i + 5).some((x) => x.w === "until" || x.w === "till")) {
      tense = "future"; // "postponed until Tuesday": the new date is ahead
    } else if (
      PLANNED.test(w) &&
      /^(?:for|on|in|at|by|next|this)$/.test(toks[i + 1]?.w ?? "") &&
      !(prev && (PAST_AUX.has(prev) || BE.has(prev) || PERFECT.has(prev)))
    ) {
      // "a vote planned for Friday": planned, but ahead of when? The date decides.
      tense = "unknown";
    } else if (NP_PLAN.test(w) && prev && DETERMINERS.has(prev) && /^\p{Ll}/u.test(toks[i + 1]?.raw ?? "")) {
      tense = "future"; // "the planned visit", "an expected ruling": a plan named by its noun
    } else if (
      isPastForm(t, i === 0) &&
      !(
        prev &&
        (DETERMINERS.has(prev) ||
          PREPOSITIONS.has(prev) ||
          BE.has(prev) ||
          PAST_AUX.has(prev) ||
          PRESENT_AUX.has(prev) ||
          PERFECT.has(prev) ||
          prev === "to" ||
          LINKING_PRESENT.has(prev))
      )
    ) {
      tense = "past";
    } else if (
      isScheduleVerb(w) &&
      /^\p{Ll}/u.test(t.raw) &&
      i > 0 &&
      // "the choirs meet", or a second verb of the same subject: "the mill closed and reopens"
      (subjectBefore(toks[i - 1]!, /[^s]s$/.test(w)) || (/^(?:and|but|then)$/.test(toks[i - 1]!.w) && /[^s]s$/.test(w) && cues.length > 0))
    ) {
      cues.push({ s: start, e: t.e, tense: "present", weak: true });
      i++;
      continue;
    }
    if (
      tense &&
      tense !== "future" &&
      toks.slice(i, i + 4).some((x) => PUT_OFF.test(x.w)) &&
      toks.slice(i + 1, i + 6).some((x) => x.w === "until" || x.w === "till")
    ) {
      tense = "future"; // "was postponed until Tuesday": the new date is ahead
    }
    if (tense) {
      // The group runs on over adverbs, auxiliaries, participles and the main verb.
      while (
        j < toks.length &&
        (ADVERBS.has(toks[j]!.w) ||
          toks[j]!.w.endsWith("ly") ||
          BE.has(toks[j]!.w) ||
          toks[j]!.w === "have" ||
          /(?:ed|en|ing)$/.test(toks[j]!.w) ||
          PLANNED.test(toks[j]!.w)) &&
        j - i < 6
      )
        j++;
      if (j < toks.length && j === i + 1 && tense !== "past") j++; // the main verb after an auxiliary
      cues.push({ s: start, e: toks[j - 1]!.e, tense, ...(governorAt !== undefined ? { governor: governorAt } : {}) });
      i = j;
      continue;
    }
    i++;
  }
  // "planned to pay", "wanted to sell": one group that looks ahead, not a past one and a future one.
  return cues.filter((c) => !cues.some((f) => f.governor !== undefined && f.governor >= c.s && f.governor < c.e && c.tense !== "future"));
}

/** Whether offset `at` of the sentence lies in one of its verb groups ("was expanded"). */
export function inVerbGroup(sentence: string, at: number): boolean {
  return verbGroups(sentence).some((c) => c.s <= at && at < c.e);
}

/** The clause around [start, end): [from, to) offsets in the sentence. */
export function clauseOf(sentence: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_RE)) {
    // "trapped since June 2", "open until Friday": a preposition right before the expression
    // begins no clause.
    if (/^(?:since|until|before|after)$/i.test(m[0]) && /^\s+$/.test(sentence.slice(m.index + m[0].length, start))) continue;
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return [from, to];
}

/**
 * The clause an expression belongs to, with a fronted adverbial ("On Friday, the board …",
 * "Next week, the mill will …") counted in the clause that follows its comma.
 */
export function clauseWithFronted(sentence: string, start: number, end: number): [number, number] {
  const [from, to] = clauseOf(sentence, start, end);
  if (!FRONTED_LEAD.test(sentence.slice(0, start)) || !/^\s*,$/.test(sentence.slice(end, to + 1))) return [from, to];
  return [from, clauseOf(sentence, to + 1, to + 1)[1]];
}
// Only a preposition (or nothing) before a sentence-initial time expression.
const FRONTED_LEAD = /^\s*(?:(?:on|in|at|by|during|since|until|from|early|late|earlier|later|last|this)\s+)?$/i;

/** The verb group that governs [start, end) within [from, to): before it, else after it. */
function governing(cues: Cue[], start: number, end: number, from: number, to: number, weak = false): Cue | null {
  const inside = cues.filter((c) => c.s >= from && c.e <= to && (c.e <= start || c.s >= end) && !!c.weak === weak);
  // A present-simple guess only as the verb before the expression ("the choirs meet on Thursday").
  if (weak) return inside.filter((c) => c.e <= start).pop() ?? null;
  return inside.filter((c) => c.e <= start).pop() ?? inside.find((c) => c.s >= end) ?? null;
}

export interface TenseReading {
  tense: Tense;
  /** Read from the expression's own clause (a clear tense), not from elsewhere in the sentence. */
  clear: boolean;
  /** The expression modifies a noun ("the June 3 hearing"): the verb is only a hint. */
  modifier?: boolean;
  /** The present of an event verb ("the fair opens in May"): a schedule, so ahead. */
  schedule?: boolean;
}

/** The tense that governs [start, end) in `sentence` (offsets within it). */
export function readTense(sentence: string, start: number, end: number): TenseReading {
  const reading = readVerbTense(sentence, start, end);
  const own = sentence.slice(start, end);
  // "as early as Friday", "no later than June": ahead, unless a verb says otherwise.
  if (reading.tense === "unknown" && /^(?:as (?:early|soon) as|no later than)\b/i.test(own)) return { tense: "future", clear: reading.clear };
  return reading;
}

// Before a date that modifies a noun ("the Jan. 14 deadline", "a June 3 hearing"), the verb tells
// when the deadline was talked about, not when it falls.
const NP_BEFORE = /(?:^|[^\w])(?:the|a|an|its|their|his|her|our|this|that|these|those|of|for)\s+$/i;
const NP_AFTER =
  /^\s+(?!(?:and|or|to|of|in|on|at|for|by|with|from|as|when|that|which|who|is|was|were|are|will|would|has|had|have|could|may|might|after|before|until|since|but)\b)\p{Ll}/u;

function readVerbTense(sentence: string, start: number, end: number): TenseReading {
  const reading = clauseTense(sentence, start, end);
  const modifier =
    !/^the\b/i.test(sentence.slice(start, end)) &&
    NP_BEFORE.test(sentence.slice(Math.max(0, start - 12), start)) &&
    NP_AFTER.test(sentence.slice(end, end + 30));
  // Only a hint then: a near date goes to the nearest, a far one still by the verb.
  return modifier ? { tense: reading.tense, clear: false, modifier: true } : reading;
}

function clauseTense(sentence: string, start: number, end: number): TenseReading {
  const cues = verbGroups(sentence);
  const [from, to] = clauseOf(sentence, start, end);
  const own = governing(cues, start, end, from, to)?.tense ?? markerTense(sentence, start, end, from, to);
  if (own) return { tense: own, clear: true };
  const guess = governing(cues, start, end, from, to, true)?.tense;
  if (guess) return { tense: guess, clear: false, schedule: true };
  const other = governing(cues, start, end, 0, sentence.length)?.tense ?? markerTense(sentence, start, end, 0, sentence.length);
  return { tense: other ?? "unknown", clear: false };
}

function markerTense(sentence: string, start: number, end: number, from: number, to: number): Tense | null {
  let best: { d: number; t: Tense } | null = null;
  const consider = (re: RegExp, t: Tense): void => {
    for (const m of sentence.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (s < from || e > to || (s < end && e > start)) continue; // outside the clause, or the expression's own word ("last")
      const d = s >= end ? s - end : start - e;
      if (!best || d < best.d) best = { d, t };
    }
  };
  consider(FUTURE_MARKERS, "future");
  consider(PAST_MARKERS, "past");
  return (best as { d: number; t: Tense } | null)?.t ?? null;
}

const REPORTING = new Set(speechVerbs.strong.filter((v) => !v.includes(" ")));

/**
 * Whether [start, end) dates the reporting verb ("said on Monday that …", "on Friday
 * announced that …") rather than the event reported: the verb is next to it.
 */
export function isReportingTime(sentence: string, start: number, end: number): boolean {
  const before =
    sentence
      .slice(Math.max(0, start - 30), start)
      .toLowerCase()
      .match(/[a-z']+/g) ?? [];
  const after =
    sentence
      .slice(end, end + 30)
      .toLowerCase()
      .match(/[a-z']+/g) ?? [];
  const near = [...before.slice(-2).filter((w) => w !== "on"), ...after.slice(0, 1)];
  return near.some((w) => REPORTING.has(w));
}
