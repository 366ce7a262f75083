// Stance: cues tied to actors (quote speaker or clause subject), aliases, negation, topics.
import { describe, expect, it } from "vitest";
import { actorKey } from "../src/extract/actors.js";
import { extractQuotes } from "../src/extract/quotes.js";
import { extractStances } from "../src/extract/stance.js";
import { splitSentences } from "../src/text/sentences.js";
import { engineFor } from "./helpers.js";

const facts = (...paras: string[]) => {
  const ps = paras.map((text) => ({ text, sentences: splitSentences(text), lineStart: 1, lineEnd: 1, lineMap: [[0, 1]] as Array<[number, number]> }));
  return extractStances(ps, extractQuotes(ps)).map((f) => `${f.actor}:${f.negated ? "not " : ""}${f.cue}:${f.polarity}`);
};

describe("stance cues", () => {
  it("ties a cue to the subject of its clause, with aliases", () => {
    expect(facts("The U.S. has been pressuring European allies to bar Acme equipment from networks.")).toEqual(["united states:bar:oppose"]);
    expect(facts("Acme welcomed delivery of the new security toolbox on Tuesday.")).toEqual(["acme:welcomed:support"]);
    expect(actorKey("Washington").key).toBe(actorKey("U.S.").key);
  });

  it("ties a cue inside a quotation to its speaker", () => {
    expect(facts(`"We're not talking about bans today," Commissioner Julian King said.`)).toEqual(["julian king:not bans:oppose"]);
  });

  it("takes acronyms at the start of a sentence as actors, and drops titles before names", () => {
    expect(facts("DJI, the world's largest drone maker, rejected the claims.")).toEqual(["dji:rejected:oppose"]);
    expect(facts("Mayor Ben Ortiz, who had backed the plan, said he was disappointed.")).toEqual(["ben ortiz:backed:support"]);
  });

  it("names countries through their governments, persons without their titles, and verbs only as verbs", () => {
    expect(facts("The Portuguese government rejected the plan.")).toEqual(["portugal:rejected:oppose"]);
    expect(facts("Nigerian Foreign Minister Pierre Olsen banned single-use plastics.")).toEqual(["pierre olsen:banned:oppose"]);
    expect(facts("Patrick Tanaka refused to back the four-day working week.")).toEqual(["patrick tanaka:not back:support"]);
    expect(facts("They used back doors to get in.")).toEqual([]);
  });

  it("reads negation and contrast", () => {
    expect(facts("Germany and France sought tighter rules rather than outlawing Acme.")).toEqual(["germany:not outlawing:oppose", "france:not outlawing:oppose"]);
    expect(facts("The European Union stopped short of banning the vendor.")).toEqual(["european union:not banning:oppose"]);
  });

  it("gives each clause its own subject", () => {
    expect(facts("The US formally barred its agencies from using Acme, and Australia and New Zealand have also blocked Acme.")).toEqual([
      "united states:barred:oppose",
      "australia:blocked:oppose",
      "new zealand:blocked:oppose",
    ]);
  });
});

describe("stance answers", () => {
  const engine = engineFor({
    "a.txt": [
      "Acme faces new rules", "",
      "The United States has been pressuring its allies to bar Acme equipment from their networks.", "",
      "Acme welcomed delivery of the security toolbox, which it said would provide common ground.", "",
      `"We're not talking about bans today," Commissioner Julian King said on Tuesday.`, "",
      "Germany and France proposed tighter security rules rather than outlawing Acme.",
    ].join("\n"),
  });

  it("sums the evidence into an overall polarity with citations", () => {
    const a = engine.stance("US", "Acme");
    expect(a.polarity).toBe("oppose");
    expect(a.results[0]).toMatchObject({ actor: "United States", polarity: "oppose", cue: "bar" });
    expect(a.results[0]!.source.lineStart).toBe(3);
  });

  it("supports the topic it welcomes", () => {
    expect(engine.stance("Acme", "security toolbox").polarity).toBe("support");
  });

  it("reads a topic that names an action: not talking about bans opposes banning", () => {
    expect(engine.stance("King", "banning Acme").polarity).toBe("oppose");
    expect(engine.stance("Germany", "outlawing Acme").polarity).toBe("oppose");
  });

  it("calls it neutral when the evidence is mostly 'stopped short of'", () => {
    const e = engineFor({
      "a.txt": "Gas imports debated\n\nDaniel Eriksson stopped short of banning Russian gas imports on Monday.\n\nEriksson has no plans to ban Russian gas imports, officials said.",
    });
    expect(e.stance("Daniel Eriksson", "Russian gas imports").polarity).toBe("neutral");
  });

  it("says so when there is no evidence, never a guess", () => {
    const none = engine.stance("Atlantis", "Acme");
    expect(none.polarity).toBeNull();
    expect(none.results).toEqual([]);
    expect(none.message).toMatch(/no stance for "Atlantis"/);
    const offTopic = engine.stance("Acme", "fishing quotas");
    expect(offTopic.polarity).toBeNull();
    expect(offTopic.message).toMatch(/none about "fishing quotas"/);
  });
});
