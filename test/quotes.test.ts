// Quote attribution: one test per pattern the issue names, on text written here.
import { describe, expect, it } from "vitest";
import { findQuoteSpans } from "../src/extract/quote-spans.js";
import { extractQuotes, type QuoteDraft } from "../src/extract/quotes.js";
import { splitSentences } from "../src/text/sentences.js";

const passages = (...paras: string[]) => paras.map((text) => ({ text, sentences: splitSentences(text) }));
const quotesOf = (...paras: string[]): QuoteDraft[] => extractQuotes(passages(...paras)).filter((q) => q.direct);
const who = (...paras: string[]): Array<[string, string | null]> => quotesOf(...paras).map((q) => [q.text, q.speaker]);

describe("quote spans", () => {
  it("finds straight, curly and ``TeX'' quotes, and partial quotes", () => {
    const spans = (t: string) => findQuoteSpans(t).map((s) => t.slice(s.start, s.end));
    expect(spans(`He said "it is done" and “it works” and \`\`it's fine,'' today.`)).toEqual(["it is done", "it works", "it's fine,"]);
    expect(spans("branded them “groundless accusations for political purposes” and left")).toEqual(["groundless accusations for political purposes"]);
  });

  it("treats another style inside a quote as nested, and mixed marks as closing", () => {
    const t = `"I read the question: “Do you agree?” Forty, yes; forty-four, no." Then “it was over," he said.`;
    expect(findQuoteSpans(t).map((s) => t.slice(s.start, s.end))).toEqual([
      "I read the question: “Do you agree?” Forty, yes; forty-four, no.",
      "it was over,",
    ]);
  });

  it("keeps a quote open to the end of the paragraph, and ignores apostrophes and nicknames", () => {
    const t = `“It is one of the things worrying them, and it’s Clinton’s problem. Said state Del. Marcia "Cia" Price`;
    const s = findQuoteSpans(t);
    expect(s).toHaveLength(1);
    expect(s[0]!.closed).toBe(false);
  });
});

describe("speakers", () => {
  it('"…," X said — with the title before the name as role', () => {
    const [q] = quotesOf(`"We are not talking about bans today," European Security Commissioner Julian King said at a press conference.`);
    expect([q!.speaker, q!.role, q!.via]).toEqual(["Julian King", "European Security Commissioner", "after"]);
  });

  it('"…," said X, ROLE (inverted) and a description as speaker', () => {
    expect(who(`“The only problem is it's cheap,” said one EU diplomat of the European view.`)).toEqual([["The only problem is it's cheap,", "one EU diplomat"]]);
    const [q] = quotesOf(`"We have our suspect," said Bernard Tolbert, special agent-in-charge of the FBI's Buffalo office.`);
    expect([q!.speaker, q!.role]).toEqual(["Bernard Tolbert", "special agent-in-charge of the FBI's Buffalo office"]);
  });

  it('X said: "…" — also when the quote opens the next paragraph', () => {
    expect(who(`Internal Market Commissioner Thierry Breton added: “Today's report reaffirms our commitment.”`)).toEqual([["Today's report reaffirms our commitment.", "Thierry Breton"]]);
    const qs = quotesOf("Abraham Liu, the company's chief representative to the institutions, said:", "“However, we believe a security approach based on labelling vendors has limitations.”");
    expect(qs[0]!.speaker).toBe("Abraham Liu");
    expect(qs[0]!.role).toBe("company's chief representative to the institutions");
  });

  it("X, ROLE, said … and two appositions", () => {
    const [a] = quotesOf(`Andrus Ansip, a commission vice-president, said in December that companies “had opened their systems for some kind of secret services” to use them.`);
    expect([a!.speaker, a!.role]).toEqual(["Andrus Ansip", "commission vice-president"]);
    const [b] = quotesOf(`“It's an invasion of the state regulatory domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said this month.`);
    expect(b!.speaker).toBe("Scott Pruitt");
  });

  it("ROLE X warned|told …, with a time phrase between subject and verb", () => {
    expect(who(`Wang Yi, China's foreign minister, last week branded western suspicions as “groundless accusations for political purposes” and left.`)).toEqual([["groundless accusations for political purposes", "Wang Yi"]]);
    expect(who(`Robert Strayer, deputy assistant secretary for cyber, told Reuters last week that the US was urging allies to adopt “risk-based security frameworks”, which it believes “will lead inevitably to the banning of the vendor”.`).map((x) => x[1])).toEqual(["Robert Strayer", "Robert Strayer"]);
  });

  it("according to X", () => {
    expect(who(`The plan “will not be delayed any further,” according to Reuters, citing unnamed officials.`)).toEqual([["will not be delayed any further,", "Reuters"]]);
  });

  it("organizations and nominal speakers", () => {
    expect(who(`In a statement, Huawei said it "welcomes the objective and proportionate approach of the Commission."`)).toEqual([["welcomes the objective and proportionate approach of the Commission.", "Huawei"]]);
    expect(who(`A White House national security spokesman commented that the US “welcomes engagement from partners and allies”.`)[0]![1]).toBe("A White House national security spokesman");
  });

  it("he said / she added go to the latest speaker of that kind; a bare surname to the full name", () => {
    const qs = quotesOf(
      "Still, Julian King stressed that the member states would exchange information about the risks.",
      `"That is envisaged as a possible outcome of this process," he said.`,
      `Margaret Lee, the regulator's chair, disagreed. "We will not wait," she added. "It is time to act," King said.`,
    );
    expect(qs.map((q) => q.speaker)).toEqual(["Julian King", "Margaret Lee", "Julian King"]);
  });

  it("he said skips a plural description at the start of a sentence", () => {
    const qs = quotesOf(`"We are ready to expand mortgages," Viktor Hartmann said. Tenants have long complained about the cost.`, `"We are talking about security for investors," he said.`);
    expect(qs.map((q) => q.speaker)).toEqual(["Viktor Hartmann", "Viktor Hartmann"]);
  });

  it("a quote continued in the next sentence and the next paragraph keeps its speaker", () => {
    const qs = quotesOf(`“This is in their heads,” said Caddell. “It is one of the things worrying them.”`, "“And that can be deadly.”");
    expect(qs.map((q) => q.speaker)).toEqual(["Caddell", "Caddell", "Caddell"]);
  });

  it("a quote that ends its sentence is still attributed by the words after it", () => {
    expect(who(`“Who would have believed we would get 14 million votes?” Trump said, looking at the crowd.`)).toEqual([["Who would have believed we would get 14 million votes?", "Trump"]]);
  });

  it("parentheticals, dash bylines and participles", () => {
    expect(who(`“It's a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.`)[0]![1]).toBe("Gwen Moore");
    expect(who(`“He makes blanket statements about people he knows nothing about.”― Pamela Padilla`)[0]![1]).toBe("Pamela Padilla");
    expect(who(`During a speech earlier in the day, Trump attacked Clinton for her record, saying, "She's trigger-happy and very unstable."`)[0]![1]).toBe("Trump");
  });

  it("transcript labels, sentence-final attributions, 'as X put it' and affiliations", () => {
    expect(quotesOf("Governor Mike Pence spoke to the host on Sunday.", `"PENCE: Well, look, this is serious business."`)[0]!.speaker).toBe("Mike Pence");
    expect(who(`A cashier who “steals a handful of coins” is held accountable, Warren said.`)[0]![1]).toBe("Warren");
    expect(who(`The main requirement is a "lawful source of investment income," as a Homeland Security memo put it.`)[0]![1]).toBe("a Homeland Security memo");
    const [q] = quotesOf(`"It was the least bad outcome," Mr. Morgan of the Sierra Club said.`);
    expect([q!.speaker, q!.role]).toEqual(["Mr. Morgan", "of the Sierra Club"]);
    expect(who(`Trump fired off tweets early Friday saying that his rival had shown “very bad judgment in this matter.”`)[0]![1]).toBe("Trump");
    expect(who(`“If he thinks that makes him smart,” the ad’s narrator says.`)[0]![1]).toBe("the ad’s narrator");
    expect(who(`A spokesman for one of the operators said the decision was “a missed opportunity to invest.”`)[0]![1]).toBe("A spokesman for one of the operators");
    expect(who(`The companies said they were “deeply disappointed by the ruling”.`)[0]![1]).toBe("The companies");
    expect(who(`Mayor Ben Ortiz, who had backed the plan, said he was "disappointed but not surprised."`)[0]![1]).toBe("Ben Ortiz");
  });

  it("a definite organization noun refers back to the organization last named", () => {
    const qs = quotesOf("DJI, the world's largest drone maker, rejected the claims.", `"Our products are safe and secure," the company said in a statement.`);
    expect([qs[0]!.speaker, qs[0]!.role]).toEqual(["DJI", "world's largest drone maker"]);
    expect(quotesOf("Redmoor Construction has been under pressure for months.", `“Investors will not carry the cost,” the builder said.`)[0]!.speaker).toBe("Redmoor Construction");
  });

  it("a one- or two-word scare quote gets a speaker only when a speech verb governs it", () => {
    expect(who(`The UK has publicly taken the vendor to task for “shoddy” security practices.`)).toEqual([["shoddy", null]]);
    expect(who(`Julian King said in January that it was “vital” countries used several vendors.`)).toEqual([["vital", "Julian King"]]);
  });

  it("never guesses: a quote with no attribution keeps a null speaker", () => {
    expect(who(`The slogan “better safe than sorry about it” was painted on the wall of the building.`)).toEqual([["better safe than sorry about it", null]]);
  });

  it("reports indirect speech without quote marks", () => {
    const q = extractQuotes(passages("The European Commission will call for data on the networks, diplomats say.")).find((x) => !x.direct);
    expect(q?.speaker).toBe("diplomats");
    expect(q?.text).toBe("The European Commission will call for data on the networks");
  });
});
