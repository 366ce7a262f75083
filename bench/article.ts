// One news article as paragraphs: a lead with the news and its time, quotations attributed the
// ways reporters attribute them, dated events, stances, background and reported speech. Every
// quote, time expression and stance is annotated with what a careful reader would answer.
import type { Actor, Person } from "./cast.js";
import { companyActor, countryActor, groupActor, personActor } from "./cast.js";
import type { Rng } from "./prng.js";
import { type StanceBook } from "./stance-book.js";
import type { Tail } from "./tail.js";
import { amount, count, percent } from "./tail.js";
import { article, capitalize, contentWords, isStop, type Paragraph, ParaBuilder, type Polarity, wordSpans } from "./text.js";
import { makeTimex, type Tense, type Timex } from "./timex.js";
import type { Ymd } from "./calendar.js";
import {
  ABSTRACT_NOUNS,
  ADJ_NEGATIVE,
  ADJ_NEUTRAL,
  ADJ_POSITIVE,
  BACKGROUND_TEMPLATES,
  type Company,
  type Country,
  type Domain,
  DURATIONS,
  EVENTS,
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  FRACTIONS,
  GOODS,
  NOMINAL_SPEAKERS,
  NUMBER_WORDS,
  PEOPLE_GROUPS,
  QUOTE_TEMPLATES,
  REPORTED_TEMPLATES,
  SEASONS,
  SUBHEADS,
  type Topic,
  VERBS_BASE,
} from "./words.js";

export interface QuoteMarks {
  open: string;
  close: string;
}

export interface ArticleSetup {
  rng: Rng;
  tail: Tail;
  doc: Ymd | null;
  domain: Domain;
  topics: Topic[];
  country: Country;
  city: string;
  people: Person[];
  companies: Company[];
  groups: string[];
  marks: QuoteMarks;
  /** Later mentions as "Ms. Keller" rather than "Keller" (some papers' house style). */
  honorifics: boolean;
  stances: StanceBook;
  /** Web pages put subheadings between paragraphs; wire copy does not. */
  subheads: boolean;
}

export interface Article {
  headline: string;
  paragraphs: Paragraph[];
}

/** Short phrases a partial quotation takes ("branded them “groundless accusations for political purposes”"). */
const PHRASE_TEMPLATES = [
  "{a_adjneg} gamble with the future of {group}",
  "the wrong answer to the question of {abstract} in {place}",
  "{a_adjpos} signal to {group} and to investors in {goods}",
  "a {adjneg} attack on {group} dressed up as {abstract}",
  "the last chance to {verb} {goods} in {place}",
  "{a_adjneutral} but necessary reform of {goods}",
];

const SPEECH_VERBS = { said: 70, added: 8, "told reporters": 8, noted: 4, argued: 4, insisted: 3, explained: 3 };
const BUSINESSES = ["bakery", "garage", "dairy farm", "hardware shop", "small hotel", "fishing boat", "print shop", "cafe", "haulage firm", "vineyard"];

class Writer {
  readonly r: Rng;
  private readonly mentioned = new Set<string>();
  private readonly unused = new Map<readonly string[], string[]>();
  /** The person quoted in the previous paragraph, for "he said" in the next one. */
  lastSpeaker: Person | null = null;

  constructor(readonly s: ArticleSetup) {
    this.r = s.rng;
  }

  // ---- slots ----

  place(): string {
    const r = this.r;
    switch (r.weighted({ country: 30, city: 25, capital: 10, tail: 35 })) {
      case "country":
        return this.s.country.name;
      case "city":
        return this.s.city;
      case "capital":
        return this.s.country.capital;
      default:
        return this.s.tail.drawName(r);
    }
  }

  goods(): string {
    return this.r.pick(GOODS[this.s.domain]);
  }

  topic(): string {
    return this.r.pick(this.s.topics).np;
  }

  /** A template not used yet in this article (a writer does not repeat a sentence). */
  template(list: readonly string[]): string {
    let left = this.unused.get(list);
    if (!left || left.length === 0) {
      left = [...list];
      this.unused.set(list, left);
    }
    return left.splice(Math.floor(this.r.next() * left.length), 1)[0]!;
  }

  org(): string {
    return this.r.pick(this.s.companies).name;
  }

  fill(template: string): string {
    const r = this.r;
    const out = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case "a_adjneg": {
          const a = r.pick(ADJ_NEGATIVE);
          return `${article(a)} ${a}`;
        }
        case "a_adjpos": {
          const a = r.pick(ADJ_POSITIVE);
          return `${article(a)} ${a}`;
        }
        case "a_adjneutral": {
          const a = r.pick(ADJ_NEUTRAL);
          return `${article(a)} ${a}`;
        }
        case "adjpos":
          return r.pick(ADJ_POSITIVE);
        case "adjneg":
          return r.pick(ADJ_NEGATIVE);
        case "adjneutral":
          return r.pick(ADJ_NEUTRAL);
        case "group":
          return r.pick(PEOPLE_GROUPS);
        case "Group":
          return capitalize(r.pick(PEOPLE_GROUPS));
        case "goods":
        case "goods2":
          return this.goods();
        case "Goods":
          return capitalize(this.goods());
        case "abstract":
        case "abstract2":
          return r.pick(ABSTRACT_NOUNS);
        case "place":
        case "place2":
          return this.place();
        case "Place":
          return capitalize(this.place());
        case "topic":
          return this.topic();
        case "verb":
          return r.pick(VERBS_BASE);
        case "duration":
          return r.pick(DURATIONS);
        case "season":
          return r.pick(SEASONS);
        case "num":
          return r.chance(0.5) ? r.pick(NUMBER_WORDS) : String(r.int(2, 40));
        case "numw":
          return r.pick(NUMBER_WORDS.slice(0, 8)); // "five hundred", never "twenty hundred"
        case "fraction":
          return r.pick(FRACTIONS);
        case "org":
        case "Org":
          return this.org();
        case "org2":
          return r.chance(0.6) ? this.org() : `${this.s.tail.drawName(r)} ${r.pick(["Group", "Holdings", "Ltd", "Partners", "Systems"])}`;
        case "city":
          return r.chance(0.7) ? this.s.city : this.s.tail.drawName(r);
        case "country":
          return this.s.country.name;
        case "good":
          return this.goods();
        case "disease":
          return r.pick(["cancer", "diabetes", "malaria", "asthma", "dementia", "migraine"]);
        default:
          throw new Error(`unknown slot {${slot}}`);
      }
    });
    return out;
  }

  /** A spoken sentence; sometimes with a rare name, a number or jargon, as real quotes have. */
  quoteSentence(): string {
    const r = this.r;
    let q = this.fill(this.template(QUOTE_TEMPLATES));
    const extra = r.weighted({ none: 55, name: 20, jargon: 15, number: 10 });
    if (extra === "name") q += `, ${r.pick(["especially in", "and not only in", "whatever they say in", "starting with"])} ${this.s.tail.drawName(r)}`;
    else if (extra === "jargon")
      q += ` and the ${this.s.tail.drawJargon(r)} rules ${r.pick(["make it worse", "do not change that", "are part of the problem"])}`;
    else if (extra === "number") q += `, and that is ${r.pick(["worth", "costing us", "about"])} ${amount(r)}`;
    return q;
  }

  /** One or two quoted sentences, without the final punctuation. */
  quoteText(): string {
    return this.r.chance(0.45) ? `${this.quoteSentence()}. ${this.quoteSentence()}` : this.quoteSentence();
  }

  // ---- people ----

  private later(p: Person): string {
    return this.s.honorifics ? `${p.pronoun === "she" ? "Ms." : "Mr."} ${p.last}` : p.last;
  }

  /** The person as the subject before "said": title and name, or name and role in commas, or the surname. */
  subject(p: Person): string {
    if (this.mentioned.has(p.full)) return this.later(p);
    this.mentioned.add(p.full);
    return p.title && this.r.chance(0.55) ? `${p.title} ${p.full}` : `${p.full}, ${p.role},`;
  }

  /** The person after "said" at the end of a sentence: "said Anna Keller, Poland's finance minister." */
  afterSaid(p: Person): string {
    if (this.mentioned.has(p.full)) return this.later(p);
    this.mentioned.add(p.full);
    return p.title && this.r.chance(0.4) ? `${p.title} ${p.full}` : `${p.full}, ${p.role}`;
  }

  /** A stance holder or event subject as a sentence names it, with the actor a question would use. */
  actor(weights = { person: 40, company: 25, country: 25, group: 10 }): { text: string; actor: Actor } {
    const r = this.r;
    const kind = r.weighted(weights);
    if (kind === "person") {
      const p = r.pick(this.s.people);
      return { text: this.subject(p), actor: personActor(p) };
    }
    if (kind === "company") {
      const c = r.pick(this.s.companies);
      return { text: c.name, actor: companyActor(c) };
    }
    if (kind === "group" && this.s.groups.length) {
      const g = r.pick(this.s.groups);
      return { text: capitalize(g), actor: groupActor(g) };
    }
    const c = this.s.country;
    // Sometimes the government stands for the country, as news writes it.
    const text = r.chance(0.12) ? `The ${c.adj} government` : capitalize(c.subject);
    return { text, actor: countryActor(c) };
  }

  speechVerb(): string {
    return this.r.weighted(SPEECH_VERBS);
  }

  // ---- annotations ----

  /** A 4–9 word stretch of the quote a reader would remember (the key keeps those of 5+ words that occur once). */
  fragment(b: ParaBuilder, quoteAt: number, quote: string, speakers: string[], speaker: string, pattern: string, direct: boolean): void {
    const sentences = quote.split(/(?<=\.) /);
    const which = this.r.int(0, sentences.length - 1);
    const offset = sentences.slice(0, which).reduce((n, s) => n + s.length + 1, 0);
    const spans = wordSpans(sentences[which]!);
    if (spans.length < 5) return;
    const len = Math.min(spans.length, this.r.int(5, 9));
    let from = this.r.int(0, spans.length - len);
    let to = from + len - 1;
    while (from < to && isStop(spans[from]!.word)) from++;
    while (to > from && isStop(spans[to]!.word)) to--;
    if (to - from + 1 < 4) return;
    const picked = spans.slice(from, to + 1);
    let query = picked.map((s) => s.word).join(" ");
    if (this.r.chance(0.3)) query = query.toLowerCase();
    const start = quoteAt + offset + picked[0]!.start;
    const end = quoteAt + offset + picked[picked.length - 1]!.end;
    b.anns.push({ type: "quote", start, end, query, speakers, speaker, pattern, direct, words: picked.map((s) => s.word.toLowerCase().replace(/’/g, "'")) });
  }

  // ---- paragraphs ----

  quoteParagraph(): Paragraph[] {
    const r = this.r;
    const { open, close } = this.s.marks;
    const b = new ParaBuilder();
    if (r.chance(0.35)) b.sentence(this.background());
    const pattern = r.weighted({
      q_x_said: 20,
      q_said_x: 15,
      colon: 12,
      split_colon: 4,
      partial: 10,
      nominal: 10,
      org_statement: 6,
      org_noun: 4,
      vox_pop: 6,
      according_to: 7,
      said_that: 6,
    });
    const p = r.pick(this.s.people);
    const q = this.quoteText();
    const person = (pat: string, build: () => { at: number; text: string }, direct = true): Paragraph[] => {
      const { at, text } = build();
      this.fragment(b, at, text, [p.last], p.full, pat, direct);
      if (r.chance(0.3)) b.sentence(this.background());
      this.lastSpeaker = direct ? p : null;
      return [b.done()];
    };
    switch (pattern) {
      case "q_x_said":
        return person(pattern, () => {
          const at = b.sentence(`${open}${q},${close} ${this.subject(p)} ${this.speechVerb()}.`);
          return { at: at + open.length, text: q };
        });
      case "q_said_x":
        return person(pattern, () => {
          const at = b.sentence(`${open}${q},${close} said ${this.afterSaid(p)}.`);
          return { at: at + open.length, text: q };
        });
      case "colon":
        return person(pattern, () => {
          const lead = `${this.subject(p)} ${r.pick(["said", "added", "told reporters", "said in a statement"])}: `;
          const at = b.sentence(`${lead}${open}${q}.${close}`);
          return { at: at + lead.length + open.length, text: q };
        });
      case "split_colon": {
        // The attribution ends one paragraph and the quotation is the next (a press release's layout).
        b.sentence(`${this.subject(p)} said:`);
        const first = b.done();
        const qb = new ParaBuilder();
        const at = qb.sentence(`${open}${q}.${close}`);
        this.fragment(qb, at + open.length, q, [p.last], p.full, pattern, true);
        this.lastSpeaker = p;
        return [first, qb.done(r.chance(0.5) ? "blockquote" : "paragraph")];
      }
      case "partial": {
        const phrase = this.fill(this.template(PHRASE_TEMPLATES));
        return person(pattern, () => {
          const lead = `${this.subject(p)} ${r.pick(["called the plan", "described the proposal as", "branded the decision", "said the deal was"])} `;
          const at = b.sentence(`${lead}${open}${phrase}${close}.`);
          return { at: at + lead.length + open.length, text: phrase };
        });
      }
      case "nominal": {
        const n = r.pick(NOMINAL_SPEAKERS);
        const at = b.sentence(r.chance(0.5) ? `${open}${q},${close} said ${n.text}.` : `${open}${q},${close} ${n.text} said.`);
        this.fragment(b, at + open.length, q, [n.core], n.text, pattern, true);
        this.lastSpeaker = null;
        return [b.done()];
      }
      case "org_statement": {
        const c = r.pick(this.s.companies);
        const lead = `${c.name} said in a statement: `;
        const at = b.sentence(`${lead}${open}${q}.${close}`);
        this.fragment(b, at + lead.length + open.length, q, [c.short], c.name, pattern, true);
        this.lastSpeaker = null;
        return [b.done()];
      }
      case "org_noun": {
        // "the company said": the name is in the sentence before.
        const c = r.pick(this.s.companies);
        b.sentence(`${c.name} has been under pressure from ${r.pick(PEOPLE_GROUPS)} for months.`);
        const at = b.sentence(`${open}${q},${close} the ${c.noun} said.`);
        this.fragment(b, at + open.length, q, [c.short], c.name, pattern, true);
        this.lastSpeaker = null;
        return [b.done()];
      }
      case "vox_pop": {
        const she = r.chance(0.5);
        const first = r.pick(she ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
        const last = this.s.tail.drawName(r);
        const at = b.sentence(`${open}${q},${close} said ${first} ${last}, who runs a ${r.pick(BUSINESSES)} in ${this.s.tail.drawName(r)}.`);
        this.fragment(b, at + open.length, q, [last], `${first} ${last}`, pattern, true);
        this.lastSpeaker = null;
        return [b.done()];
      }
      case "according_to": {
        const rep = this.fill(this.template(REPORTED_TEMPLATES));
        return person(
          pattern,
          () => {
            const at = b.sentence(`${capitalize(rep)}, according to ${this.afterSaid(p)}.`);
            return { at, text: rep };
          },
          false,
        );
      }
      default: {
        const rep = this.fill(this.template(REPORTED_TEMPLATES));
        return person(
          "said_that",
          () => {
            const lead = `${this.subject(p)} said that `;
            const at = b.sentence(`${lead}${rep}.`);
            return { at: at + lead.length, text: rep };
          },
          false,
        );
      }
    }
  }

  /** "“…,” he said." right after a paragraph quoting the same person. */
  continuation(): Paragraph | null {
    const p = this.lastSpeaker;
    if (!p) return null;
    const { open, close } = this.s.marks;
    const b = new ParaBuilder();
    const q = this.quoteText();
    const at = b.sentence(`${open}${q},${close} ${p.pronoun} ${this.r.pick(["said", "said", "added", "continued"])}.`);
    this.fragment(b, at + open.length, q, [p.last], p.full, "continuation", true);
    if (this.r.chance(0.3)) b.sentence(this.background());
    return b.done();
  }

  /** A sentence about something that happened or will happen, with its time expression. */
  eventSentence(b: ParaBuilder, lead: string, tense: Tense): void {
    const r = this.r;
    // Things happen to firms and governments more than to people.
    const { text: subject } = this.actor({ person: 10, company: 40, country: 40, group: 10 });
    const [base, past] = r.pick(EVENTS[this.s.domain]);
    const pred = this.fill(tense === "past" ? past : base);
    const t: Timex = makeTimex(r, this.s.doc, tense);
    const verbPhrase = tense === "past" ? pred : `${r.pick(["will", "is expected to", "plans to", "is due to"])} ${pred}`;
    const attribution = r.weighted({ none: 60, officials: 15, statement: 10, nominal: 15 });
    const tailText =
      attribution === "officials"
        ? ", officials said"
        : attribution === "statement"
          ? ", according to a statement"
          : attribution === "nominal"
            ? `, ${r.pick(NOMINAL_SPEAKERS).text} said`
            : "";
    const where = r.weighted({ end: 45, front: 35, mid: t.midVerb ? 20 : 0 });
    let sentence: string;
    let exprAt: number;
    if (where === "front" && t.fronting) {
      const front = capitalize(t.phrase);
      sentence = `${front}, ${subject.replace(/^The /, "the ")} ${verbPhrase}${tailText}.`;
      exprAt = front.length - t.expression.length;
    } else if (where === "mid" && tense === "past") {
      sentence = `${subject} ${t.phrase} ${verbPhrase}${tailText}.`;
      exprAt = subject.length + 1 + t.phrase.length - t.expression.length;
    } else {
      sentence = `${subject} ${verbPhrase} ${t.phrase}${tailText}.`;
      exprAt = subject.length + 1 + verbPhrase.length + 1 + t.phrase.length - t.expression.length;
    }
    const at = b.sentence(lead + sentence);
    // The question a reader asks: the event's words, never the time words.
    const words = contentWords(`${subject} ${pred}`);
    const keep =
      words.length > 10
        ? this.r
            .sample(
              words.map((w, i) => [w, i] as const),
              10,
            )
            .sort((a, c) => a[1] - c[1])
            .map(([w]) => w)
        : words;
    const start = at + lead.length + exprAt;
    // Two events that differ only by a number ("the 3 gigahertz band", "the three gigahertz band")
    // read as the same event to a reader searching by words: they share a signature.
    const signature = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => !/\d/.test(w) && !NUMBER_WORDS.includes(w)))].sort().join(" ");
    b.anns.push({
      type: "time",
      start,
      end: start + t.expression.length,
      query: keep.join(" "),
      expression: t.expression,
      values: t.values,
      kind: t.kind,
      signature,
    });
  }

  timeParagraph(lead = ""): Paragraph {
    const b = new ParaBuilder();
    this.eventSentence(b, lead, this.r.chance(0.7) ? "past" : "future");
    const more = this.r.weighted({ 0: 25, 1: 50, 2: 25 });
    for (let i = 0; i < Number(more); i++) b.sentence(this.background());
    this.lastSpeaker = null;
    return b.done();
  }

  stanceParagraph(): Paragraph {
    const r = this.r;
    const b = new ParaBuilder();
    const topic = r.pick(this.s.topics);
    const { text: subject, actor } = this.actor();
    let polarity = this.s.stances.disposition(actor.principal, topic);
    if (r.chance(0.04)) polarity = polarity === "support" ? "oppose" : "support"; // positions change
    const sentence = this.stanceSentence(subject, topic, polarity, actor);
    if (!sentence) return this.backgroundParagraph();
    if (r.chance(0.25)) b.sentence(this.background());
    const at = b.sentence(sentence.text);
    b.anns.push({
      type: "stance",
      start: at,
      end: at + sentence.text.length,
      actor: actor.query,
      principal: actor.principal,
      topic: topic.np.replace(/^the /, ""),
      polarity: sentence.polarity,
    });
    if (r.chance(0.5)) b.sentence(this.background());
    this.lastSpeaker = null;
    return b.done();
  }

  private stanceSentence(subject: string, topic: Topic, polarity: Polarity, actor: Actor): { text: string; polarity: Polarity } | null {
    const r = this.r;
    const T = topic.np;
    const abstract = r.pick(ABSTRACT_NOUNS);
    const group = r.pick(PEOPLE_GROUPS);
    const { open, close } = this.s.marks;
    const isPerson = this.s.people.some((p) => p.full === actor.query);
    if (polarity === "support") {
      if (topic.allegation) return null;
      const forms = [
        `${subject} welcomed ${T}, saying it would bring ${abstract} to ${group}.`,
        `${subject} has backed ${T} despite concerns among ${group}.`,
        `${subject} endorsed ${T} at a meeting in ${this.s.city}.`,
        `${subject} praised ${T} as ${article(r.pick(ADJ_POSITIVE))} ${r.pick(ADJ_POSITIVE)} compromise.`,
        `${subject} has long supported ${T}.`,
      ];
      if (isPerson) forms.push(`${open}We fully support ${T},${close} ${subject} said.`);
      return { text: r.pick(forms), polarity };
    }
    if (polarity === "oppose") {
      if (topic.allegation) {
        return {
          text: r.pick([`${subject} denied ${T}.`, `${subject} has rejected ${T} as baseless.`, `${subject} dismissed ${T} as ${r.pick(ADJ_NEGATIVE)}.`]),
          polarity,
        };
      }
      const forms = [
        `${subject} ${r.chance(0.5) ? "criticised" : "criticized"} ${T} as ${r.pick(ADJ_NEGATIVE)}.`,
        `${subject} warned against ${T}, arguing it would hurt ${group}.`,
        `${subject} rejected ${T} outright.`,
        `${subject} condemned ${T} in a statement.`,
        `${subject} has opposed ${T} for ${r.pick(DURATIONS)}.`,
        `${subject} refused to back ${T}.`,
      ];
      if (topic.bannable)
        forms.push(
          `${subject} banned ${T} in ${r.pick(["a surprise move", "a vote that split the coalition", "an emergency decree"])}.`,
          `${subject} moved to block ${T}.`,
        );
      return { text: r.pick(forms), polarity };
    }
    if (!topic.bannable) return null;
    const stem = T.replace(/^the /, "");
    return {
      text: r.pick([
        `${subject} stopped short of banning ${T}, opting for closer monitoring instead.`,
        `${subject} proposed tighter reporting rules for ${T} rather than outlawing ${/s$/.test(stem) ? "them" : "it"}.`,
        `${subject} has no plans to ban ${T}, ${r.pick(["officials said", "aides said", "a spokesman said"])}.`,
      ]),
      polarity: "neutral",
    };
  }

  background(): string {
    const r = this.r;
    const kind = r.weighted({ template: 62, local: 8, number: 12, jargon: 18 });
    if (kind === "local")
      return `Residents of ${this.s.tail.drawName(r)}, a town of ${count(r)} people near ${this.s.city}, ${r.pick(["have followed the debate closely", "fear for their jobs", "say they were not consulted"])}.`;
    if (kind === "number")
      return `${capitalize(this.goods())} ${r.pick(["prices rose", "sales fell", "output grew", "imports climbed"])} ${percent(r)} ${r.pick(["over the period", "compared with a year earlier", "in the latest figures"])}, ${r.pick(["worth", "or about"])} ${amount(r)}.`;
    if (kind === "jargon") {
      const noun = r.pick(["clause", "rules", "provisions", "mechanism"]);
      const one = !noun.endsWith("s");
      const verb = r.pick([
        one ? "remains contested" : "remain contested",
        one ? "was added late in the talks" : "were added late in the talks",
        `${one ? "applies" : "apply"} to ${this.goods()}`,
      ]);
      return `The so-called ${this.s.tail.drawJargon(r)} ${noun}, ${r.pick(["named after", "first tested in", "drafted by officials in"])} ${this.s.tail.drawName(r)}, ${verb}.`;
    }
    return this.fill(this.template(BACKGROUND_TEMPLATES));
  }

  backgroundParagraph(): Paragraph {
    const b = new ParaBuilder();
    const n = this.r.int(2, 3);
    for (let i = 0; i < n; i++) b.sentence(this.background());
    this.lastSpeaker = null;
    return b.done();
  }

  headline(): string {
    const r = this.r;
    const topic = this.topic().replace(/^the /, "");
    const p = r.pick(this.s.people);
    const c = r.pick(this.s.companies);
    const h = r.pick([
      `${this.s.country.name} to review ${topic}`,
      `${c.short} faces pressure over ${topic}`,
      `${p.last} defends plan on ${topic}`,
      `${this.s.country.name} and ${this.s.city} at odds over ${topic}`,
      `Ministers agree on common approach to ${topic}`,
      `What ${topic} means for ${r.pick(PEOPLE_GROUPS)}`,
      `${c.short} ${this.s.city} plan draws fire from ${r.pick(PEOPLE_GROUPS)}`,
      `${this.s.country.adj} ${this.goods()} sector braces for ${topic} decision`,
    ]);
    // Some sites title-case headlines.
    return r.chance(0.35) ? h.replace(/\b(\p{Ll})(\p{L}{3,})/gu, (_, a: string, rest: string) => a.toUpperCase() + rest) : capitalize(h);
  }
}

/** Paragraph kinds after the lead, by weight. */
// Quotation paragraphs pick their own attribution pattern (reported speech and vox pops included).
const KINDS = { quote: 48, time: 18, stance: 14, background: 20 };

export function writeArticle(setup: ArticleSetup, paragraphs: number, dateline: string): Article {
  const w = new Writer(setup);
  const r = setup.rng;
  const out: Paragraph[] = [];
  out.push(w.timeParagraph(dateline));
  while (countParagraphs(out) < paragraphs) {
    if (setup.subheads && out.length > 3 && r.chance(0.08)) out.push({ text: r.pick(SUBHEADS), anns: [], style: "subhead" });
    if (w.lastSpeaker && r.chance(0.3)) {
      const c = w.continuation();
      if (c) {
        out.push(c);
        continue;
      }
    }
    const kind = r.weighted(KINDS);
    if (kind === "quote") out.push(...w.quoteParagraph());
    else if (kind === "time") out.push(w.timeParagraph());
    else if (kind === "stance") out.push(w.stanceParagraph());
    else out.push(w.backgroundParagraph());
  }
  return { headline: w.headline(), paragraphs: out };
}

/** Article paragraphs (subheadings do not count): the unit sizes are given in. */
export function countParagraphs(ps: Paragraph[]): number {
  return ps.filter((p) => p.style !== "subhead").length;
}
