// Reading a speaker out of a clause: the noun phrase before a verb, after an inverted verb, and
// the subject of a sentence's main clause. Tables with rows that must find nothing; every
// sentence is written for these tests.
import { describe, expect, it } from "vitest";
import { clauseSubject, groupSubject, mainVerbAt, subjectAfter, subjectBefore } from "../src/extract/speakers.js";

type Row = [sentence: string, name: string | null, role?: string | null];

/** The subject of the verb `verb` (its first occurrence) in `sentence`, read from the start. */
function before(sentence: string, verb: string): { name: string; role: string | null } | null {
  const at = sentence.indexOf(` ${verb}`) + 1;
  const np = subjectBefore(sentence, at, 0);
  return np ? { name: np.name, role: np.role } : null;
}

describe("subjectBefore: the noun phrase before a verb", () => {
  const rows: Array<[...Row, string]> = [
    ["Helen Marsh said", "Helen Marsh", null, "said"],
    ["Regional Transport Commissioner Helen Marsh said", "Helen Marsh", "Regional Transport Commissioner", "said"],
    ["Ruth Adler, a council vice-chair, said", "Ruth Adler", "a council vice-chair", "said"],
    ["The mayor's press secretary, Dana Ruiz, said", "Dana Ruiz", "mayor's press secretary", "said"],
    ["The firm's head cook, Mariela, said", "Mariela", "firm's head cook", "said"],
    ["Jane Okafor, speaking at a rally outside the town hall, said", "Jane Okafor", null, "said"],
    ["Mayor Ana Silva, who had backed the scheme, said", "Ana Silva", "Mayor", "said"],
    ["They met the envoy, Jane Roe, who said", "Jane Roe", null, "said"],
    ["a visibly relieved Okonkwo said", "Okonkwo", null, "said"],
    ["Ana Ruiz, Tom Baker and the trust's director said", "Ana Ruiz", null, "said"],
    ["In The Valley Post Paul Ames argues", "Paul Ames", null, "argues"],
    ["Trade was slow, and in July Hallam Foods warned", "Hallam Foods", null, "warned"],
    ["In May Ellen Ortiz said", "Ellen Ortiz", null, "said"],
    ["On Monday Ortiz said", "Ortiz", null, "said"],
    ["June Carter said", "June Carter", null, "said"],
    ["Hiro Tanaka of Friends of the Hills Society said", "Hiro Tanaka", "of Friends of the Hills Society", "said"],
    [
      "Grace Lin, chair of the ratepayers' forum and a contributor to The Valley Post wrote",
      "Grace Lin",
      "chair of the ratepayers' forum and a contributor to The Valley Post",
      "wrote",
    ],
    ["A spokesman for one of the carriers said", "A spokesman for one of the carriers", null, "said"],
    ["Hale on Tuesday said", "Hale", null, "said"],
    ["Tomas Varga, 58, said", "Tomas Varga", null, "said"],
    ["Tomas Varga, 58, a ferry pilot, said", "Tomas Varga", "a ferry pilot", "said"],
    ["According to the minutes, Hale said", "Hale", null, "said"],
    // Nothing: an object, an interrogative, a clause with no noun phrase before the verb.
    ["The minister met the envoy and said", null, undefined, "said"],
    ["Who said", null, undefined, "said"],
    ["It was not what was said", null, undefined, "said"],
  ];
  it.each(rows)("%s → %s", (sentence, name, role, verb) => {
    const got = before(sentence, verb);
    expect(got?.name ?? null).toBe(name);
    if (role !== undefined) expect(got?.role ?? null).toBe(role);
  });
});

describe("subjectAfter: the speaker after an inverted verb", () => {
  const rows: Row[] = [
    ["said Oscar Lindqvist, deputy head of the county's fraud unit.", "Oscar Lindqvist", "deputy head of the county's fraud unit"],
    ["said one port official of the deal.", "one port official"],
    ["said the referee, who was booed off.", "the referee"],
    ["said Hale Tuesday.", "Hale"],
    ["grumbled Tom Baker, the council treasurer.", "Tom Baker", "the council treasurer"],
    // An age is no role: the apposition after it is.
    ["said Varga, 58, a ferry pilot.", "Varga", "a ferry pilot"],
    ["said Ilse Varga, 58.", "Ilse Varga", null],
    ["said Ilse Varga, 58, is from the coast.", "Ilse Varga", null],
    ["said a spokesman for Kestrel Airways.", "a spokesman for Kestrel Airways"],
    // Nothing: no noun phrase follows.
    ["said, and left.", null],
    ["said that it would rain.", null],
  ];
  it.each(rows)("%s → %s", (sentence, name, role) => {
    const verbEnd = sentence.indexOf(" ");
    const np = subjectAfter(sentence, verbEnd, sentence.length);
    expect(np?.name ?? null).toBe(name);
    if (role !== undefined) expect(np?.role ?? null).toBe(role);
  });
});

describe("clauseSubject: the subject of the main clause", () => {
  const rows: Row[] = [
    ["Carla Mendes compared the senator to a weathervane,", "Carla Mendes"],
    ["Carla Mendes took aim at the board in a string of posts:", "Carla Mendes"],
    ["LIMA, June 4 (Wire) -- Veteran mining analyst Rosa Quispe on Tuesday welcomed the figures,", "Rosa Quispe"],
    ["But Lindqvist also backed the new toll,", "Lindqvist"],
    ["The board not only rejected the offer but also", "The board"],
    ["Undeterred, Farrow went back to the lab,", "Farrow"],
    // Nothing: no subject before the verb.
    ["Undeterred, went back to the lab,", null],
    ["and then nothing at all happened,", null],
  ];
  it.each(rows)("%s → %s", (sentence, name) => {
    expect(clauseSubject(sentence, 0, sentence.length)?.name ?? null).toBe(name);
  });
});

describe("mainVerbAt: the clause's finite verb by form", () => {
  const rows: Array<[string, string | null]> = [
    ["Carla Mendes compared the senator to a weathervane", "compared"],
    ["The so-called experts took the stage", "took"],
    ["A retired teacher wrote to the paper", "wrote"],
    ["Ortega has long argued", "has"],
    // Nothing: no finite verb.
    ["The long road to the coast", null],
    ["A retired teacher from the valley", null],
  ];
  it.each(rows)("%s → %s", (sentence, verb) => {
    const at = mainVerbAt(sentence, 0, sentence.length);
    expect(at < 0 ? null : /^\S+/.exec(sentence.slice(at))![0]).toBe(verb);
  });
});

describe("groupSubject: a plural subject opening a sentence", () => {
  const rows: Array<[string, string | null | undefined]> = [
    ["Local miners were angry.", "Local miners"],
    ["Nurses at the clinic walked out.", "Nurses at the clinic"],
    ["Hundreds of drivers blocked the road.", "Hundreds of drivers"],
    // A coordination of names: a group, but no one to show (null).
    ["Ana Ruiz and Tom Baker ran the canteen.", null],
    // Nothing (undefined): a plural of things, a single name, a clause opened by an auxiliary.
    ["The talks were stalled.", undefined],
    ["Peters walked out.", undefined],
    ["Had the miners known, they would have left.", undefined],
  ];
  it.each(rows)("%s → %s", (sentence, want) => {
    const g = groupSubject(sentence, 0, sentence.length);
    expect(g === null ? undefined : g.text).toBe(want);
  });
});
