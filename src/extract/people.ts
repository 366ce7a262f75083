// Who has been mentioned so far in a document: full names to expand a bare surname ("Petrov" →
// "Ivan Petrov") and recent speakers to resolve "he said" / "it said".
import type { SpeakerKind } from "../types.js";
import { isCountryOrState, isFunctionWord } from "./actors.js";
import { FEMALE_NAMES, KNOWN_ORGS, MALE_NAMES, ORG_SUFFIXES, TITLE_WORDS } from "./lexicon.js";
import { type Gender, lastWord, type SpeakerNP, SUBORDINATORS } from "./speakers.js";

export interface Person {
  name: string;
  role: string | null;
  kind: SpeakerKind;
  gender?: Gender;
  /** Position in the document (passage index * 1e6 + offset) of the latest mention. */
  at: number;
}

const HONORIFIC_RE = /^(?:Mr|Mrs|Ms|Dr|Miss|Sir|Dame|Prof)\.?\s/;

const NAME_RE = /\b(\p{Lu}[\p{L}'’-]+)\s+((?:\p{Lu}\.\s+)?(?:(?:de|van|von|der|da|di|du|la|le|bin|al|el)\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:Jr|Sr)\.?)?)/gu;

const INSTITUTION =
  /\b(?:government|company|firm|group|agency|ministry|department|council|committee|board|union|party|authority|commission|court|administration|bank|office|newspaper|paper|report|statement|state|city|country|army|police|team|club|university|school|hospital|embassy|parliament|congress|senate|cabinet|campaign|organi[sz]ation|association|federation|corporation)$/i;

const NOT_A_FIRST_NAME = new RegExp(
  `^(?:${SUBORDINATORS}|and|but|or|so|yet|then|as|at|by|for|from|in|into|of|on|to|with|without|against|about|the|a|an|this|that|these|those|how|why|what|who|where|here|there|now|today|yesterday)$`,
);

/** The abbreviated titles a role may have been written with ("Gov. Ana Ruiz" is the governor). */
const ROLE_ABBREVIATIONS: Record<string, string> = {
  governor: "gov",
  senator: "sen",
  representative: "rep",
  general: "gen",
  secretary: "sec",
  president: "pres",
  attorney: "atty",
  lieutenant: "lt",
  commissioner: "commr",
  professor: "prof",
  doctor: "dr",
  superintendent: "supt",
  detective: "det",
  sergeant: "sgt",
  captain: "capt",
  colonel: "col",
  admiral: "adm",
};

// A run of capitalised words, with inner "of", "for", "and", "the" ("Ministry of Health").
const CAP_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*\p{Lu}[\p{L}\p{N}.&'’-]*)*/gu;

// What kind of body a noun or a name's last word says: a business, a body of members, or an
// arm of the state. A description fits a name of a kind it shares ("the union" is an association).
const BODY_KINDS: Array<[kind: string, words: RegExp]> = [
  [
    "business",
    /^(?:company|companies|firm|group|carrier|operator|manufacturer|maker|bank|lender|insurer|fund|retailer|utility|developer|supplier|provider|producer|exporter|importer|chain|brand|platform|publisher|corporation|conglomerate|consortium|network|airline|automaker|start-?up|newspaper|broadcaster)$/,
  ],
  [
    "members",
    /^(?:union|association|federation|alliance|coalition|league|society|party|campaign|group|organi[sz]ation|club|team|foundation|trust|institute|charity|council|committee|assembly|church|university|college|school|hospital|clinic)$/,
  ],
  [
    "state",
    /^(?:government|ministry|department|agency|authority|administration|commission|office|bureau|court|police|army|navy|force|forces|parliament|senate|congress|embassy|cabinet|regulator|directorate|secretariat|republic|kingdom|states|nations|council|committee|assembly|service|board)$/,
  ],
];

function kindsOf(word: string): string[] {
  return BODY_KINDS.filter(([, re]) => re.test(word)).map(([k]) => k);
}

/** The word a name is headed by: "Ministry of Health" → ministry, "Brightwell Foods" → foods. */
function headWord(name: string): string {
  const words = name.split(/\s+(?:of|for)\s+/)[0]!.split(/\s+/);
  return words[words.length - 1]!.toLowerCase().replace(/['’]s$/, "");
}

/**
 * Whether an organisation's name fits a definite description of it ("the union" → "the Harbour
 * Workers Association", not "the Port Authority"). A name that says no kind ("Green Dawn") fits
 * any but an arm of the state; one that ends in a business word the lists know ("Brightwell
 * Foods") is a business.
 */
export function fitsDescription(name: string, noun: string): boolean {
  const head = headWord(name);
  if (head === noun || /^organi[sz]ation$/.test(noun)) return true;
  const kinds = kindsOf(head);
  if (kinds.length === 0 && ORG_SUFFIXES.has(head)) kinds.push("business");
  const wanted = kindsOf(noun);
  // (Only an arm of the state, or the state itself, is "the government" or "the ministry".)
  if (kinds.length === 0) return !(wanted.length === 1 && wanted[0] === "state") || isCountryOrState(name);
  return wanted.some((k) => kinds.includes(k));
}

export class People {
  /** Organisations named so far, as subjects or not ("fined Brightwell Foods"). */
  private orgs: Person[] = [];
  /** surname (lower case) → full-name records, in order of mention. */
  private bySurname = new Map<string, Person[]>();
  private recent: Person[] = [];
  /** Where each full name was first seen. */
  private firstSeen = new Map<string, number>();
  /** The titles each full name was written with ("Mayor", "Sen"). */
  private titles = new Map<string, string[]>();
  /** How often each full name was mentioned or resolved to. */
  private mentions = new Map<string, number>();

  /** Registers "Firstname Lastname" mentions found in a sentence (first names from the lexicon). */
  scanNames(text: string, at: number): void {
    const re = new RegExp(NAME_RE.source, NAME_RE.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const first = m[1]!.toLowerCase();
      // "Mayor Ola Brandt": a title is not a first name; the name starts after it.
      if (TITLE_WORDS.has(first.replace(/\.$/, "")) && !FEMALE_NAMES.has(first) && !MALE_NAMES.has(first)) {
        re.lastIndex = m.index + m[1]!.length;
        continue;
      }
      const prevWord = lastWord(text, m.index).toLowerCase().replace(/\.$/, "");
      const titled = TITLE_WORDS.has(prevWord) || TITLE_WORDS.has(`${prevWord}.`);
      const gender: Gender | undefined = FEMALE_NAMES.has(first) ? "f" : MALE_NAMES.has(first) ? "m" : undefined;
      if (!gender && !titled) continue;
      // (A possessive is not part of the name: "Ana Ruiz's plan".)
      const name = `${m[1]} ${m[2]}`.replace(/\s+/g, " ").replace(/['’]s$/, "");
      // "Mayor Ana Ruiz": the title is kept for "the mayor said" later on (not as her role: the
      // role a statement gives, "the port's mayor", is the fuller one).
      if (titled) this.titles.set(name, [...(this.titles.get(name) ?? []), lastWord(text, m.index).replace(/\.$/, "")]);
      const p: Person = { name, role: null, kind: "person", at: at + m.index };
      if (gender) p.gender = gender;
      this.addFullName(p);
    }
  }

  /**
   * Registers the organisations a sentence names, wherever they stand: a later "the company
   * said" may refer to one that was only the object of a verb. A name counts when it ends in an
   * organisation's word ("Marlow Textiles Ltd", "Harbour Authority") or is a known one.
   */
  scanOrganizations(text: string, at: number): void {
    for (const m of text.matchAll(CAP_RUN)) {
      const words = m[0].replace(/[.,]$/, "").split(/\s+/);
      const isTitleWord = (w: string): boolean => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, ""));
      let i = 0;
      while (i < words.length - 1 && isFunctionWord(words[i]!)) i++;
      // ("Chief Executive of Kestrel Airways": the organisation is what follows the title.)
      let j = i;
      while (j < words.length - 1 && (isFunctionWord(words[j]!) || isTitleWord(words[j]!))) j++;
      const strip = (n: string): string => n.replace(/['’]s$/, "");
      const isOrg = (n: string): boolean =>
        (n.includes(" ") && (ORG_SUFFIXES.has(n.split(/\s+/).pop()!.toLowerCase()) || ORG_SUFFIXES.has(headWord(n)))) || KNOWN_ORGS.has(n);
      const whole = strip(words.slice(i).join(" "));
      let name = strip(words.slice(j).join(" "));
      // ("Foreign Ministry": a title word may begin the organisation's own name.)
      if (!isOrg(name) && isOrg(whole)) {
        name = whole;
        j = i;
      }
      if (isOrg(name)) {
        // (A state is no organisation a description stands for, but it may be what "it" means.)
        this.orgs.push({ name, role: null, kind: isCountryOrState(name) ? "unknown" : "organization", at: at + m.index + m[0].indexOf(words[j]!) });
      } else {
        // Another name of several words, no person's, may be an organisation no list knows
        // ("Harbour Customs Enforcement", "Green House"): kept, of unknown kind, so that "the
        // agency" near it is not resolved past it. A title before a name makes a person's.
        const first = words[j]!.toLowerCase();
        const person = (j > i && !isTitleWord(words[j]!)) || FEMALE_NAMES.has(first) || MALE_NAMES.has(first) || isTitleWord(lastWord(text, m.index));
        if (!whole.includes(" ") || person || isFunctionWord(whole)) continue;
        this.orgs.push({ name: whole, role: null, kind: "unknown", at: at + m.index + m[0].indexOf(words[i]!) });
      }
      if (this.orgs.length > 200) this.orgs.shift();
    }
  }

  /**
   * The organisation a definite description stands for ("the company", "the ministry", or "it"
   * when `noun` is null): the latest one named before `at` in this paragraph or the one before
   * whose name fits the noun, unless a name of unknown kind stands between its paragraph's start
   * and `at`.
   */
  organizationFor(noun: string | null, at: number): Person | undefined {
    const passage = Math.floor(at / 1_000_000);
    let best: Person | undefined;
    const consider = (p: Person): void => {
      if (p.kind !== "organization" || p.at > at || Math.floor(p.at / 1_000_000) < passage - 1) return;
      if (noun && !fitsDescription(p.name, noun)) return;
      if (!best || p.at > best.at) best = p;
    };
    for (const p of this.orgs) consider(p);
    for (const p of this.recent) consider(p);
    // (Not when a name of unknown kind stands in the same stretch: it may be the one meant.)
    const found = best as Person | undefined;
    const from = found ? Math.floor(found.at / 1_000_000) * 1_000_000 : 0;
    if (found && this.orgs.some((p) => p.kind === "unknown" && p.at >= from && p.at <= at)) return undefined;
    return found;
  }

  private addFullName(p: Person): void {
    const parts = p.name.replace(/\s+(Jr|Sr)\.?$/, "").split(" ");
    if (parts.length < 2) return;
    // "When Ruiz", "Rallying Behind Ruiz": a capitalised function word or participle opening a
    // sentence or heading is no first name.
    const first = parts[0]!.toLowerCase();
    if (NOT_A_FIRST_NAME.test(first) || (/ing$/.test(first) && !FEMALE_NAMES.has(first) && !MALE_NAMES.has(first))) return;
    const key = surnameKey(parts[parts.length - 1]!);
    const list = this.bySurname.get(key) ?? [];
    const same = list.find((x) => x.name === p.name);
    this.mentions.set(p.name, (this.mentions.get(p.name) ?? 0) + 1);
    if (same) {
      same.at = p.at;
      if (!same.role && p.role) same.role = p.role;
      if (!same.gender && p.gender) same.gender = p.gender;
    } else {
      list.push({ ...p });
      this.firstSeen.set(p.name, p.at);
    }
    this.bySurname.set(key, list);
  }

  /** The full record for a speaker: a bare surname becomes the full name seen before it. */
  resolve(np: SpeakerNP, at: number): Person {
    const words = np.name.split(" ");
    let person: Person = { name: np.name, role: np.role, kind: np.kind, at };
    if (np.gender) person.gender = np.gender;
    if ((np.kind === "person" || np.kind === "unknown") && words.length >= 1) {
      const surname = words[words.length - 1]!;
      const single = words.length === 1 || (words.length === 2 && /^(Mr|Mrs|Ms|Dr|Miss)\.?$/.test(words[0]!));
      if (single) {
        const known = this.lookup(surname, at, np.gender);
        if (known) {
          person = { name: known.name, role: np.role ?? known.role, kind: "person", at };
          const g = np.gender ?? known.gender;
          if (g) person.gender = g;
        }
      } else if (np.kind === "person") {
        this.addFullName({ ...person });
        const known = this.bySurname.get(surnameKey(surname))?.find((x) => x.name === np.name);
        if (known) {
          if (!person.role && known.role) person.role = known.role;
          if (!person.gender && known.gender) person.gender = known.gender;
        }
      }
    }
    return person;
  }

  /**
   * Persons' full names that another reader of the document found where the quote reading does
   * not look (inside quotations, a first name the lexicon lacks: "Tomas Okonkwo"), in document
   * order. A name the register already has is left as it is, so that no mention counts twice.
   */
  register(names: Array<{ name: string; at: number }>): void {
    const had = new Set(this.mentions.keys());
    for (const { name, at } of names) {
      if (HONORIFIC_RE.test(name) || had.has(name)) continue;
      const first = name.split(" ")[0]!.toLowerCase();
      const p: Person = { name, role: null, kind: "person", at };
      if (FEMALE_NAMES.has(first) !== MALE_NAMES.has(first)) p.gender = FEMALE_NAMES.has(first) ? "f" : "m";
      this.addFullName(p);
    }
  }

  /**
   * The full name a bare surname ("Ruiz", "Mrs. Ruiz") written at `at` stands for, by the same
   * rules as a speaker's (lookup below), without recording the mention: for readers of the
   * document after the quotes (the stance holders).
   */
  fullName(mention: string, at: number, accept: (name: string) => boolean = () => true): string | undefined {
    const words = mention.split(" ");
    const honorific = words.length === 2 && /^(Mr|Mrs|Ms|Dr|Miss)\.?$/.test(words[0]!);
    if (words.length !== 1 && !honorific) return undefined;
    const gender: Gender | undefined = honorific ? (/^Mr\b/.test(words[0]!) ? "m" : /^(?:Mrs|Ms|Miss)\b/.test(words[0]!) ? "f" : undefined) : undefined;
    // "Mr. Ruiz" taken down as a speaker's name names nobody more fully than "Ruiz" does; the
    // reader may know more of what a name is not ("Unlike Acme", an opening word).
    const known = this.lookup(words[words.length - 1]!, at, gender, (p) => p.kind === "person" && !HONORIFIC_RE.test(p.name) && accept(p.name));
    // ("Mr. Ruiz" is never the Ana Ruiz a paragraph named.)
    return !known || (gender && known.gender && known.gender !== gender) ? undefined : known.name;
  }

  /**
   * The full name a bare surname stands for. Of several people with that surname, the latest one
   * named in this paragraph; else the one named most often, and of those the first named: a report
   * names its main figure first and often, and a relative in full, once ("his wife, Ana Ruiz"). A
   * gender the mention gives ("Mrs. Ruiz") rules out the others.
   */
  private lookup(surname: string, at: number, gender?: Gender, only: (p: Person) => boolean = () => true): Person | undefined {
    const list = this.bySurname.get(surnameKey(surname))?.filter(only);
    if (!list?.length) return undefined;
    const before = list.filter((p) => (this.firstSeen.get(p.name) ?? p.at) <= at);
    let pool = before.length ? before : list;
    if (gender && pool.some((p) => p.gender === gender)) pool = pool.filter((p) => p.gender === gender);
    // One named in this paragraph is meant (the latest); else the one the document has named most,
    // the first named of those.
    const passage = Math.floor(at / 1_000_000);
    const near = pool.filter((p) => p.at <= at && Math.floor(p.at / 1_000_000) === passage);
    if (near.length) return near.reduce((a, b) => (b.at > a.at ? b : a));
    return pool.reduce((a, b) => ((this.mentions.get(b.name) ?? 0) > (this.mentions.get(a.name) ?? 0) ? b : a));
  }

  /**
   * The named person a definite description stands for ("the mayor" after "Mayor Ana Ruiz" or
   * "Ana Ruiz, the town's mayor"): the one person seen before `at` whose role has that noun, or,
   * when several have, the latest of them if it is in this paragraph or the one before.
   */
  byRole(noun: string, at: number): Person | undefined {
    const short = ROLE_ABBREVIATIONS[noun.toLowerCase()];
    const re = new RegExp(`(?:^|[\\s-])(?:${noun}${short ? `|${short}\\.?` : ""})(?:$|[\\s,])`, "i");
    const seen = new Map<string, Person>();
    const consider = (p: Person): void => {
      if (p.at > at || p.kind !== "person" || !p.name.includes(" ")) return;
      if (!(p.role && re.test(p.role)) && !(this.titles.get(p.name) ?? []).some((t) => re.test(t))) return;
      const had = seen.get(p.name);
      if (!had || p.at > had.at) seen.set(p.name, p);
    };
    for (const p of this.recent) consider(p);
    for (const list of this.bySurname.values()) for (const p of list) consider(p);
    const all = [...seen.values()].sort((a, b) => b.at - a.at);
    if (all.length === 1) return all[0];
    const latest = all[0];
    return latest && Math.floor(latest.at / 1_000_000) >= Math.floor(at / 1_000_000) - 1 ? latest : undefined;
  }

  /**
   * "Brandvik is based in Oslo… A second analyst, Nora K. Lind, … '…,' she said": a lone
   * capitalised word of unknown kind (often a company) gives "he" or "she" up to a person's full
   * name of a fitting gender mentioned after it, in this paragraph or the one before.
   */
  private namedSince(after: number, at: number, gender?: Gender): Person | undefined {
    const passage = Math.floor(at / 1_000_000);
    let best: Person | undefined;
    for (const list of this.bySurname.values())
      for (const p of list)
        if (
          p.at > after &&
          p.at <= at &&
          Math.floor(p.at / 1_000_000) >= passage - 1 &&
          p.kind === "person" &&
          p.gender !== undefined &&
          (!gender || p.gender === gender) &&
          (!best || p.at > best.at)
        )
          best = p;
    return best;
  }

  /** Marks a speaker as the latest one (for pronouns that follow). */
  spoke(p: Person): void {
    this.recent.push(p);
    if (this.recent.length > 50) this.recent.shift();
    if (p.kind === "person" && p.name.includes(" ")) this.addFullName(p);
  }

  /** The antecedent of a pronoun subject: the latest compatible speaker, else the latest full name. */
  antecedent(pronoun: string, at: number, gender?: Gender): Person | undefined {
    const wantPerson = pronoun === "he" || pronoun === "she";
    const fits = (p: Person): boolean => {
      if (p.at > at) return false;
      // (A description of an institution, "the federal government", is never "he" or "she".)
      if (wantPerson)
        return (
          !isCountryOrState(p.name) &&
          (p.kind === "person" || p.kind === "unknown" || (p.kind === "nominal" && !/s$/.test(p.name) && !INSTITUTION.test(p.name))) &&
          (!gender || !p.gender || p.gender === gender)
        );
      if (pronoun === "it")
        return (
          p.kind === "organization" ||
          (p.kind === "nominal" &&
            /\b(company|firm|group|government|agency|ministry|statement|report|newspaper|paper|union|council|committee|campaign)$/i.test(p.name))
        );
      if (pronoun === "they") return p.kind === "organization" || p.kind === "nominal";
      return false;
    };
    // "it" cannot be a person: a capitalised name of unknown kind (an organisation the lists do
    // not know) is as good an antecedent as a known organisation, and the nearer one in the same
    // paragraph wins over anything further back.
    const passage = Math.floor(at / 1_000_000);
    const unknownOrg = (p: Person): boolean =>
      p.at <= at &&
      Math.floor(p.at / 1_000_000) === passage &&
      (p.kind === "unknown" || p.kind === "person") &&
      !p.gender &&
      !p.role &&
      !/^(?:Mr|Mrs|Ms|Dr|Miss)\b/.test(p.name) &&
      !FEMALE_NAMES.has(p.name.split(" ")[0]!.toLowerCase()) &&
      !MALE_NAMES.has(p.name.split(" ")[0]!.toLowerCase());
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const p = this.recent[i]!;
      if (fits(p)) return wantPerson && p.kind === "unknown" && !p.name.includes(" ") ? (this.namedSince(p.at, at, gender) ?? p) : p;
      if (pronoun === "it" && unknownOrg(p)) return { ...p, kind: "organization" };
    }
    if (!wantPerson) return undefined;
    let best: Person | undefined;
    for (const list of this.bySurname.values()) for (const p of list) if (fits(p) && (!best || p.at > best.at)) best = p;
    return best;
  }
}

function surnameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/[’']/g, "'");
}
