// Who has been mentioned so far in a document: full names to expand a bare surname ("Petrov" →
// "Ivan Petrov") and recent speakers to resolve "he said" / "it said".
import type { SpeakerKind } from "../types.js";
import { isCountryOrState } from "./actors.js";
import { FEMALE_NAMES, MALE_NAMES, TITLE_WORDS } from "./lexicon.js";
import { type Gender, lastWord, type SpeakerNP } from "./speakers.js";

export interface Person {
  name: string;
  role: string | null;
  kind: SpeakerKind;
  gender?: Gender;
  /** Position in the document (passage index * 1e6 + offset) of the latest mention. */
  at: number;
}

const NAME_RE = /\b(\p{Lu}[\p{L}'’-]+)\s+((?:\p{Lu}\.\s+)?(?:(?:de|van|von|der|da|di|du|la|le|bin|al|el)\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:Jr|Sr)\.?)?)/gu;

const INSTITUTION =
  /\b(?:government|company|firm|group|agency|ministry|department|council|committee|board|union|party|authority|commission|court|administration|bank|office|newspaper|paper|report|statement|state|city|country|army|police|team|club|university|school|hospital|embassy|parliament|congress|senate|cabinet|campaign|organi[sz]ation|association|federation|corporation)$/i;

export class People {
  /** surname (lower case) → full-name records, in order of mention. */
  private bySurname = new Map<string, Person[]>();
  private recent: Person[] = [];

  /** Registers "Firstname Lastname" mentions found in a sentence (first names from the lexicon). */
  scanNames(text: string, at: number): void {
    for (const m of text.matchAll(NAME_RE)) {
      const first = m[1]!.toLowerCase();
      const prevWord = lastWord(text, m.index).toLowerCase().replace(/\.$/, "");
      const titled = TITLE_WORDS.has(prevWord) || TITLE_WORDS.has(`${prevWord}.`);
      const gender: Gender | undefined = FEMALE_NAMES.has(first) ? "f" : MALE_NAMES.has(first) ? "m" : undefined;
      if (!gender && !titled) continue;
      const p: Person = { name: `${m[1]} ${m[2]}`.replace(/\s+/g, " "), role: null, kind: "person", at: at + m.index };
      if (gender) p.gender = gender;
      this.addFullName(p);
    }
  }

  private addFullName(p: Person): void {
    const parts = p.name.replace(/\s+(Jr|Sr)\.?$/, "").split(" ");
    if (parts.length < 2) return;
    const key = surnameKey(parts[parts.length - 1]!);
    const list = this.bySurname.get(key) ?? [];
    const same = list.find((x) => x.name === p.name);
    if (same) {
      same.at = p.at;
      if (!same.role && p.role) same.role = p.role;
      if (!same.gender && p.gender) same.gender = p.gender;
    } else list.push({ ...p });
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
        const known = this.lookup(surname, at);
        if (known) {
          person = { name: known.name, role: np.role ?? known.role, kind: "person", at };
          const g = np.gender ?? known.gender;
          if (g) person.gender = g;
        }
      } else if (np.kind === "person") {
        this.addFullName({ ...person });
        const known = this.lookup(surname, at);
        if (known && known.name === np.name) {
          if (!person.role && known.role) person.role = known.role;
          if (!person.gender && known.gender) person.gender = known.gender;
        }
      }
    }
    return person;
  }

  private lookup(surname: string, at: number): Person | undefined {
    const list = this.bySurname.get(surnameKey(surname));
    if (!list?.length) return undefined;
    const before = list.filter((p) => p.at <= at);
    return (before.length ? before : list).reduce((a, b) => (b.at > a.at ? b : a));
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
      if (fits(p)) return p;
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
