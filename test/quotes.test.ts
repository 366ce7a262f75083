// Quote attribution, table by table: one table per structure, each with sentences where it must
// find nothing. Every sentence here is written for these tests.
import { describe, expect, it } from "vitest";
import { findQuoteSpans } from "../src/extract/quote-spans.js";
import { extractQuotes, type QuoteDraft } from "../src/extract/quotes.js";
import { splitSentences } from "../src/text/sentences.js";

const passages = (...paras: string[]) => paras.map((text) => ({ text, sentences: splitSentences(text) }));
const quotesOf = (...paras: string[]): QuoteDraft[] => extractQuotes(passages(...paras)).filter((q) => q.direct);

/** A case: paragraphs, then the speaker of each direct quote in order (and its role where given). */
interface Case {
  name: string;
  paras: string[];
  speakers: Array<string | null>;
  roles?: Array<string | null>;
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const qs = quotesOf(...c.paras);
      expect(qs.map((q) => q.speaker)).toEqual(c.speakers);
      if (c.roles) expect(qs.map((q) => q.role)).toEqual(c.roles);
    });
  });
}

describe("quote spans", () => {
  const spans = (t: string) => findQuoteSpans(t).map((s) => t.slice(s.start, s.end));
  it("finds straight, curly and ``TeX'' quotes, and partial quotes", () => {
    expect(spans(`He said "it is done" and “it works” and \`\`it's fine,'' today.`)).toEqual(["it is done", "it works", "it's fine,"]);
    expect(spans("dismissed them as “stories told for profit” and left")).toEqual(["stories told for profit"]);
  });

  it("treats another style inside a quote as nested, and mixed marks as closing", () => {
    const t = `"I read the motion: “Do you agree?” Thirty, yes; twelve, no." Then “it was over," he said.`;
    expect(spans(t)).toEqual(["I read the motion: “Do you agree?” Thirty, yes; twelve, no.", "it was over,"]);
  });

  it("keeps a quote open to the end of the paragraph, and ignores apostrophes and nicknames", () => {
    const s = findQuoteSpans(`“It is one of the worries of the town, and it’s the mayor’s problem. Said Councillor Rosa "Ro" Quispe`);
    expect(s).toHaveLength(1);
    expect(s[0]!.closed).toBe(false);
    expect(spans("Nobody’s sure it’s over, said the ’90s band.")).toEqual([]);
  });
});

describe("straight single quotes", () => {
  const spans = (t: string) => findQuoteSpans(t).map((s) => t.slice(s.start, s.end));
  const rows: Array<[string, string[]]> = [
    [`'We will not close the mill,' said Orla Kemp.`, ["We will not close the mill,"]],
    [`Kemp said: 'The mill stays open.'`, ["The mill stays open."]],
    [`'It's the board's call, and they won't wait,' said Kemp.`, ["It's the board's call, and they won't wait,"]],
    [`'The drivers' rest rules must change,' said Kemp.`, ["The drivers' rest rules must change,"]],
    [`Kemp called the deal 'a poor bargain for the valley'.`, ["a poor bargain for the valley"]],
    [`Mill owner vows 'no more layoffs' after sale`, ["no more layoffs"]],
    [`'Keep the buses' said one banner. Kemp added: 'Not now.'`, ["Keep the buses", "Not now."]],
    [`Juan 'El Rayo' Pinto won the race on Sunday.`, []],
    // Nothing: apostrophes, possessives, elisions and decades are no quotation marks.
    [`The growers' union says it's the mill's job to pay for the '80s pipes.`, []],
    [`They played rock 'n' roll till dawn at O'Hara's bar.`, []],
    [`The Rivases' farm and the Joneses' barn burned.`, []],
  ];
  it.each(rows)("%s", (text, want) => expect(spans(text)).toEqual(want));
});

table("straight single quotes: attributed as double ones are", [
  { name: "inverted after the quote", paras: [`'We will not close the mill,' said Orla Kemp, the owner.`], speakers: ["Orla Kemp"], roles: ["owner"] },
  { name: "colon before the quote", paras: [`Councillor Ewan Tait told the hearing: 'I was never shown the survey.'`], speakers: ["Ewan Tait"] },
  { name: "possessive inside the quote", paras: [`'The drivers' rest rules must change,' Orla Kemp said.`], speakers: ["Orla Kemp"] },
  // Nothing: no one is named.
  { name: "nothing: a quote with no attribution", paras: [`'The mill stays open.' That was all.`], speakers: [null] },
]);

table('after the quote: `"…," X said` and `"…," said X`', [
  {
    name: "title before the name is the role",
    paras: [`"We are not ready to set a date," Regional Transport Commissioner Helen Marsh said at the depot.`],
    speakers: ["Helen Marsh"],
    roles: ["Regional Transport Commissioner"],
  },
  { name: "inverted, a description as speaker", paras: [`"The only snag is the price," said one port official of the deal.`], speakers: ["one port official"] },
  {
    name: "inverted, apposition as role",
    paras: [`"We have a name," said Oscar Lindqvist, deputy head of the county's fraud unit.`],
    speakers: ["Oscar Lindqvist"],
    roles: ["deputy head of the county's fraud unit"],
  },
  {
    name: "inverted, a description whose noun no list has, at the sentence end",
    paras: [`"The nets came back empty," said one deckhand.`],
    speakers: ["one deckhand"],
  },
  {
    name: "inverted, a description with an adjective's complement",
    paras: [`"The sale is all but done," said a banker familiar with the talks.`],
    speakers: ["a banker familiar with the talks"],
  },
  {
    name: "inverted, a description ends before a plain preposition",
    paras: [`"The sale is all but done," said a banker in the lobby.`],
    speakers: ["a banker"],
  },
  { name: "inverted, any short description", paras: [`"It was a fair result," said the referee, who was booed off.`], speakers: ["the referee"] },
  {
    name: "question mark, attribution in the next words",
    paras: [`"Who would have guessed we would win nine seats?" Ortega said, waving at the hall.`],
    speakers: ["Ortega"],
  },
  { name: "parenthetical after the name", paras: [`"It's a smoke screen," Sen. Alma Reyes (D-N.M.) said Friday.`], speakers: ["Alma Reyes"] },
  {
    name: "affiliation after the name",
    paras: [`"It was the least painful option," Mr. Farrow of the River Trust said.`],
    speakers: ["Mr. Farrow"],
    roles: ["of the River Trust"],
  },
  {
    name: "affiliation that itself holds 'of the'",
    paras: [`"The valley deserves better," Hiro Tanaka of Friends of the Hills Society said.`],
    speakers: ["Hiro Tanaka"],
  },
  { name: "possessive description", paras: [`"If she thinks that helps her," the film's narrator says.`], speakers: ["the film's narrator"] },
  { name: "dash byline", paras: [`"She talks about towns she has never seen."― Petra Vogel`], speakers: ["Petra Vogel"] },
  { name: "time phrase after a postposed speaker", paras: [`"The bridge will open in spring," Hale said on Tuesday.`], speakers: ["Hale"] },
  { name: "weekday after an inverted speaker is not part of the name", paras: [`"The bridge will open in spring," said Hale Tuesday.`], speakers: ["Hale"] },
  { name: "article and adjective before a name", paras: [`"The vote proves we were right," a visibly relieved Okonkwo said.`], speakers: ["Okonkwo"] },
  {
    name: "unclosed apposition after a postposed name",
    paras: [`"Nobody on this street will miss the scheme," Grace Lin, chair of the ratepayers' forum and a contributor to The Valley Post wrote on Monday.`],
    speakers: ["Grace Lin"],
    roles: ["chair of the ratepayers' forum and a contributor to The Valley Post"],
  },
  {
    name: 'a paragraph break after `,"` keeps the attribution that opens the next paragraph',
    paras: [`"Nobody here will miss him,"`, "Grace Lin, a columnist, wrote on Monday."],
    speakers: ["Grace Lin"],
  },
  {
    name: "nothing: a full-stop quote is not attributed by the next sentence's own statement",
    paras: [`As Lindqvist stressed, "the new ferry has paid for itself twice over." Who said that the ferry was a waste of the council's money?`],
    speakers: ["Lindqvist"],
  },
  {
    name: "nothing: a full-stop quote, then a new statement by someone else",
    paras: [`Ruth Adler said the port "must stay in public hands." Norway also urged calm, saying, "We need patience."`],
    speakers: ["Ruth Adler", "Norway"],
  },
]);

table("any verb in the speech slot (open class)", [
  { name: '`"…," X fumed`', paras: [`"We will not stop until the road is finished," Ms. Hale fumed.`], speakers: ["Ms. Hale"] },
  {
    name: '`"…," grumbled X, ROLE`',
    paras: [`"The figures do not add up," grumbled Tom Baker, the council treasurer.`],
    speakers: ["Tom Baker"],
    roles: ["council treasurer"],
  },
  { name: "a bare plural description", paras: [`Meanwhile "the trains are late every single morning," commuters complained.`], speakers: ["commuters"] },
  {
    name: "a plural description with a modifier before an unlisted verb",
    paras: [`"Give us the keys," the locked-out tenants chanted.`],
    speakers: ["the locked-out tenants"],
  },
  { name: "nothing: a plural noun and no verb after it", paras: [`"Give us the keys," the tenants and their lawyers.`], speakers: [null] },
  { name: "the crowd shouted, then another clause", paras: [`"Open the gates," the crowd shouted, and the police moved in.`], speakers: ["the crowd"] },
  {
    name: "a stray mark of a nested quote before the speaker",
    paras: ["Helen Marsh was plainly delighted.", "``To borrow a sailor's phrase, `Land ahoy,''' she said."],
    speakers: ["Helen Marsh"],
  },
  { name: "nothing: a relative clause after the quote", paras: [`They want "a fair deal", which it believes is near.`], speakers: [null] },
  {
    name: "nothing: a slogan with no speaker",
    paras: [`The slogan "better safe than sorry about it" was painted on the wall of the building.`],
    speakers: [null],
  },
]);

table('before the quote: `X said (that) "…"`, `X said:`', [
  { name: "colon", paras: [`Finance Director Paula Grant added: "Today's figures show we were right."`], speakers: ["Paula Grant"] },
  {
    name: "colon, the quote opening the next paragraph",
    paras: ["Simon Achebe, the firm's chief envoy to the ministry, said:", `"We think a plan built on labels alone has limits."`],
    speakers: ["Simon Achebe"],
    roles: ["firm's chief envoy to the ministry"],
  },
  {
    name: "apposition and a time phrase before that-clause",
    paras: [`Ruth Adler, a council vice-chair, said in May that landlords "had raised rents far beyond any reason" last year.`],
    speakers: ["Ruth Adler"],
    roles: ["council vice-chair"],
  },
  {
    name: "two appositions",
    paras: [`"It is a grab for power," Lewis Carter, the auditor general of the province, one of the offices suing the agency, said this week.`],
    speakers: ["Lewis Carter"],
  },
  {
    name: "weak verb with its near object",
    paras: [`Chen Wei, the country's trade minister, last month dismissed the claims as "baseless stories told for profit" and left.`],
    speakers: ["Chen Wei"],
  },
  {
    name: "told X that …, and a later quote of the same report",
    paras: [
      `Tom Hale, deputy director for planning, told a local paper last week that the city was asking residents to adopt "a wait-and-see attitude", which it hopes "will calm the market".`,
    ],
    speakers: ["Tom Hale", "Tom Hale"],
  },
  { name: "according to X", paras: [`The merger "will not be put off again," according to Bloomberg, citing two bankers.`], speakers: ["Bloomberg"] },
  {
    name: "a description with a capitalised modifier",
    paras: [`A City Hall press spokesman commented that the council "welcomes offers from builders and lenders".`],
    speakers: ["A City Hall press spokesman"],
  },
  {
    name: "a description with a prepositional tail",
    paras: [`A spokesman for one of the carriers said the ruling was "a lost chance to build."`],
    speakers: ["A spokesman for one of the carriers"],
  },
  { name: "a plural description", paras: [`The airlines said they were "deeply troubled by the decision".`], speakers: ["The airlines"] },
  {
    name: "a relative clause between subject and verb",
    paras: [`Mayor Ana Silva, who had backed the scheme, said she was "sad but not shocked."`],
    speakers: ["Ana Silva"],
  },
  {
    name: "an -ing description between subject and verb",
    paras: [`Jane Okafor, speaking at a rally outside the town hall on a cold evening, said "we will keep marching until the plan is dropped."`],
    speakers: ["Jane Okafor"],
    roles: [null],
  },
  {
    name: "description, then the name: the name speaks",
    paras: [`The mayor's press secretary, Dana Ruiz, said the budget "will be published next week."`],
    speakers: ["Dana Ruiz"],
    roles: ["mayor's press secretary"],
  },
  { name: "an outlet before a first name", paras: [`In The Valley Post Paul Ames argues, "Voters deserve better than this."`], speakers: ["Paul Ames"] },
  {
    name: "a list of speakers goes to the first",
    paras: [`Ana Ruiz, Tom Baker and the trust's director said it was "a day to remember."`],
    speakers: ["Ana Ruiz"],
  },
  { name: "as X put it", paras: [`The main test is a "steady source of rental income," as a treasury memo put it.`], speakers: ["a treasury memo"] },
  { name: "an attribution closing the sentence", paras: [`A clerk who "pockets a few coins" is punished, Baxter said.`], speakers: ["Baxter"] },
  {
    name: "nothing: a one-word scare quote no speech verb governs",
    paras: [`The regulator has openly taken the bank to task for "sloppy" record keeping.`],
    speakers: [null],
  },
  {
    name: "a one-word quote a speech verb governs",
    paras: [`Helen Marsh said in March that it was "essential" towns kept two suppliers.`],
    speakers: ["Helen Marsh"],
  },
]);

table("the main clause's subject: participles, coordinated verbs, colons, relatives", [
  {
    name: '`…, saying, "…"` after a fronted phrase',
    paras: [`During a rally earlier in the week, Ortega attacked his rival over the budget, saying, "He is careless and very unsteady."`],
    speakers: ["Ortega"],
  },
  {
    name: "a participle after a time phrase",
    paras: [`Ortega posted messages early Monday saying that his rival had shown "very poor sense in this affair."`],
    speakers: ["Ortega"],
  },
  {
    name: "dateline, long description and a time phrase before the verb",
    paras: [
      `LIMA, June 4 (Wire) -- Veteran mining analyst Rosa Quispe on Tuesday welcomed the copper figures, saying they were "better than anyone in the trade expected."`,
    ],
    speakers: ["Rosa Quispe"],
  },
  {
    name: "'But X also saw …, saying'",
    paras: [`But Lindqvist also backed the new toll, saying that the council had been "right to act before the bridge wore out."`],
    speakers: ["Lindqvist"],
  },
  {
    name: "coordinated verbs share the subject",
    paras: [`The union denied the report and said that "no member has been asked to sign anything."`],
    speakers: ["The union"],
  },
  {
    name: "'not only … but also claimed'",
    paras: [`The board not only rejected the offer but also claimed that "the bid was never serious."`],
    speakers: ["The board"],
  },
  {
    name: "a non-speech verb introduces the quote with a comma",
    paras: [`Carla Mendes compared the senator to a weathervane, "turning with every breeze that blows through the capital."`],
    speakers: ["Carla Mendes"],
  },
  {
    name: "a non-speech verb introduces the quote with a colon",
    paras: [`Carla Mendes took aim at the board in a string of posts: "Nobody on that board has read the report they voted for."`],
    speakers: ["Carla Mendes"],
  },
  {
    name: "a colon ending the paragraph introduces the next",
    paras: ["Carla Mendes took aim at the board in a string of posts:", `"Nobody on that board has read the report they voted for."`],
    speakers: ["Carla Mendes"],
  },
  {
    name: "relative who resolves to its noun phrase",
    paras: [`The organisers met the new envoy, Jane Roe, who said "talks can resume as soon as the weather allows."`],
    speakers: ["Jane Roe"],
  },
  {
    name: "relative who after an object, with a colon",
    paras: [`Our reporter spoke to dockworkers' leader Marta Kovac, who warned: "Wages will fall before prices do."`],
    speakers: ["Marta Kovac"],
  },
  {
    name: "relative who after a name and its description",
    paras: [`A contrary view comes from Charles Okoro, a planner at the port authority, who stated, "Big ports rarely stay big."`],
    speakers: ["Charles Okoro"],
    roles: ["planner at the port authority"],
  },
  {
    name: "nothing: he with no one named before, after a fronted participle",
    paras: [`Regarding the delay he said, "The crews need another month. Then we finish."`],
    speakers: [null],
  },
  {
    name: "nothing: an unlisted verb after a one-word scare quote",
    paras: [`Over five million small "apps," have been downloaded from the store this year.`],
    speakers: [null],
  },
  {
    name: "nothing: a quote inside a subject, no clause introduces it",
    paras: [`The plan, "a disaster from start to finish," was dropped on Monday.`],
    speakers: [null],
  },
]);

table("pronouns, surnames and organisations", [
  {
    name: "he / she go to the latest speaker of that kind; a bare surname to the full name",
    paras: [
      "Still, Ivan Petrov insisted that the ports would share data about the cargo.",
      `"That is a likely result of this review," he said.`,
      `Laura Brandt, the agency's chair, disagreed. "We will not wait," she added. "It is time to move," Petrov said.`,
    ],
    speakers: ["Ivan Petrov", "Laura Brandt", "Ivan Petrov"],
  },
  {
    name: "he skips a plural description that starts a sentence",
    paras: [
      `"We are ready to lend more," Viktor Hartmann said. Tenants have long complained about the cost.`,
      `"We are talking about security for savers," he said.`,
    ],
    speakers: ["Viktor Hartmann", "Viktor Hartmann"],
  },
  {
    name: "a quote continued in the next sentence and paragraph keeps its speaker",
    paras: [`"This is all in their minds," said Dorsey. "It is one of the fears driving them."`, `"And that fear can spread."`],
    speakers: ["Dorsey", "Dorsey", "Dorsey"],
  },
  {
    name: "transcript label expanded to the full name",
    paras: ["Governor Nina Sol spoke to the host on Sunday.", `"SOL: Well, look, this is a serious matter."`],
    speakers: ["Nina Sol"],
  },
  {
    name: "roundup label `Name, Outlet:`",
    paras: [`Dana Ruiz, The Harbour Times: "The harbour plan is the best news this town has had in a decade."`],
    speakers: ["Dana Ruiz"],
    roles: ["Harbour Times"],
  },
  { name: "roundup label `Name, role:`", paras: [`Tom Baker, a retired fisherman: "They never asked us once about the plan."`], speakers: ["Tom Baker"] },
  {
    name: "a label after an earlier clause and colon",
    paras: [`The paper printed the exchange as the minutes record it: Deputy Mayor Ana Ruiz: "We can settle this without the board, surely."`],
    speakers: ["Ana Ruiz"],
  },
  {
    name: "nothing: a fronted participle is not a label's name",
    paras: [`Replying, Baker said: "They never asked us once about the plan."`],
    speakers: ["Baker"],
  },
  {
    name: "the company refers back to the organisation last named",
    paras: ["Korvex Group, the region's biggest seed supplier, rejected the claims.", `"Our seeds are safe," the company said in a statement.`],
    speakers: ["Korvex Group"],
    roles: ["region's biggest seed supplier"],
  },
  {
    name: "the builder refers back to the organisation",
    paras: ["Redmoor Construction has been under pressure for months.", `"Investors will not carry the cost," the builder said.`],
    speakers: ["Redmoor Construction"],
  },
  {
    name: "it said: the previous sentence's subject, an organisation no list knows",
    paras: [`Quellmark Tervo denied the claims on Monday. It said the tests "were never calibrated properly."`],
    speakers: ["Quellmark Tervo"],
  },
  {
    name: "he never goes to an institution's description",
    paras: [
      `Mark Ellis, the chief executive, met the federal government on Monday.`,
      `Turning to the budget he stated that the plant would "stay open for years to come."`,
    ],
    speakers: ["Mark Ellis"],
  },
  {
    name: "it said in a relative clause: the sentence's own subject wins over an organisation quoted earlier",
    paras: [`The council said on Monday that the depot plan was final. Quellmark welcomed the plan, which it said "gives everyone the same yardstick."`],
    speakers: ["Quellmark"],
  },
  {
    name: "nothing: it said never goes to a person",
    paras: [`Maria Okafor denied the claims on Monday. It said the tests "were never calibrated properly."`],
    speakers: [null],
  },
  {
    name: "a sentence adverb is not a speaker",
    paras: [`Cases rose by a tenth, Lindqvist said. Thus, the clinics are full, he said. Furthermore, "the waiting lists will grow all winter," he added.`],
    speakers: ["Lindqvist"],
  },
  {
    name: "a dateline is not the organisation 'the government' refers to",
    paras: [`OSLO, June 9: The cabinet on Friday dismissed the audit as "a list of old complaints."`],
    speakers: ["The cabinet"],
  },
  { name: "a one-word first name does not split a full name", paras: [`"Prices will fall," said Abby Joseph Carter.`], speakers: ["Abby Joseph Carter"] },
  // A lone capitalised word that opens a noun phrase is no antecedent for "he"/"she".
  {
    name: "he skips a modifier before a noun and its verb",
    paras: [`"Our fleet is ready," said Ingrid Solberg. Timber export volumes grew by a third.`, `"We will keep the mills busy," she said.`],
    speakers: ["Ingrid Solberg", "Ingrid Solberg"],
  },
  {
    name: "he skips a noun with a prepositional tail",
    paras: [`"Our fleet is ready," said Ingrid Solberg. Prices of timber have doubled.`, `"We will keep the mills busy," she said.`],
    speakers: ["Ingrid Solberg", "Ingrid Solberg"],
  },
  {
    name: "he skips a modifier before a noun, its prepositional tail and its verb",
    paras: [`"Our fleet is ready," said Ingrid Solberg. Similar levies on timber were tried in the north.`, `"We will keep the mills busy," she said.`],
    speakers: ["Ingrid Solberg", "Ingrid Solberg"],
  },
  {
    name: "she never goes to a country",
    paras: [`"Our fleet is ready," said Ingrid Solberg. Norway plans to tax timber exports.`, `"We will keep the mills busy," she said.`],
    speakers: ["Ingrid Solberg", "Ingrid Solberg"],
  },
  {
    name: "a preposed description with an adjective's complement",
    paras: [`Dockers say the rules were written in a hurry. "The mills will close," a person familiar with the talks said.`],
    speakers: ["a person familiar with the talks"],
  },
  {
    name: "a surname subject before its verb is still the antecedent",
    paras: [`"Our fleet is ready," said Ingrid Solberg. Haugland also rejected the timber levy.`, `"We will keep the mills busy," he said.`],
    speakers: ["Ingrid Solberg", "Haugland"],
  },
  {
    name: "nothing: a fronted word is not the subject a quote continues",
    paras: ["Undeterred, the team went back to the lab.", `"We will get it right this time, whatever it takes."`],
    speakers: [null],
  },
]);

table("a description in the speech slot: its apposition, and the person it stands for", [
  {
    name: "inverted: a possessive description, then the name closing the clause",
    paras: [`"The sluice gates stay shut," said the water board's director, Tobias Renholm.`],
    speakers: ["Tobias Renholm"],
    roles: ["water board's director"],
  },
  {
    name: "inverted: a possessive description alone is the speaker",
    paras: [`"The sluice gates stay shut," said the water board's spokeswoman.`],
    speakers: ["the water board's spokeswoman"],
  },
  {
    name: "nothing named: a lower-case apposition after the description",
    paras: [`"The sluice gates stay shut," said the director, a quiet man from the coast.`],
    speakers: ["the director"],
  },
  {
    name: "the mayor: the one person the document titled Mayor",
    paras: ["Mayor Odile Fanshawe toured the flooded lanes on Sunday.", `"We will rebuild every wall," the mayor said.`],
    speakers: ["Odile Fanshawe"],
  },
  {
    name: "the senator: the person an apposition described",
    paras: [`"The levy is unfair," said Tobias Renholm, a senator from the valley.`, `"We will vote it down," the senator said.`],
    speakers: ["Tobias Renholm", "Tobias Renholm"],
  },
  {
    name: "the mayor: of two mayors in the paragraph before, the latest named",
    paras: ["Mayor Odile Fanshawe met Mayor Kasimir Ludd on the quay.", `"We will rebuild every wall," the mayor said.`],
    speakers: ["Kasimir Ludd"],
  },
  {
    name: "nothing to resolve: no one was given that role",
    paras: ["Odile Fanshawe, the treasurer, toured the flooded lanes.", `"We will rebuild every wall," the mayor said.`],
    speakers: ["the mayor"],
  },
  {
    name: "nothing to resolve: a plural description stays as written",
    paras: ["Mayor Odile Fanshawe toured the flooded lanes.", `"We will rebuild every wall," the officials said.`],
    speakers: ["the officials"],
  },
]);

table("a definite description of an organisation named before, subject or not", [
  {
    name: "the company, named as an object in the paragraph before",
    paras: ["Inspectors fined Tarrow Foods on Friday.", `"We will appeal the ruling," the company said.`],
    speakers: ["Tarrow Foods"],
  },
  {
    name: "said the ministry, after a ministry named as an object",
    paras: [`Farmers marched on the Ministry of Fisheries. "Quotas will not change," said the ministry.`],
    speakers: ["Ministry of Fisheries"],
  },
  {
    name: "the union is an association",
    paras: [`Drivers joined the Coastal Drivers Association in May. "Our members want a contract," the union said.`],
    speakers: ["Coastal Drivers Association"],
  },
  // Nothing (as written): the only organisation named is of another kind, or a name of unknown
  // kind comes between.
  {
    name: "nothing: the group is not the police who arrested its members",
    paras: ["Harbour Police detained four members of Blue Tide.", `"Our members broke no law," the group said.`],
    speakers: ["the group"],
  },
  {
    name: "nothing: a name that says no kind is not the government",
    paras: ["Loggers from Pine Valley Timber Co. met Redwater Kin on Monday.", `Fees will rise, the government said, "within the year."`],
    speakers: ["the government"],
  },
  {
    name: "nothing: it said, with a name of unknown kind beside the organisation",
    paras: ["Ana Ruiz wrote to Lake Shore Shipping and to Green Dawn Watch.", `It said the "talks went well."`],
    speakers: [null],
  },
  {
    name: "nothing: a name of unknown kind comes after the agency named",
    paras: [`Ana Ruiz sent the Water Agency's survey to Valley Pipe Inspection. "The seals were never replaced," the agency said.`],
    speakers: ["the agency"],
  },
]);

table('"they said": the latest plural subject, else an organisation', [
  {
    name: "a group described in the sentence before",
    paras: ["Marrow Mining shut the pit.", "Local miners were angry.", `"It was our living," they said.`],
    speakers: ["Local miners"],
  },
  { name: "a group with a tail of place", paras: ["Nurses at the clinic walked out.", `"We are worn out," they said.`], speakers: ["Nurses at the clinic"] },
  { name: "an organisation with no group after it", paras: ["Marrow Mining shut the pit.", `"Costs were too high," they said.`], speakers: ["Marrow Mining"] },
  // Nothing: two people are no one speaker, a plural of things names no group, and a group that
  // is what the sentence reports is not who reports it.
  {
    name: "nothing: a coordination of two names",
    paras: ["Marrow Mining shut the pit.", "Ana Ruiz and Tom Baker ran the canteen.", `"We fed four hundred men," they said.`],
    speakers: [null],
  },
  {
    name: "nothing new: a plural of things is no group",
    paras: ["Marrow Mining shut the pit.", "The talks were stalled.", `"Nothing moved," they said.`],
    speakers: ["Marrow Mining"],
  },
  {
    name: "nothing: the reported group in the own sentence",
    paras: [`Hundreds of miners were still underground, they said, "and the air is thin."`],
    speakers: [null],
  },
]);

table("the one who issued a statement, and a spokesman's affiliation after the verb", [
  {
    name: "according to a statement from",
    paras: [`"The plant will hire 300 people," according to a statement from Dornell Group.`],
    speakers: ["Dornell Group"],
  },
  {
    name: "according to a report released by",
    paras: [`Fares will rise, "by a fifth at most," according to a report released by the Transit Board.`],
    speakers: ["the Transit Board"],
  },
  {
    name: "said a spokeswoman for a named body",
    paras: [`"We have nothing to add," said a spokeswoman for the Port Authority.`],
    speakers: ["a spokeswoman for the Port Authority"],
  },
  {
    name: "a description by place before the verb",
    paras: [`Officials at the depot said the line was "beyond repair."`],
    speakers: ["Officials at the depot"],
  },
  {
    name: "nothing: a place tail after a head that names no one",
    paras: [`The smoke at the depot said little, "very little," of the cause.`],
    speakers: [null],
  },
  {
    name: "a statement from a named body as the subject",
    paras: [`A statement from the Dune Trust said: "The path is closed."`],
    speakers: ["the Dune Trust"],
  },
  { name: "said a name's office", paras: [`"No comment," said Rhea Voss's office.`], speakers: ["Rhea Voss's office"] },
  {
    name: "it said, after an organisation named in an apposition",
    paras: ["The carrier, Tolland Freight Services, halted its trucks.", `"This is a sad day," it said.`],
    speakers: ["Tolland Freight Services"],
  },
  // Nothing more than the description: what follows is no one named.
  { name: "nothing: it said, with no organisation named", paras: ["The storm cut the power.", `"Stay indoors," it said.`], speakers: [null] },
  { name: "nothing: a statement from no one named", paras: [`"The plant will hire 300 people," according to a statement.`], speakers: ["a statement"] },
  {
    name: "said a professor at a named school with an of-phrase",
    paras: [`"It will fail," said a professor at the Academy of Eastmoor who studies ports.`],
    speakers: ["a professor at the Academy of Eastmoor"],
  },
  { name: "nothing: a place after the speaker noun", paras: [`"The road is shut," said a farmer at the scene.`], speakers: ["a farmer"] },
]);

table("a name's office, campaign or spokesman", [
  {
    name: "the office of a named person",
    paras: [`"The mayor will not comment," Helga Fanshawe's office said.`],
    speakers: ["Helga Fanshawe's office"],
  },
  {
    name: "a surname's campaign, with a statement after",
    paras: [`"The mayor will not comment," Fanshawe's campaign said in a statement.`],
    speakers: ["Fanshawe's campaign"],
  },
  {
    name: "before the quote, with a modifier",
    paras: [`Fanshawe's longtime spokesman said the mayor was "not available this week."`],
    speakers: ["Fanshawe's longtime spokesman"],
  },
  {
    name: "nothing: a name's plan does not speak",
    paras: [`"The mayor will not comment," Fanshawe's plan said.`],
    speakers: [null],
  },
]);

table("titles with an of-phrase, and ages", [
  {
    name: "inverted: the office after the title is part of the role",
    paras: [`"The treaty is signed," said Secretary of Trade Kasimir Ludd.`],
    speakers: ["Kasimir Ludd"],
    roles: ["Secretary of Trade"],
  },
  {
    name: "before the verb, with the office's article and a modifier",
    paras: [`"The treaty is signed," former Speaker of the Assembly Helga Fanshawe said.`],
    speakers: ["Helga Fanshawe"],
    roles: ["former Speaker of the Assembly"],
  },
  {
    name: "a known first name marks where a long office ends",
    paras: [`"The treaty is signed," said Director of Coastal Fisheries Planning Helga Fanshawe.`],
    speakers: ["Helga Fanshawe"],
  },
  {
    name: "nothing to split: a lower-case description keeps its own of-phrase out",
    paras: [`"The treaty is signed," said one trade envoy of the Northern view.`],
    speakers: ["one trade envoy"],
  },
  {
    name: "a lower-case office after `of`, then the name",
    paras: [`"The treaty is signed," said deputy chief of staff Helga Fanshawe.`],
    speakers: ["Helga Fanshawe"],
    roles: ["deputy chief of staff"],
  },
  {
    name: "nothing named: `of` and a determiner end the description",
    paras: [`"The treaty is signed," said one aide of the mayor.`],
    speakers: ["one aide"],
  },
  {
    name: "two subjects and `both`: the first of them",
    paras: [`Helga Fanshawe and Kasimir Ludd both said the treaty was "fair to every port."`],
    speakers: ["Helga Fanshawe"],
  },
  {
    name: "an age makes the bare surname a person, not an outlet",
    paras: ["Kasimir Ludd has fished these waters since 1990.", `"The treaty is signed," the 61-year-old Ludd said.`],
    speakers: ["Kasimir Ludd"],
  },
]);

table("the name of a work is no one's words", [
  {
    name: "a programme after a network's possessive, then the real quote",
    paras: [`"The quota is too low," Helga Fanshawe told KVTV's "Harbour Week."`],
    speakers: ["Helga Fanshawe", null],
  },
  {
    name: "a programme after `on`, before the attributed partial quote",
    paras: [`Helga Fanshawe said on KVTV's "Harbour Week" that the quota was "far too low for the winter."`],
    speakers: [null, "Helga Fanshawe"],
  },
  {
    name: "a book after `wrote`, a film after its kind",
    paras: [`Helga Fanshawe wrote "Salt and Rope" in 2004.`, `The film "Where the Tide Turns" opened on Friday to warm reviews.`],
    speakers: [null, null],
  },
  {
    name: "an epithet after `called` is still the speaker's, capitals or not",
    paras: [`Helga Fanshawe called the quota "A Slow Death for the Fleet."`],
    speakers: ["Helga Fanshawe"],
  },
  {
    name: "a capitalised slogan that opens its sentence is still said by someone",
    paras: [`"Not One More Boat," Helga Fanshawe said as the crowd cheered.`],
    speakers: ["Helga Fanshawe"],
  },
]);

table("he / she between two people", [
  {
    name: "she skips a man the name list knows for the woman he met",
    paras: ["Tobias Ludd met Helga Fanshawe at the depot.", `"I have never seen the river this high," she said.`],
    speakers: ["Helga Fanshawe"],
  },
  {
    name: "he keeps the name of unknown gender",
    paras: ["Kasimir Ludd met Helga Fanshawe at the depot.", `"I have never seen the river this high," he said.`],
    speakers: ["Kasimir Ludd"],
  },
  {
    name: "she keeps the woman named first",
    paras: ["Helga Fanshawe met Kasimir Ludd at the depot.", `"I have never seen the river this high," she said.`],
    speakers: ["Helga Fanshawe"],
  },
  {
    name: "he skips a woman the name list knows, for a man it knows",
    paras: ["Marta Fanshawe spoke after Tobias Ludd left the hall.", `"I have never seen the river this high," he said.`],
    speakers: ["Tobias Ludd"],
  },
  {
    name: "nothing: he never goes to a woman the name list knows",
    paras: ["Marta Fanshawe spoke after Kasimir Ludd left the hall.", `"I have never seen the river this high," he said.`],
    speakers: [null],
  },
]);

table("a bare surname shared by two people", [
  {
    name: "the main figure, not a relative named once in an earlier paragraph",
    paras: [
      "Sen. Tobias Renholm backed the levy on Friday after months of doubt.",
      `"I will not pretend it was easy," Renholm said.`,
      "His brother, Anselm Renholm, runs a shipyard on the coast.",
      `"Nobody in my family gets a favour from this bill," Renholm said.`,
    ],
    speakers: ["Tobias Renholm", "Tobias Renholm"],
  },
  {
    name: "the one named in the same paragraph",
    paras: ["Tobias Renholm backed the levy on Friday.", `Anselm Renholm, his brother, disagreed. "It will sink us," Renholm said.`],
    speakers: ["Anselm Renholm"],
  },
  {
    name: "Mrs. picks the woman of the two",
    paras: ["Tobias Renholm and his wife, Helga Renholm, arrived late.", `"We were held up at the bridge," Mrs. Renholm said.`],
    speakers: ["Helga Renholm"],
  },
  {
    name: "a possessive is not part of the name it expands to",
    paras: ["Helga Fanshawe's plan was approved on Monday.", `"It took three years," Fanshawe said.`],
    speakers: ["Helga Fanshawe"],
  },
]);

table("what does not open a subject", [
  {
    name: "nothing: a subordinate clause's subject is not the sentence's",
    paras: [`When Renholm arrived the hall was empty. "Nobody came to hear the plan," one usher said.`],
    speakers: ["one usher"],
  },
  {
    name: "nothing: a byline is not a speaker for he",
    paras: ["By Helga Fanshawe", `"We will build it anyway," he said.`],
    speakers: [null],
  },
  {
    name: "he: a person's full name after a lone word of unknown kind",
    paras: [`Korvo is based in the north. Another analyst, Tobias Renholm of Quay Securities, cut his rating. "The margins are gone," he said.`],
    speakers: ["Tobias Renholm"],
  },
  {
    name: "a quotation after a sentence whose subject is he: the man it refers to",
    paras: [`Tobias Renholm was blunt on Tuesday. He blamed the weather. "We had a bad year, and nobody could have stopped it."`],
    speakers: ["Tobias Renholm"],
  },
  {
    name: "nothing: a quotation after a sentence about it",
    paras: [`Tobias Renholm was blunt on Tuesday. It rained all week. "We had a bad year, and nobody could have stopped it."`],
    speakers: [null],
  },
  {
    name: "a short quotation that is a whole sentence keeps the speaker",
    paras: [`"The margins are gone," Tobias Renholm said. "Not now."`],
    speakers: ["Tobias Renholm", "Tobias Renholm"],
  },
  {
    name: "nothing: a short scare quote in running text gets no speaker",
    paras: [`"The margins are gone," Tobias Renholm said. Traders shrugged at the "prudent" cuts.`],
    speakers: ["Tobias Renholm", null],
  },
  {
    name: "the former governor: the person titled Gov. before",
    paras: ["Former Gov. Helga Fanshawe spoke in the square.", `"We will build it anyway," the former governor said.`],
    speakers: ["Helga Fanshawe"],
  },
]);

table("in the words of", [
  {
    name: "a named person, the phrase fronted",
    paras: [`In the words of Zoran Pelivan, "the crossing stays shut until the spring."`],
    speakers: ["Zoran Pelivan"],
  },
  {
    name: "a description, the phrase inside the sentence",
    paras: [`The levy is, in the words of one ferryman, "a tax on getting home."`],
    speakers: ["one ferryman"],
  },
  {
    name: "nothing: the words of a song are no one's statement here",
    paras: [`In the words of the old ballad, "the river runs where it will."`],
    speakers: [null],
  },
  {
    name: "in other words is not an attribution",
    paras: [`The levy is, in other words, "a tax on getting home," Pelivan said.`],
    speakers: ["Pelivan"],
  },
]);

table("quoted as saying, and names with bound particles", [
  {
    name: "the agency quoted a minister as saying: the minister",
    paras: [`The state news agency quoted Trade Minister Zoran Pelivan as saying: "We will not reopen the crossing."`],
    speakers: ["Zoran Pelivan"],
  },
  {
    name: "quoted a description as saying",
    paras: [`The paper quoted an unnamed port official as saying the crossing was "closed until spring."`],
    speakers: ["an unnamed port official"],
  },
  {
    name: "quoted him as saying: the man named before",
    paras: ["Zoran Pelivan flew home on Monday.", `The radio quoted him as saying "the crossing stays shut."`],
    speakers: ["Zoran Pelivan"],
  },
  {
    name: "passive: X was quoted by the agency as saying",
    paras: [`Zoran Pelivan was quoted by the agency as saying "the crossing stays shut."`],
    speakers: ["Zoran Pelivan"],
  },
  {
    name: "nothing changes for a report that quotes no one",
    paras: [`The agency quoted figures showing the crossing was "busier than ever."`],
    speakers: [null],
  },
  {
    name: "an Arabic particle bound to the surname",
    paras: [`"The crossing stays shut," said Karim Nasser al-Haddadi.`],
    speakers: ["Karim Nasser al-Haddadi"],
  },
]);

table("a quotation open over paragraphs, attributed where it closes", [
  {
    name: "the closing paragraph's speaker goes back to the open paragraphs",
    paras: [`"We will not reopen the crossing this year.`, `"Nor next year.`, `"The risk is too high," Zoran Pelivan said.`],
    speakers: ["Zoran Pelivan", "Zoran Pelivan", "Zoran Pelivan"],
  },
  {
    name: "an open quote after other words in its paragraph starts the chain",
    paras: [`The minister was blunt. "We will not reopen the crossing this year.`, `"The risk is too high," Zoran Pelivan said.`],
    speakers: ["Zoran Pelivan", "Zoran Pelivan"],
  },
  {
    name: "the closing speaker overrides a guess from the paragraph before",
    paras: [`"The border is calm," Ines Okafor said.`, `"We will not reopen the crossing this year.`, `"The risk is too high," Zoran Pelivan said.`],
    speakers: ["Ines Okafor", "Zoran Pelivan", "Zoran Pelivan"],
  },
  {
    name: "a guess stands when no attribution closes the quotation",
    paras: [`"The border is calm," Ines Okafor said.`, `"We will not reopen the crossing this year."`, "The talks end on Friday."],
    speakers: ["Ines Okafor", "Ines Okafor"],
  },
  {
    name: "nothing: a closed quotation is not carried back",
    paras: [`"We will not reopen the crossing this year."`, `"The risk is too high," Zoran Pelivan said.`],
    speakers: [null, "Zoran Pelivan"],
  },
  {
    name: "nothing: a transcript label names its own paragraph only",
    paras: [`"(NOISE IN THE HALL.)`, `"PELIVAN: We will not reopen the crossing this year.`],
    speakers: [null, "Pelivan"],
  },
]);

describe("indirect speech", () => {
  it("reports a statement without quote marks", () => {
    const q = extractQuotes(passages("The regional council will ask for data on the pipelines, officials say.")).find((x) => !x.direct);
    expect(q?.speaker).toBe("officials");
    expect(q?.text).toBe("The regional council will ask for data on the pipelines");
  });

  it("finds nothing in a sentence without a speech verb", () => {
    expect(extractQuotes(passages("The regional council will ask for data on the pipelines next year."))).toEqual([]);
  });
});
