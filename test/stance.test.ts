// Stance: cues and evaluations tied to their holders, then weighed per topic. Every sentence here
// is written for the test; each table has cases that must find nothing.
import { describe, expect, it } from "vitest";
import { actorKey } from "../src/extract/actors.js";
import { People } from "../src/extract/people.js";
import { extractQuotes } from "../src/extract/quotes.js";
import { extractStances, topicAction } from "../src/extract/stance.js";
import { splitSentences } from "../src/text/sentences.js";
import type { AnswerContext } from "../src/answer/context.js";
import { answerStance } from "../src/answer/stance.js";
import type { Store, TopicWords } from "../src/store/types.js";
import { engineFor } from "./helpers.js";

const drafts = (...paras: string[]) => {
  const ps = paras.map((text) => ({ text, sentences: splitSentences(text), lineStart: 1, lineEnd: 1, lineMap: [[0, 1]] as Array<[number, number]> }));
  const people = new People();
  return extractStances(ps, extractQuotes(ps, people), people);
};
/** "holder:cue:polarity", "not" before a negated cue, "~" before an evaluation. */
const facts = (...paras: string[]) =>
  drafts(...paras).map((f) => `${f.actor}:${f.cueClass === "evaluation" ? "~" : ""}${f.negated ? "not " : ""}${f.cue}:${f.polarity}`);

type Row = [name: string, paras: string[], want: string[]];
const table = (rows: Row[]) => {
  for (const [name, paras, want] of rows) it(name, () => expect(facts(...paras)).toEqual(want));
};

describe("cues, matched on their base forms", () => {
  table([
    ["a verb in -s", ["Norway signs the fishing accord."], ["norway:signs:support"]],
    ["a verb after a modal", ["Chile will sign the accord next week."], ["chile:sign:support"]],
    ["a verb in -ing", ["Peru is signing the accord today."], ["peru:signing:support"]],
    ["a phrase with an inflected verb", ["The Harbour Board calls for a new pier."], ["harbour board:calls for:support"]],
    ["an irregular form listed as written", ["Chile took issue with the quota."], ["chile:took issue with:oppose"]],
    ["a derived noun is another word", ["The mayor's supporters gathered outside the hall."], []],
    ["a verb-only cue used as a noun", ["It was a sign of how tired the crowd was."], []],
    ["a verb-only cue in a compound noun", ["They used back doors to get in."], []],
    ["backing away is no backing", ["The council moved to back away from the lease.", "Acme backed down on Friday."], []],
  ]);
});

describe("the holder is the subject of the cue's own clause", () => {
  table([
    ["with aliases", ["The U.S. has been pressuring its allies to bar Acme equipment from networks."], ["united states:bar:oppose"]],
    ["a cue in a quotation: its speaker", [`"We're not talking about bans today," Commissioner Julian King said.`], ["julian king:not bans:oppose"]],
    ["acronyms at the start of a sentence", ["DJI, the world's largest drone maker, rejected the claims."], ["dji:rejected:oppose"]],
    ["a country through its government", ["The Portuguese government rejected the plan."], ["portugal:rejected:oppose"]],
    ["a person without the title", ["Nigerian Foreign Minister Pierre Olsen banned single-use plastics."], ["pierre olsen:banned:oppose"]],
    [
      "each clause its own subject",
      ["The US formally barred its agencies from using Acme, and Australia and New Zealand have also blocked Acme."],
      ["united states:barred:oppose", "australia:blocked:oppose", "new zealand:blocked:oppose"],
    ],
    ["a month never starts a name", ["In July Acme warned that the levy would hurt exporters."], ["acme:warned:oppose"]],
    ["a function word never starts a name", ["If Norway rejects the quota, talks end."], ["norway:rejects:oppose"]],
    ["a state through its government", ["The U.S. government rejected the levy outright."], ["united states:rejected:oppose"]],
    ["a lower-case group", ["Local bus drivers have rejected the new timetable."], ["local bus drivers:rejected:oppose"]],
    ["an organisation written in lower case", ["The nurses' union backs the pay offer."], ["nurses union:backs:support"]],
    ["a reported clause has its own subject", ["Ruth Okafor said the farmers' league opposes the dam."], ["farmers league:opposes:oppose"]],
    ["the reporter speaks of itself", ["Acme said it would reject the offer."], ["acme:reject:oppose"]],
    ["the complement clause is not the main stance", ["Acme rejects the levy, arguing that it bans small exporters."], ["acme:rejects:oppose"]],
    ["a request: the one who asks", ["Ruth Okafor urged the council to reject the dam."], ["ruth okafor:reject:oppose"]],
    ["a participle with its agent", ["The dam plan, endorsed only by the Water Board, goes to a vote."], ["water board:endorsed:support"]],
    ["a noun with its agent after 'by'", ["The plan met firm opposition by the Water Board."], ["water board:opposition:oppose"]],
    ["a noun with its agent after 'from'", ["Ruth Okafor drew criticism from local fishermen."], ["local fishermen:criticism:oppose"]],
    ["a noun with a time after 'from' has no agent", ["The Water Board imposed a ban from 2005 on imports."], ["water board:ban:oppose"]],
    ["'by' with a gerund after a noun says how", ["Ruth Okafor voiced her criticism by hiring lobbyists."], ["ruth okafor:criticism:oppose"]],
    ["a feeling verb: its object feels it", ["The verdict angered the fishermen's union."], ["fishermen's union:angered:oppose"]],
    ["a feeling verb in the passive: its subject", ["Ruth Okafor was angered by the verdict."], ["ruth okafor:angered:oppose"]],
    ["a relative who: its noun", ["The port chief, Ruth Okafor, who opposed the dam, resigned."], ["ruth okafor:opposed:oppose"]],
    ["he/she: the last person named", ["Ruth Okafor spoke on Monday.", "She condemned the dam."], ["ruth okafor:condemned:oppose"]],
    ["a dateline is no subject", ["OSLO -- Norway rejected the quota."], ["norway:rejected:oppose"]],
    [
      "an acronym in parentheses names the same actor",
      ["The Council of Coastal States (CCS) met on Monday.", "The CCS rejected the quota."],
      ["council of coastal states:rejected:oppose"],
    ],
    [
      "a participle after a comma: the main clause's subject",
      ["In the Gazette, columnist Ruth Okafor wrote a sharp piece, mocking the mayor's plan."],
      ["ruth okafor:mocking:oppose"],
    ],
    ["'is opposed to' is a stance", ["Norway is opposed to the quota."], ["norway:opposed:oppose"]],
    // a surname in "-ic" is a name, not an adjective of nationality
    ["a lone surname in -ic", ["Mirela Petrovic chairs the port board.", "Petrovic rejected the quota."], ["mirela petrovic:rejected:oppose"]],
    [
      "a surname after an honorific, quoted before",
      [`"We met the board twice," Mr. Petrovic said.`, "Mr. Petrovic warned against the quota."],
      ["petrovic:warned against:oppose"],
    ],
    ["a nationality in -ic stays an adjective", ["Baltic rejected the quota."], []],
    // an organisation and a title before a name describe the person, who holds the stance
    [
      "an organisation's officer by title",
      ["Kestrel Ferries chairman Rui Alves refused to back the quota."],
      ["rui alves:not back:support", "kestrel ferries:not back:support"],
    ],
    // a claim named after a preposition is the subject matter, not a claim the holder makes
    ["a claim talked about", [`"Grocers should not carry the cost of allegations of price fixing," Nadia Ruiz said.`], []],
    ["a claim made", ["Nadia Ruiz made allegations of price fixing."], ["nadia ruiz:allegations:oppose"]],
    ["no title between them: two actors", ["Kestrel Ferries rivals Rui Alves rejected the quota."], ["rui alves:rejected:oppose"]],
    ["no holder: a passive with no agent", ["The plan was rejected on Monday."], []],
    ["no holder: a pronoun in a complement", ["The talks failed, and it was blocked anyway."], []],
  ]);
});

describe("a phrase that opens the clause is not part of its subject", () => {
  table([
    ["a participle phrase", ["Speaking to reporters in Lima, Ines Varga rejected the levy."], ["ines varga:rejected:oppose"]],
    ["a prepositional phrase with a list", ["In talks with Peru and Chile, Norway rejected the quota."], ["norway:rejected:oppose"]],
    [
      "a list of subjects is still joined",
      ["On Monday, Norway, Chile and Peru rejected the quota."],
      ["norway:rejected:oppose", "chile:rejected:oppose", "peru:rejected:oppose"],
    ],
    ["a list after 'of' is still joined", ["The governments of France and Germany rejected the quota."], ["france:rejected:oppose", "germany:rejected:oppose"]],
    ["a phrase that names nobody who acts", ["Speaking to the BBC, the driver said nothing."], []],
  ]);
});

describe("a bare surname is the person the document names in full", () => {
  table([
    [
      "named in the text, not quoted",
      ["Astrid Malmberg, the port's director, toured the docks on Monday.", "Malmberg rejected the toll increase."],
      ["astrid malmberg:rejected:oppose"],
    ],
    [
      "named after the surname too",
      ["Malmberg rejected the toll increase.", "Astrid Malmberg has run the port since 2019."],
      ["astrid malmberg:rejected:oppose"],
    ],
    // Two persons of one surname: the one named in this paragraph, else the one named most often
    // (the first named of those), as a title's gender allows (people.ts, as for speakers).
    [
      "two of one surname: the one named in the paragraph",
      ["Astrid Malmberg chairs the port board.", "Jonas Malmberg, her cousin, runs a ferry firm. Malmberg rejected the toll increase."],
      ["jonas malmberg:rejected:oppose"],
    ],
    [
      "two of one surname: the one named more often",
      ["Astrid Malmberg and Jonas Malmberg both spoke at the hearing.", "Jonas Malmberg chairs the board.", "Malmberg rejected the toll increase."],
      ["jonas malmberg:rejected:oppose"],
    ],
    [
      "two of one surname: a title's gender",
      ["Astrid Malmberg and Jonas Malmberg both spoke at the hearing.", "Mrs. Malmberg rejected the toll increase."],
      ["astrid malmberg:rejected:oppose"],
    ],
    [
      "a title of the other gender: nobody",
      ["Astrid Malmberg spoke at the hearing.", "Mr. Malmberg rejected the toll increase."],
      ["malmberg:rejected:oppose"],
    ],
    [
      "named in full only inside a quotation",
      [`"We owe Tomasz Wielgosz a great deal," the mayor said.`, "Wielgosz rejected the toll increase."],
      ["mayor:~great:support", "tomasz wielgosz:rejected:oppose"],
    ],
    [
      "a first name the lexicon lacks",
      ["Okonkwo Adebayor-Lind, the port's director, toured the docks.", "Adebayor-Lind rejected the toll increase."],
      ["okonkwo adebayor-lind:rejected:oppose"],
    ],
    [
      "no person's name: an opening word, a demonym, an acronym",
      ["Unlike Vestra, the board met.", "Norwegian Vestra opened a depot.", "Vestra rejected the toll increase."],
      ["vestra:rejected:oppose"],
    ],
    ["nobody named in full: the surname", ["Malmberg rejected the toll increase."], ["malmberg:rejected:oppose"]],
    ["a country stays a country", ["Naomi Israel, a historian, arrived late.", "Israel rejected the toll increase."], ["israel:rejected:oppose"]],
  ]);
});

describe("a relative clause: its noun holds the cue when the pronoun is the subject", () => {
  table([
    ["'which' after an organisation", ["Indeed, the Harbour Board, which claims to advocate open tenders, raised fees."], ["harbour board:advocate:support"]],
    ["'which' after a lower-case group", ["The dockers' union, which backs the strike, met on Monday."], ["dockers union:backs:support"]],
    ["'which' after a state's government", ["In Lima, Peru's government, which has long rejected the offer, fell."], ["peru:rejected:oppose"]],
    ["'who' with a verb and 'to'", ["Ana Ruiz, who claims to support the dam, resigned."], ["ana ruiz:support:support"]],
    ["'who' before the main clause's cue", ["The Danes, who had not been invited to the summit, derided the plan."], ["danes:derided:oppose"]],
    ["a group before 'who'", ["The court later ruled against dock workers who had blocked access to the ferry ramp."], ["dock workers:blocked:oppose"]],
    ["a thing before 'which' holds nothing, nor does the sentence's subject", ["Shares of Acme rose.", "Acme read the audit, which criticizes the dam."], []],
    ["a name after a preposition before 'which'", ["Norway signed a treaty with Japan, which bans whaling."], ["norway:signed:support"]],
    ["'which' is no subject when another follows", ["Acme met the league, which she said opposed the dam."], []],
    ["a cue inside a noun phrase of the clause", ["Exports were a fifth of GDP, which amounts to half of the approved sum."], []],
    ["a relative 'that' with only verb words", ["The ferry unions that are openly critical of the quota will strike."], ["ferry unions:critical of:oppose"]],
    ["a complement 'that' is no relative", ["Acme warned that banning imports would hurt farmers."], ["acme:warned:oppose", "acme:banning:oppose"]],
    ["'that' after a reporting verb", ["Ruth Okafor said that rejecting the quota was wise."], ["ruth okafor:rejecting:oppose"]],
    ["'in which' is no subject", ["Ruth Okafor recalled the debate, in which Norway rejected the quota."], ["norway:rejected:oppose"]],
  ]);
});

describe("a noun that also names a political side", () => {
  table([
    ["with what it is against", ["The fishing league's opposition to the dam hardened."], ["fishing league:opposition:oppose"]],
    ["with its holder's possessive", ["Everyone knew where Norway stood: Norway's opposition was plain."], ["norway:opposition:oppose"]],
    ["the side out of power", ["Norway met the opposition on Monday."], []],
    ["joining the side out of power", ["After the split, Ruth Okafor joined the opposition."], []],
    ["a modifier of another noun", ["Ruth Okafor, an opposition leader, spoke first."], []],
    ["a possessive before a modifier", ["Acme met Norway's opposition movement."], []],
    ["'by' with a gerund says how", ["Ruth Okafor tracked the opposition by reading its leaflets."], []],
    [
      "a side's name does not hide what a speaker says",
      ["Ruth Okafor said there had been widespread intimidation of opposition voters."],
      ["ruth okafor:~intimidation:oppose"],
    ],
  ]);
});

describe("negation and contrast", () => {
  table([
    ["rather than", ["Germany and France sought tighter rules rather than outlawing Acme."], ["germany:not outlawing:oppose", "france:not outlawing:oppose"]],
    ["stopped short of", ["The European Union stopped short of banning the vendor."], ["european union:not banning:oppose"]],
    ["refused to", ["Patrick Tanaka refused to back the four-day working week."], ["patrick tanaka:not back:support"]],
    ["two cues, two clauses", ["Norway backs the accord but opposes the quota."], ["norway:backs:support", "norway:opposes:oppose"]],
    ["no longer", ["Acme no longer backs the levy.", "Ruth Okafor no longer opposes the pier."], ["acme:not backs:support", "ruth okafor:not opposes:oppose"]],
    ["never, after a bare name", ["Okafor never opposed the pier."], ["okafor:not opposed:oppose"]],
    [
      "an adverb inside a copula's phrase",
      ["Acme is firmly against the levy.", "The growers were strongly in favour of the quota."],
      ["acme:is firmly against:oppose", "growers:were strongly in favour of:support"],
    ],
    [
      "a negation inside a copula's phrase",
      ["Okafor is not against the plan.", "Peru was no longer in favour of the pact."],
      ["okafor:not is not against:oppose", "peru:not was no longer in favour of:support"],
    ],
    ["a noun between the copula and 'against' breaks the phrase", ["The vote is not a protest against the levy."], []],
    ["'longer' alone negates nothing", ["The longer route was blocked.", "Acme backs the longer route."], ["acme:backs:support"]],
  ]);
});

describe("evaluations: what an actor says or calls something, scored with AFINN", () => {
  table([
    ["an evaluative predicate after 'said'", ["Ruth Okafor said a full embargo would be a disastrous error."], ["ruth okafor:~disastrous:oppose"]],
    ["a degree word strengthens, not counts", ["Ruth Okafor said the curfew was doing great harm to small shops."], ["ruth okafor:~harm:oppose"]],
    ["'called X ADJ'", ["Ruth Okafor called the vote rigged."], ["ruth okafor:~rigged:oppose"]],
    ["negated", ["Ruth Okafor said the curfew was not fair to anyone."], ["ruth okafor:~fair:oppose"]],
    ["a quotation", [`"This levy is a shameful mistake," said Ruth Okafor.`], ["ruth okafor:~shameful:oppose"]],
    ["nothing evaluative", ["Ruth Okafor said the meeting would take place on Monday."], []],
    ["nobody says it", ["It was a great day for the town."], []],
    ["the one who is told says nothing", ["The United States has been told that its plan is a disgrace."], []],
    ["a cue says it already", ["Ruth Okafor said she welcomed the wonderful plan."], ["ruth okafor:welcomed:support"]],
    // "A says B; that C; that D": each "that" clause after a semicolon is the same verb's content.
    [
      "'that' clauses after a semicolon, one fact each",
      ["The Harbour Board says the toll is unfair; that nobody truly cares for growers; that the pier is a disgrace."],
      ["harbour board:~unfair:oppose", "harbour board:~cares:oppose", "harbour board:~disgrace:oppose"],
    ],
    ["a clause without 'that' is no longer said", ["The Harbour Board says the toll is unfair; the pier is a disgrace."], ["harbour board:~unfair:oppose"]],
    ["no reporting verb, no holder", ["The toll is unfair; that the pier is a disgrace is plain."], []],
  ]);

  it("keeps the clause the evaluation is about", () => {
    const [f] = drafts("Ruth Okafor said a full embargo would be a disastrous error.");
    expect(f!.target).toBe("a full embargo would be a disastrous error");
  });
});

describe("an attitude noun voiced by a verb: the verb's subject holds it", () => {
  table([
    ["understanding for", ["The Danish cabinet showed understanding for the toll plan."], ["denmark:understanding:support"]],
    ["a verb-only noun with degree words", ["Ruth Okafor voiced strong support for the harbour levy."], ["ruth okafor:support:support"]],
    ["with a possessive", ["Chile reiterated its deep concern over the fishing quota."], ["chile:concern:oppose"]],
    ["raised doubts", ["Acme raised serious doubts about the merger."], ["acme:doubts:oppose"]],
    ["a noun that is a stance anyway", ["The ministry expressed opposition to the toll plan."], ["ministry:opposition:oppose"]],
    ["a protest registered", ["Norway registered a protest against the whaling quota."], ["norway:protest:oppose"]],
    ["after a reporting verb", ["Ines Varga said Peru had shown sympathy for the strikers."], ["peru:sympathy:support"]],
    ["an agreement is no attitude", ["The two sides reached an understanding on the border."], []],
    ["nobody voices it", ["Acme has doubts about whether the vote will hold.", "There is concern about the dam."], []],
    ["signs shown are no signing", ["The runners showed signs of fatigue."], []],
    ["a noun with no voicing verb", ["A concern of the ministry is the budget."], []],
  ]);
});

describe("a gerund after 'for' or 'of': the one accused, praised or punished does it", () => {
  table([
    [
      "the object of a noun's preposition",
      ["When the league issued a fine against Ines Varga for mocking the referee, fans cheered."],
      ["ines varga:mocking:oppose"],
    ],
    ["a passive's subject", ["Ruth Okafor was criticized for opposing the dam."], ["ruth okafor:opposing:oppose"]],
    ["a passive with 'of'", ["Okafor has been accused of backing the rebels."], ["okafor:backing:support"]],
    [
      "the one who praises is not the one praised",
      ["The ministry was praised by Chile for rejecting the merger."],
      ["chile:praised:support", "ministry:rejecting:oppose"],
    ],
    ["no such name or passive", ["The cost of backing the rebels was high."], []],
    [
      "a lower-case object of the verb",
      ["Acme accused the ministry of backing the levy.", "Okafor praised the local farmers for opposing the dam."],
      ["acme:accused:oppose", "ministry:backing:support", "okafor:praised:support", "local farmers:opposing:oppose"],
    ],
    ["a group after 'by' is no object", ["Okafor was called a fraud by rival doctors for promoting the pills."], []],
  ]);
});

describe("a side taken with an adjective, a copula or an agent noun", () => {
  table([
    ["critical of", ["Ines Varga was critical of the levy."], ["ines varga:critical of:oppose"]],
    ["against after a copula", ["Ines Varga is against the levy."], ["ines varga:is against:oppose"]],
    ["in favour of after a copula", ["Ines Varga is in favour of the levy."], ["ines varga:is in favour of:support"]],
    ["an agent noun after a copula", ["Acme has been a supporter of the league for years."], ["acme:supporter of:support"]],
    ["an apposition describes the name before it", ["Okafor met Ines Varga, a longtime critic of the levy, on Monday."], ["ines varga:critic of:oppose"]],
    ["an apposition with 'one of'", ["Ines Varga, one of the fiercest critics of the levy, resigned."], ["ines varga:critics of:oppose"]],
    ["'against' without an actor", ["The odds are against Chile this year."], []],
    ["a group named by its side", ["Critics of the levy say it hurts farmers.", "Supporters of the dam gathered outside."], []],
    ["a side's members are not the one they back", ["Thousands of supporters of Ines Varga marched.", "Okafor reminded critics of the levy."], []],
    ["an agent noun after 'emerged as'", ["Ines Varga has emerged as a leading opponent of the toll."], ["ines varga:opponent of:oppose"]],
    ["the names a side's group includes", ["Critics of the dam, including Ines Varga, say it will flood villages."], ["ines varga:Critics of:oppose"]],
    [
      "several names, 'such as' and 'led by'",
      ["Opponents of the levy, such as the Farmers' League and Acme, vowed to fight it.", "Supporters of the pier, led by Ines Varga, rallied outside."],
      ["farmers league:Opponents of:oppose", "acme:Opponents of:oppose", "ines varga:Supporters of:support"],
    ],
    ["'including' after a clause is no member list", ["Critics of the dam say it will flood villages, including Lindby."], []],
  ]);
});

describe("a stance claimed and belied: the reporter criticizes the claimant", () => {
  table([
    [
      "claims to … but does nothing to",
      ["Ruth Okafor said the Harbour Board claims to support small fishermen but does virtually nothing to help them."],
      ["harbour board:support:support", "ruth okafor:does virtually nothing to:oppose"],
    ],
    [
      "professes to … has done little to",
      ["Ruth Okafor says that Peru professes to back free trade, but it has done little to open its ports."],
      ["peru:back:support", "ruth okafor:has done little to:oppose"],
    ],
    [
      "a claim not belied",
      ["Ruth Okafor said the Harbour Board claims to support small fishermen and has funded three piers."],
      ["harbour board:support:support"],
    ],
    [
      "the writer's own doubt: nobody's fact",
      ["The Harbour Board claims to support small fishermen but does nothing to help them."],
      ["harbour board:support:support"],
    ],
  ]);
  it("is about the claimant", () => {
    const f = drafts("Ruth Okafor said the Harbour Board claims to support small fishermen but fails to help them.").find((x) => x.actor === "ruth okafor");
    expect(f?.target).toBe("Harbour Board");
  });
});

describe("a noun owned by a name: the owner holds it", () => {
  table([
    ["a possessive before the noun", ["The growers cited Peru's outright rejection of the quota."], ["peru:rejection:oppose"]],
    ["support owned, with what it is for", ["Analysts noted Acme's full support for the levy."], ["acme:support:support"]],
    [
      "a second noun after 'and its'",
      ["Analysts cite Peru's opposition to the dam and its support for the generals who seized power."],
      ["peru:opposition:oppose", "peru:support:support"],
    ],
    ["support of nobody's", ["The march went ahead with the support of the church."], []],
    ["an owner that is no actor's", ["The mayor praised Friday's protests for their calm."], ["mayor:praised:support"]],
  ]);
});

describe("pronouns and appositions in the sentence itself", () => {
  table([
    [
      "'she' in a later clause: the person the sentence opened with",
      ["Okafor did not oppose the plan, but she criticized its cost."],
      ["okafor:not oppose:oppose", "okafor:criticized:oppose"],
    ],
    ["a country is never 'she'", ["Peru opposed the plan, but she praised it."], ["peru:opposed:oppose"]],
    ["two persons before 'she': not the sentence's", ["Okafor met Ana Ruiz, and she praised the plan."], []],
    [
      "the ones told stand before the pronoun",
      ["Okafor told reporters she would veto the bill.", "Acme told investors it would reject the offer."],
      ["okafor:veto:oppose", "acme:reject:oppose"],
    ],
    ["'that' after the ones told", ["Ruth Okafor assured the council that she would back the levy."], ["ruth okafor:back:support"]],
    [
      "an organization's title and the name in apposition",
      ["Acme's chief executive, Ruth Okafor, praised the deal."],
      ["ruth okafor:praised:support", "acme:praised:support"],
    ],
    [
      "'both' between the subjects and the verb",
      ["The Green Party and the Farmers' League both back the levy."],
      ["green party:back:support", "farmers league:back:support"],
    ],
    ["'long' between the auxiliary and the cue", ["Okafor has long been skeptical of the plan."], ["okafor:skeptical of:oppose"]],
  ]);
});

describe("support given to the subject: 'won the backing of', 'has the support of'", () => {
  table([
    ["won the backing of", ["The plan won the backing of the Farmers' League."], ["farmers league:backing:support"]],
    ["has the support of", ["The plan has the support of Ruth Okafor."], ["ruth okafor:support:support"]],
    ["a lower-case giver", ["Acme secured the endorsement of the union."], ["union:endorsement:support"]],
    ["the person an organization and a title describe", ["Ana Ruiz received the endorsement of Acme chairman Tomas Lind."], ["tomas lind:endorsement:support"]],
    ["a compound noun is no support", ["Acme has the support staff of a large firm."], []],
  ]);
  it("is about the subject", () => {
    expect(drafts("The plan won the backing of the Farmers' League.")[0]!.target).toBe("plan");
  });
});

describe("support voiced in a set phrase", () => {
  table([
    ["came out in support of", ["The council came out in support of the strikers."], ["council:came out in support of:support"]],
    ["spoke in support of", ["Ana Ruiz spoke in support of the pier."], ["ana ruiz:spoke in support of:support"]],
    ["threw her weight behind", ["Ruth Okafor threw her weight behind the proposal."], ["ruth okafor:weight behind:support"]],
    ["weight behind with nobody behind it", ["The bill carries little weight behind closed doors."], []],
    ["with the support of: nobody's side", ["Hundreds marched with the support of the church."], []],
  ]);
});

describe("disregard and eradication oppose what they act on", () => {
  table([
    ["ignoring a ruling", ["The ministry simply ignored the court ruling."], ["ministry:ignored:oppose"]],
    ["in a reported clause", ["Ruth Okafor said Norway had flouted the fishing accord."], ["norway:flouted:oppose"]],
    ["a phrasal verb", ["Acme brushed aside the audit."], ["acme:brushed aside:oppose"]],
    ["eradication with its object", ["Peru will lead regional efforts toward the eradication of piracy."], ["peru:eradication:oppose"]],
    ["a passive without its agent holds nothing", ["The warnings were ignored for years."], []],
  ]);
});

describe("thanks, blame and feelings", () => {
  table([
    ["thanking", ["Ines Varga thanked Chile for its help."], ["ines varga:thanked:support"]],
    ["blaming", ["Ruth Okafor blamed the ministry for the delays."], ["ruth okafor:blamed:oppose"]],
    ["deploring", ["Chile deplored the raids."], ["chile:deplored:oppose"]],
    ["a feeling verb held by its object", ["The ruling worried local fishermen."], ["local fishermen:worried:oppose"]],
    ["a feeling voiced by a verb", ["Peru expressed alarm over the quota."], ["peru:alarm:oppose"]],
    ["a feeling verb in -ing acting on someone", ["The levy is worrying the growers."], ["growers:worrying:oppose"]],
    ["'thanks to' is because of", ["Thanks to the rain, Chile had a fine harvest."], []],
    ["blame as a noun", ["The blame fell on the weather."], []],
    ["a passive feeling: its subject feels it, 'by' names the cause", ["Ruth Okafor was disappointed by the ruling."], ["ruth okafor:disappointed:oppose"]],
    ["a passive feeling after a reporting verb", ["Ruth Okafor said she was dismayed by the ruling."], ["ruth okafor:dismayed:oppose"]],
    ["a feeling in -ing is an adjective", ["It was a worrying trend.", "The figures were more alarming than before."], []],
    ["an alarm sounded", ["The guards sounded the alarm at dawn."], []],
  ]);
});

describe("an opinion named by a noun is its holder's", () => {
  table([
    ["'the view of A that'", ["Two mayors shared the view of the treasurer Ines Varga that the count was rigged and unfair."], ["ines varga:~rigged:oppose"]],
    ["'in A's view,'", ["In Varga's view, the harbour levy is a disaster."], ["varga:~disaster:oppose"]],
    ["'A's position is that'", ["Norway's position is that the levy is unfair."], ["norway:~unfair:oppose"]],
    ["'A is of the view that'", ["The Danish cabinet is of the view that the levy is a disaster."], ["denmark:~disaster:oppose"]],
    ["a position with no content", ["The position of Norway on the levy is unclear."], []],
    ["a view that is no opinion", ["Acme's view of the market was shaped by the crash.", "The view of the harbour is a delight."], []],
    ["a framing verb after its subject still frames", ["The ministry considers the levy a disaster."], ["ministry:~disaster:oppose"]],
  ]);
});

describe("evaluative words of public debate that AFINN lacks", () => {
  table([
    ["'constructive'", ["Ines Varga called the tariff offer constructive and timely."], ["ines varga:~constructive:support"]],
    ["'unwarranted'", ["Ines Varga said the raids were unwarranted."], ["ines varga:~unwarranted:oppose"]],
    ["a fact with no evaluation", ["Ines Varga said the raids took place at night."], []],
  ]);
});

describe("topics that name an action", () => {
  it.each([
    ["banning imports", "exclusion"],
    ["ban imports", "exclusion"],
    ["a ban on imports", "exclusion"],
    ["sanctions against the regime", "exclusion"],
  ])("%s names an action", (topic, cls) => expect(topicAction(topic)?.cls).toBe(cls));
  it.each(["attacks on the capital", "criticism of the plan", "the support of farmers", "imports"])("%s names none", async (topic) =>
    expect(topicAction(topic)).toBeUndefined(),
  );
});

describe("stance answers", () => {
  const engine = engineFor({
    "a.txt": [
      "Acme faces new rules",
      "",
      "The United States has been pressuring its allies to bar Acme equipment from their networks.",
      "",
      "Acme welcomed delivery of the security toolbox, which it said would provide common ground.",
      "",
      `"We're not talking about bans today," Commissioner Julian King said on Tuesday.`,
      "",
      "Germany and France sought tighter security rules rather than outlawing Acme.",
      "",
      "Norway backs the fishing accord but opposes the herring quota.",
      "",
      "Ruth Okafor said the curfew was doing great harm to small shops.",
      "",
      "Local bus drivers have rejected the new timetable.",
    ].join("\n"),
  });

  it("sums the evidence into an overall polarity with citations", async () => {
    const a = await engine.stance("US", "Acme");
    expect(a.polarity).toBe("oppose");
    expect(a.results[0]).toMatchObject({ actor: "United States", polarity: "oppose", cue: "bar" });
    expect(a.results[0]!.source.lineStart).toBe(3);
  });

  it("supports the topic it welcomes", async () => {
    expect((await engine.stance("Acme", "security toolbox")).polarity).toBe("support");
  });

  it("reads a topic that names an action, and says so in the evidence", async () => {
    const king = await engine.stance("King", "banning Acme");
    expect(king.polarity).toBe("oppose");
    expect(king.results[0]!.target).toBe("banning Acme");
    expect((await engine.stance("Germany", "outlawing Acme")).polarity).toBe("oppose");
  });

  it("takes the topic from the cue's own clause", async () => {
    expect((await engine.stance("Norway", "herring quota")).polarity).toBe("oppose");
    expect((await engine.stance("Norway", "fishing accord")).polarity).toBe("support");
  });

  it("reads an evaluation only about the topic it names", async () => {
    const a = await engine.stance("Ruth Okafor", "curfew");
    expect(a.polarity).toBe("oppose");
    expect(a.results[0]).toMatchObject({ cue: "harm", target: "curfew" });
    expect((await engine.stance("Ruth Okafor", "timetable")).polarity).toBeNull();
    expect((await engine.stance("Ruth Okafor")).polarity).toBeNull();
  });

  it("finds a group by its head noun and modifiers", async () => {
    expect((await engine.stance("bus drivers", "timetable")).polarity).toBe("oppose");
    expect((await engine.stance("drivers", "timetable")).polarity).toBe("oppose");
    expect((await engine.stance("bus", "timetable")).polarity).toBeNull();
  });

  it("weighs the evidence about the whole topic over evidence that shares only some of its words", async () => {
    const e = engineFor({
      "a.txt": "Ports\n\nThe Harbour Board, which says it champions maritime safety issues, cut its inspections.",
      "b.txt": "Treaty\n\nLater the Harbour Board ignored the maritime safety treaty.",
    });
    expect((await e.stance("Harbour Board", "maritime safety treaty")).polarity).toBe("oppose");
    expect((await e.stance("Harbour Board", "maritime safety issues")).polarity).toBe("support");
    // With no evidence about all of it, the partial evidence is weighed together.
    expect((await e.stance("Harbour Board", "maritime safety")).polarity).toBe("mixed");
  });

  it("calls it neutral when the evidence is mostly 'stopped short of'", async () => {
    const e = engineFor({
      "a.txt":
        "Gas imports debated\n\nDaniel Eriksson stopped short of banning Russian gas imports on Monday.\n\nEriksson has no plans to ban Russian gas imports, officials said.",
    });
    expect((await e.stance("Daniel Eriksson", "Russian gas imports")).polarity).toBe("neutral");
  });

  it("weighs a document's stated stance over the evaluative words around it, but keeps evaluations where nothing is stated", async () => {
    const e = engineFor({
      "a.txt": [
        "Harbour levy vote",
        "",
        "Councillor Ines Varga backed the harbour levy on Tuesday.",
        "",
        "Varga said the harbour levy was a disastrous, ugly mistake.",
      ].join("\n"),
      "b.txt": "Ferry fares\n\nCouncillor Ines Varga said the ferry fare rise was a terrible mistake.",
    });
    const levy = await e.stance("Ines Varga", "harbour levy");
    // The evaluation is still listed; it just does not outvote the stance its own article states.
    expect(levy.results.map((r) => r.cue)).toEqual(["backed", "disastrous"]);
    expect(levy.polarity).toBe("support");
    expect((await e.stance("Ines Varga", "ferry fare rise")).polarity).toBe("oppose");
  });

  it("answers the same as when every stance of the actor is weighed, for topics of every word, typo and headline word", async () => {
    const store = engine.store;
    // The same store, but stancesAbout gives every fact of the actor (no word is asked of a passage): the answer then weighs them all.
    const unfiltered: Store = Object.assign(Object.create(store) as Store, {
      stancesAbout: (keys: readonly string[], topic: TopicWords) => store.stancesAbout(keys, { ...topic, min: 0, minEvaluation: 0 }),
    });
    const ctx = (s: Store): AnswerContext => ({ backend: s, facts: s, options: {} });
    const actors = [...new Set(engine.corpus.stances.map((f) => f.actorText))];
    const words = [...new Set(engine.corpus.passages.flatMap((p) => p.text.split(/\W+/)).filter((w) => w.length >= 4))];
    const topics = [...words, ...words.map((w) => w.slice(0, -1)), "Acme faces", "Acme rules", "security quota harm", "fishing accord herring", "zeppelin"];
    let about = 0;
    for (const actor of actors) {
      for (const topic of topics) {
        const want = await answerStance(ctx(unfiltered), actor, topic);
        expect(await answerStance(ctx(store), actor, topic)).toEqual(want);
        if (want.results.length > 0) about++;
      }
    }
    expect(about).toBeGreaterThan(actors.length);
  });

  it("says so when there is no evidence, never a guess", async () => {
    const none = await engine.stance("Atlantis", "Acme");
    expect(none.polarity).toBeNull();
    expect(none.results).toEqual([]);
    expect(none.message).toMatch(/no stance for "Atlantis"/);
    const offTopic = await engine.stance("Acme", "fishing quotas");
    expect(offTopic.polarity).toBeNull();
    expect(offTopic.message).toMatch(/none about "fishing quotas"/);
    expect(actorKey("Washington").key).toBe(actorKey("U.S.").key);
  });

  it("says an actor only judges things, when asked without a topic and all there is are evaluative words", async () => {
    const e = engineFor({ "pier.txt": "Pier works\n\nMayor Ines Varga said the new pier was a terrible, shameful waste." });
    const judged = await e.stance("Ines Varga");
    expect(judged.polarity).toBeNull();
    expect(judged.results).toEqual([]);
    expect(judged.message).toBe('The documents show "Ines Varga" judging things, but no side they take: ask about a topic.');
    expect(judged.message).not.toMatch(/null/);
    expect(judged.suggestions?.length).toBeGreaterThan(0);
    expect((await e.stance("Ines Varga", "new pier")).polarity).toBe("oppose");
  });
});
