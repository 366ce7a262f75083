// The people a corpus quotes: ministers, commissioners, executives, union leaders, analysts, each
// with the role news gives them, written after the name ("Anna Keller, Poland's finance minister")
// or as a title before it ("Polish Finance Minister Anna Keller").
import type { Rng } from "./prng.js";
import {
  BANKS_FOR_ANALYSTS,
  CITIES,
  COMPANIES,
  type Company,
  COUNTRIES,
  type Country,
  type Domain,
  EU_PORTFOLIOS,
  EXPERT_ROLES,
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  GROUPS,
  LAST_NAMES,
  LAW_FIRMS,
  PORTFOLIOS,
  THINK_TANKS,
} from "./words.js";

export interface Person {
  first: string;
  last: string;
  full: string;
  pronoun: "he" | "she";
  domain: Domain | null;
  /** Apposition, written after the name. */
  role: string;
  /** Title written before the name, or null when the role does not make one. */
  title: string | null;
  /** Who the person speaks for, as a stance question names it (they share its stances); null for independents. */
  principal: string | null;
  country: Country;
}

/** Actors that take stances: a person, a company, a group or a country, as a question names them. */
export interface Actor {
  /** The name a stance question uses. */
  query: string;
  /** The key stance dispositions are kept under (a person shares their principal's). */
  principal: string;
}

const titleCase = (s: string): string => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
const bare = (s: string): string => s.replace(/^the /, "");

function makePerson(rng: Rng, used: Set<string>): Omit<Person, "domain" | "role" | "title" | "principal" | "country"> {
  for (;;) {
    const she = rng.chance(0.45);
    const first = rng.pick(she ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
    const last = rng.pick(LAST_NAMES);
    const full = `${first} ${last}`;
    if (used.has(full) && used.size < 5000) continue;
    used.add(full);
    return { first, last, full, pronoun: she ? "she" : "he" };
  }
}

function governmentRole(rng: Rng, country: Country): Pick<Person, "domain" | "role" | "title" | "principal"> {
  const p = rng.pick(PORTFOLIOS);
  const role = rng.chance(0.5) ? `${country.name}'s ${p.title}` : `the ${country.adj} ${p.title}`;
  return { domain: p.domain, role, title: rng.chance(0.6) ? `${country.adj} ${titleCase(p.title)}` : titleCase(p.title), principal: country.name };
}

function euRole(rng: Rng): Pick<Person, "domain" | "role" | "title" | "principal"> {
  const p = rng.pick(EU_PORTFOLIOS);
  return {
    domain: p.domain,
    role: `the European ${p.title.toLowerCase()}`,
    title: rng.chance(0.5) ? `European ${p.title}` : p.title,
    principal: "European Commission",
  };
}

function companyRole(rng: Rng, c: Company): Pick<Person, "domain" | "role" | "title" | "principal"> {
  const [role, title] = rng.pick<[string, string | null]>([
    [`chief executive of ${c.name}`, `${c.name} chief executive`],
    [`${c.name}'s chief financial officer`, `${c.name} finance chief`],
    [`head of public affairs at ${c.name}`, null],
    [`chairman of ${c.name}`, `${c.name} chairman`],
    [`a spokesperson for ${c.name}`, `${c.name} spokesperson`],
    [`${c.name}'s chief representative to the European institutions`, null],
  ]);
  return { domain: c.domain, role, title, principal: c.name };
}

function groupRole(rng: Rng, g: (typeof GROUPS)[number]): Pick<Person, "domain" | "role" | "title" | "principal"> {
  const head =
    g.noun === "party"
      ? rng.pick(["leader", "deputy leader", "spokesperson on the economy"])
      : rng.pick(["general secretary", "director", "president", "policy director"]);
  const title = g.noun === "party" || g.noun === "union" ? `${titleCase(bare(g.name))} ${head}` : null;
  return { domain: g.domain, role: `${head} of ${g.name}`, title, principal: bare(g.name) };
}

function expertRole(rng: Rng, country: Country): Pick<Person, "domain" | "role" | "title" | "principal"> {
  const role = rng
    .pick(EXPERT_ROLES)
    .replace("{bank}", rng.pick(BANKS_FOR_ANALYSTS))
    .replace("{thinktank}", rng.pick(THINK_TANKS))
    .replace("{city}", rng.pick(CITIES))
    .replace("{country}", country.adj)
    .replace("{lawfirm}", rng.pick(LAW_FIRMS));
  const title = role.startsWith("an analyst at ") ? `${role.slice("an analyst at ".length)} analyst` : null;
  return { domain: null, role, title, principal: null };
}

/** A cast of `n` people, spread over governments, the EU, companies, groups and independent experts. */
export function makeCast(rng: Rng, n: number): Person[] {
  const used = new Set<string>();
  const out: Person[] = [];
  for (let i = 0; i < n; i++) {
    const base = makePerson(rng, used);
    const country = rng.pick(COUNTRIES);
    const kind = rng.weighted({ government: 35, eu: 8, company: 27, group: 15, expert: 15 });
    const role =
      kind === "government"
        ? governmentRole(rng, country)
        : kind === "eu"
          ? euRole(rng)
          : kind === "company"
            ? companyRole(rng, rng.pick(COMPANIES))
            : kind === "group"
              ? groupRole(rng, rng.pick(GROUPS))
              : expertRole(rng, country);
    out.push({ ...base, ...role, country });
  }
  return out;
}

export function personActor(p: Person): Actor {
  return { query: p.full, principal: p.principal ?? p.full };
}

export function companyActor(c: Company): Actor {
  return { query: c.name, principal: c.name };
}

export function countryActor(c: Country): Actor {
  return { query: c.name, principal: c.name };
}

export function groupActor(name: string): Actor {
  return { query: bare(name), principal: bare(name) };
}
