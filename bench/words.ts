// Word lists the generator draws from: people, places, organizations, topics and the phrases news
// writers wrap around them. Companies and people are invented (no claims about real ones);
// countries and international bodies are real because news is about them.

export interface Country {
  name: string;
  /** How a sentence names it as a subject ("the Netherlands"). */
  subject: string;
  capital: string;
  adj: string;
}

export const COUNTRIES: readonly Country[] = [
  { name: "Germany", subject: "Germany", capital: "Berlin", adj: "German" },
  { name: "France", subject: "France", capital: "Paris", adj: "French" },
  { name: "Poland", subject: "Poland", capital: "Warsaw", adj: "Polish" },
  { name: "Italy", subject: "Italy", capital: "Rome", adj: "Italian" },
  { name: "Spain", subject: "Spain", capital: "Madrid", adj: "Spanish" },
  { name: "Sweden", subject: "Sweden", capital: "Stockholm", adj: "Swedish" },
  { name: "Netherlands", subject: "the Netherlands", capital: "The Hague", adj: "Dutch" },
  { name: "Belgium", subject: "Belgium", capital: "Brussels", adj: "Belgian" },
  { name: "Austria", subject: "Austria", capital: "Vienna", adj: "Austrian" },
  { name: "Hungary", subject: "Hungary", capital: "Budapest", adj: "Hungarian" },
  { name: "Czech Republic", subject: "the Czech Republic", capital: "Prague", adj: "Czech" },
  { name: "Greece", subject: "Greece", capital: "Athens", adj: "Greek" },
  { name: "Portugal", subject: "Portugal", capital: "Lisbon", adj: "Portuguese" },
  { name: "Ireland", subject: "Ireland", capital: "Dublin", adj: "Irish" },
  { name: "Denmark", subject: "Denmark", capital: "Copenhagen", adj: "Danish" },
  { name: "Finland", subject: "Finland", capital: "Helsinki", adj: "Finnish" },
  { name: "Norway", subject: "Norway", capital: "Oslo", adj: "Norwegian" },
  { name: "Britain", subject: "Britain", capital: "London", adj: "British" },
  { name: "United States", subject: "the United States", capital: "Washington", adj: "U.S." },
  { name: "Canada", subject: "Canada", capital: "Ottawa", adj: "Canadian" },
  { name: "Japan", subject: "Japan", capital: "Tokyo", adj: "Japanese" },
  { name: "China", subject: "China", capital: "Beijing", adj: "Chinese" },
  { name: "India", subject: "India", capital: "New Delhi", adj: "Indian" },
  { name: "Brazil", subject: "Brazil", capital: "Brasilia", adj: "Brazilian" },
  { name: "Mexico", subject: "Mexico", capital: "Mexico City", adj: "Mexican" },
  { name: "Kenya", subject: "Kenya", capital: "Nairobi", adj: "Kenyan" },
  { name: "Nigeria", subject: "Nigeria", capital: "Abuja", adj: "Nigerian" },
  { name: "South Africa", subject: "South Africa", capital: "Pretoria", adj: "South African" },
  { name: "Australia", subject: "Australia", capital: "Canberra", adj: "Australian" },
  { name: "Turkey", subject: "Turkey", capital: "Ankara", adj: "Turkish" },
  { name: "Egypt", subject: "Egypt", capital: "Cairo", adj: "Egyptian" },
  { name: "Indonesia", subject: "Indonesia", capital: "Jakarta", adj: "Indonesian" },
  { name: "South Korea", subject: "South Korea", capital: "Seoul", adj: "South Korean" },
  { name: "Argentina", subject: "Argentina", capital: "Buenos Aires", adj: "Argentine" },
  { name: "Chile", subject: "Chile", capital: "Santiago", adj: "Chilean" },
  { name: "Romania", subject: "Romania", capital: "Bucharest", adj: "Romanian" },
  { name: "Estonia", subject: "Estonia", capital: "Tallinn", adj: "Estonian" },
  { name: "Morocco", subject: "Morocco", capital: "Rabat", adj: "Moroccan" },
  { name: "Vietnam", subject: "Vietnam", capital: "Hanoi", adj: "Vietnamese" },
];

/** Cities that are not capitals, for plants, offices and summits. */
export const CITIES: readonly string[] = [
  "Hamburg", "Lyon", "Gdansk", "Milan", "Barcelona", "Gothenburg", "Rotterdam", "Antwerp", "Graz", "Debrecen",
  "Brno", "Thessaloniki", "Porto", "Cork", "Aarhus", "Tampere", "Bergen", "Manchester", "Chicago", "Houston",
  "Toronto", "Osaka", "Shenzhen", "Mumbai", "Sao Paulo", "Monterrey", "Mombasa", "Lagos", "Durban", "Perth",
  "Izmir", "Alexandria", "Surabaya", "Busan", "Cordoba", "Valparaiso", "Cluj", "Tartu", "Casablanca", "Da Nang",
  "Leipzig", "Marseille", "Wroclaw", "Turin", "Seville", "Malmo", "Utrecht", "Ghent", "Linz", "Ostrava",
];

export const BLOCS: readonly string[] = [
  "the European Union", "NATO", "the United Nations", "the African Union", "the World Trade Organization", "the G7", "the IMF", "the OECD",
];

export type Domain = "trade" | "energy" | "telecom" | "health" | "transport" | "finance" | "labour" | "environment" | "defence" | "data" | "farming" | "housing";
export const DOMAINS: readonly Domain[] = ["trade", "energy", "telecom", "health", "transport", "finance", "labour", "environment", "defence", "data", "farming", "housing"];

export interface Company {
  name: string;
  /** How later mentions and headlines shorten it. */
  short: string;
  domain: Domain;
  /** "the company", "the bank", "the carrier"… for "the company said". */
  noun: string;
}

export const COMPANIES: readonly Company[] = [
  { name: "Norvell Telecom", short: "Norvell", domain: "telecom", noun: "operator" },
  { name: "Lumina Networks", short: "Lumina", domain: "telecom", noun: "company" },
  { name: "Zephyr Mobile", short: "Zephyr", domain: "telecom", noun: "carrier" },
  { name: "Castellan Energy", short: "Castellan", domain: "energy", noun: "company" },
  { name: "Nordvik Wind", short: "Nordvik", domain: "energy", noun: "developer" },
  { name: "Tidewater Utilities", short: "Tidewater", domain: "energy", noun: "utility" },
  { name: "Brightwater Holdings", short: "Brightwater", domain: "finance", noun: "group" },
  { name: "Bluecrest Bank", short: "Bluecrest", domain: "finance", noun: "bank" },
  { name: "Oakridge Capital", short: "Oakridge", domain: "finance", noun: "fund" },
  { name: "Meridian Rail", short: "Meridian", domain: "transport", noun: "operator" },
  { name: "Halcyon Airlines", short: "Halcyon", domain: "transport", noun: "airline" },
  { name: "Portline Logistics", short: "Portline", domain: "transport", noun: "company" },
  { name: "Halvorsen Shipping", short: "Halvorsen", domain: "trade", noun: "shipping group" },
  { name: "Ardent Steel", short: "Ardent", domain: "trade", noun: "steelmaker" },
  { name: "Tessaro Motors", short: "Tessaro", domain: "trade", noun: "carmaker" },
  { name: "Aurion Pharmaceuticals", short: "Aurion", domain: "health", noun: "drugmaker" },
  { name: "Calloway Health", short: "Calloway", domain: "health", noun: "company" },
  { name: "Kestrel Aerospace", short: "Kestrel", domain: "defence", noun: "company" },
  { name: "Sabre Defence Systems", short: "Sabre", domain: "defence", noun: "contractor" },
  { name: "Quantra Semiconductors", short: "Quantra", domain: "data", noun: "chipmaker" },
  { name: "Corvan Media Group", short: "Corvan", domain: "data", noun: "group" },
  { name: "Datavane Cloud", short: "Datavane", domain: "data", noun: "company" },
  { name: "Everfield Agriculture", short: "Everfield", domain: "farming", noun: "company" },
  { name: "Veridian Foods", short: "Veridian", domain: "farming", noun: "group" },
  { name: "Solvane Chemicals", short: "Solvane", domain: "environment", noun: "company" },
  { name: "Granite Peak Mining", short: "Granite Peak", domain: "environment", noun: "miner" },
  { name: "Redmoor Construction", short: "Redmoor", domain: "housing", noun: "builder" },
  { name: "Hollis Homes", short: "Hollis", domain: "housing", noun: "developer" },
  { name: "Brennwald Logistics", short: "Brennwald", domain: "labour", noun: "company" },
  { name: "Marlowe Retail", short: "Marlowe", domain: "labour", noun: "retailer" },
];

/** Unions, campaign groups, think tanks, parties: speakers and stance holders that are not firms. */
export const GROUPS: readonly { name: string; domain: Domain | null; noun: string }[] = [
  { name: "the Transport Workers Union", domain: "transport", noun: "union" },
  { name: "the National Farmers Association", domain: "farming", noun: "association" },
  { name: "Greenline Alliance", domain: "environment", noun: "group" },
  { name: "the Consumers Federation", domain: null, noun: "federation" },
  { name: "the Open Data Institute", domain: "data", noun: "institute" },
  { name: "the Centre for Fiscal Studies", domain: "finance", noun: "think tank" },
  { name: "the Federation of Small Businesses", domain: "trade", noun: "federation" },
  { name: "the Health Policy Institute", domain: "health", noun: "institute" },
  { name: "the Tenants Union", domain: "housing", noun: "union" },
  { name: "the Retail Workers Union", domain: "labour", noun: "union" },
  { name: "the Social Democrats", domain: null, noun: "party" },
  { name: "the Green Party", domain: null, noun: "party" },
  { name: "the Liberal Party", domain: null, noun: "party" },
  { name: "the Conservative Party", domain: null, noun: "party" },
  { name: "the European Commission", domain: null, noun: "commission" },
  { name: "the World Health Organization", domain: "health", noun: "organization" },
  { name: "the European Central Bank", domain: "finance", noun: "bank" },
  { name: "the International Energy Agency", domain: "energy", noun: "agency" },
];

export const FIRST_NAMES_MALE: readonly string[] = [
  "Thomas", "Jan", "Pierre", "Lars", "Ahmed", "Kenji", "Mateusz", "Paolo", "Viktor", "David", "James", "Hiroshi", "Carlos", "Peter",
  "Henrik", "Miguel", "Andrzej", "Stefan", "Omar", "Rahul", "Daniel", "Marco", "Jonas", "Tomasz", "Luis", "Samuel", "Oliver", "Yusuf",
  "Ivan", "Gregor", "Felix", "Anders", "Dmitri", "Rafael", "Nikolai", "Patrick", "Martin", "Kwame", "Hassan", "Robert", "Emeka", "Joao",
];

export const FIRST_NAMES_FEMALE: readonly string[] = [
  "Maria", "Aisha", "Olga", "Sofia", "Elena", "Ana", "Ingrid", "Nadia", "Sarah", "Fatima", "Anna", "Katarzyna", "Julia", "Claire", "Yuki",
  "Priya", "Helena", "Marta", "Lucia", "Amara", "Leila", "Petra", "Monika", "Eva", "Rachel", "Hanna", "Chloe", "Beatriz", "Agnieszka",
  "Margaret", "Grace", "Ines", "Zainab", "Linnea", "Emma", "Rosa", "Mei", "Nora", "Teresa", "Alice", "Ngozi", "Astrid",
];

export const LAST_NAMES: readonly string[] = [
  "Keller", "Novak", "Lindqvist", "Okafor", "Moreau", "Brennan", "Tanaka", "Rossi", "Petrov", "Haddad", "Schneider", "Dubois", "Nowak",
  "Jansen", "Varga", "Costa", "Fischer", "Nielsen", "Mendes", "Horvat", "Sato", "Ibrahim", "Walsh", "Lambert", "Bauer", "Romero",
  "Kowalczyk", "Andersen", "Marchetti", "Herrera", "Vogel", "Laurent", "Popescu", "Eriksson", "Mwangi", "Chen", "Das", "Kovacs",
  "Sokolov", "Bergstrom", "Fontaine", "Gallagher", "Holm", "Jovanovic", "Kruger", "Lehmann", "Mancini", "Nakamura", "Oliveira",
  "Quinn", "Reyes", "Silva", "Takahashi", "Ulrich", "Vasquez", "Weber", "Yilmaz", "Zielinski", "Abbott", "Barros", "Carver",
  "Delgado", "Engel", "Farrell", "Grant", "Hartmann", "Ishikawa", "Jablonski", "Kaplan", "Lindgren", "Moretti", "Nilsen", "Osei",
  "Pereira", "Rahman", "Santos", "Thornton", "Valdez", "Wright", "Young", "Zhang", "Aldridge", "Blackwood", "Castellano",
  "Drummond", "Eklund", "Fabbri", "Greco", "Haugen", "Iversen", "Jaramillo", "Kessler", "Lorenz", "Maddox", "Navarro", "Ortega",
  "Ramsey", "Toivonen", "Underwood", "Voss", "Whitfield", "Asante", "Brandt", "Corbin", "Dalton", "Ellison", "Garber", "Hoffman",
  "Ingram", "Jensen", "Lund", "Mercer", "Oakley", "Pruitt", "Sandoval", "Vance", "Wolff", "Achterberg", "Baptiste", "Cordova",
  "Dimitrov", "Esposito", "Forde", "Gunnarsson", "Halloran", "Ikeda", "Juarez", "Kaminski", "Lachance", "Nyberg", "Olsen",
  "Pacheco", "Radu", "Serrano", "Tiwari", "Umarov", "Vidal", "Wiśniewski", "Zeller", "Müller", "Sánchez", "Håkansson", "Çelik",
  "Dvořák", "O'Brien", "McAllister", "van der Berg", "De Luca",
];

/** Ministerial and other government portfolios, with the domain they speak for. */
export const PORTFOLIOS: readonly { title: string; domain: Domain | null }[] = [
  { title: "finance minister", domain: "finance" },
  { title: "trade minister", domain: "trade" },
  { title: "energy minister", domain: "energy" },
  { title: "health minister", domain: "health" },
  { title: "transport minister", domain: "transport" },
  { title: "labour minister", domain: "labour" },
  { title: "environment minister", domain: "environment" },
  { title: "defence minister", domain: "defence" },
  { title: "digital minister", domain: "data" },
  { title: "agriculture minister", domain: "farming" },
  { title: "housing minister", domain: "housing" },
  { title: "foreign minister", domain: null },
  { title: "prime minister", domain: null },
  { title: "deputy prime minister", domain: null },
  { title: "economy minister", domain: "trade" },
];

export const EU_PORTFOLIOS: readonly { title: string; domain: Domain }[] = [
  { title: "Trade Commissioner", domain: "trade" },
  { title: "Energy Commissioner", domain: "energy" },
  { title: "Competition Commissioner", domain: "finance" },
  { title: "Health Commissioner", domain: "health" },
  { title: "Transport Commissioner", domain: "transport" },
  { title: "Internal Market Commissioner", domain: "telecom" },
  { title: "Climate Commissioner", domain: "environment" },
  { title: "Agriculture Commissioner", domain: "farming" },
  { title: "Security Commissioner", domain: "data" },
];

export const EXPERT_ROLES: readonly string[] = [
  "an analyst at {bank}", "chief economist at {bank}", "a senior fellow at {thinktank}", "professor of economics at the University of {city}",
  "a researcher at {thinktank}", "head of research at {bank}", "a former adviser to the {country} government", "a partner at the law firm {lawfirm}",
];
export const THINK_TANKS: readonly string[] = ["the Brookfield Institute", "the Centre for European Reform Studies", "the Atlantic Policy Forum", "the Kiel Economic Council", "the Lisbon Policy Group", "Harcourt Research"];
export const LAW_FIRMS: readonly string[] = ["Whitmore & Lang", "Castell Brandt", "Orme Haddington", "Vellacott Pryce"];
export const BANKS_FOR_ANALYSTS: readonly string[] = ["Bluecrest Bank", "Oakridge Capital", "Harwell Securities", "Sterling Crane Partners", "Ostrava Investment Bank"];

/** Nominal speakers as news writes them, with the words that identify them in an answer. */
export const NOMINAL_SPEAKERS: readonly { text: string; core: string }[] = [
  { text: "one EU diplomat", core: "EU diplomat" },
  { text: "a senior government official", core: "government official" },
  { text: "an industry source", core: "industry source" },
  { text: "a person familiar with the matter", core: "person familiar with the matter" },
  { text: "one senior diplomat", core: "senior diplomat" },
  { text: "a ministry spokesman", core: "ministry spokesman" },
  { text: "a company spokeswoman", core: "company spokeswoman" },
  { text: "one analyst", core: "analyst" },
  { text: "a senior official", core: "senior official" },
  { text: "one trader", core: "trader" },
  { text: "a union representative", core: "union representative" },
  { text: "a White House spokesman", core: "White House spokesman" },
];

export interface Topic {
  /** As a stance target and as the stance question's topic. */
  np: string;
  domain: Domain;
  /** Something an actor can ban or bar (exclusion cues make sense), not a policy one welcomes. */
  bannable: boolean;
  /** An accusation an actor can deny. */
  allegation?: boolean;
}

export const TOPICS: readonly Topic[] = [
  { np: "steel tariffs", domain: "trade", bannable: false },
  { np: "the free trade agreement with Mercosur", domain: "trade", bannable: false },
  { np: "export controls on chip machinery", domain: "trade", bannable: false },
  { np: "imports of Chinese electric cars", domain: "trade", bannable: true },
  { np: "allegations of steel dumping", domain: "trade", bannable: false, allegation: true },
  { np: "the gas pipeline project", domain: "energy", bannable: false },
  { np: "the carbon border levy", domain: "energy", bannable: false },
  { np: "fracking licences", domain: "energy", bannable: true },
  { np: "Russian gas imports", domain: "energy", bannable: true },
  { np: "nuclear plant extensions", domain: "energy", bannable: false },
  { np: "the windfall tax on energy companies", domain: "energy", bannable: false },
  { np: "Chinese network equipment", domain: "telecom", bannable: true },
  { np: "the spectrum auction rules", domain: "telecom", bannable: false },
  { np: "roaming charges", domain: "telecom", bannable: true },
  { np: "claims of a security backdoor", domain: "telecom", bannable: false, allegation: true },
  { np: "the vaccine patent waiver", domain: "health", bannable: false },
  { np: "menthol cigarettes", domain: "health", bannable: true },
  { np: "the sugar tax", domain: "health", bannable: false },
  { np: "hospital privatisation", domain: "health", bannable: false },
  { np: "claims of price gouging on insulin", domain: "health", bannable: false, allegation: true },
  { np: "diesel cars in city centres", domain: "transport", bannable: true },
  { np: "the high-speed rail link", domain: "transport", bannable: false },
  { np: "short-haul domestic flights", domain: "transport", bannable: true },
  { np: "congestion charging", domain: "transport", bannable: false },
  { np: "the bank bonus cap", domain: "finance", bannable: false },
  { np: "short selling", domain: "finance", bannable: true },
  { np: "the digital euro", domain: "finance", bannable: false },
  { np: "cryptocurrency mining", domain: "finance", bannable: true },
  { np: "allegations of money laundering", domain: "finance", bannable: false, allegation: true },
  { np: "the minimum wage increase", domain: "labour", bannable: false },
  { np: "the four-day working week", domain: "labour", bannable: false },
  { np: "zero-hours contracts", domain: "labour", bannable: true },
  { np: "the pension reform", domain: "labour", bannable: false },
  { np: "single-use plastics", domain: "environment", bannable: true },
  { np: "glyphosate", domain: "environment", bannable: true },
  { np: "the deep-sea mining moratorium", domain: "environment", bannable: false },
  { np: "the emissions trading scheme", domain: "environment", bannable: false },
  { np: "reports of toxic spills", domain: "environment", bannable: false, allegation: true },
  { np: "the joint fighter jet programme", domain: "defence", bannable: false },
  { np: "arms exports to the Gulf", domain: "defence", bannable: true },
  { np: "the common defence fund", domain: "defence", bannable: false },
  { np: "military drones made abroad", domain: "defence", bannable: true },
  { np: "facial recognition cameras", domain: "data", bannable: true },
  { np: "the data retention law", domain: "data", bannable: false },
  { np: "the digital services tax", domain: "data", bannable: false },
  { np: "foreign video apps on government phones", domain: "data", bannable: true },
  { np: "accusations of espionage", domain: "data", bannable: false, allegation: true },
  { np: "farm subsidy reform", domain: "farming", bannable: false },
  { np: "neonicotinoid pesticides", domain: "farming", bannable: true },
  { np: "foreign ownership of farmland", domain: "farming", bannable: true },
  { np: "the fishing quota deal", domain: "farming", bannable: false },
  { np: "rent controls", domain: "housing", bannable: false },
  { np: "short-term holiday lets", domain: "housing", bannable: true },
  { np: "the social housing programme", domain: "housing", bannable: false },
  { np: "foreign buyers of new homes", domain: "housing", bannable: true },
];

/** Per domain: things that happen (base form, past form), with slots the article fills. */
export const EVENTS: Readonly<Record<Domain, readonly [string, string][]>> = {
  trade: [
    ["sign a {num}-year supply agreement with {org2}", "signed a {num}-year supply agreement with {org2}"],
    ["open a new assembly plant in {city}", "opened a new assembly plant in {city}"],
    ["raise duties on imported {good}", "raised duties on imported {good}"],
    ["file a complaint with the World Trade Organization over {good} subsidies", "filed a complaint with the World Trade Organization over {good} subsidies"],
    ["cut {numw} hundred jobs at its {city} works", "cut {numw} hundred jobs at its {city} works"],
  ],
  energy: [
    ["start drilling at the {city} field", "started drilling at the {city} field"],
    ["switch off the last reactor at {city}", "switched off the last reactor at {city}"],
    ["award a contract for an offshore wind farm near {city}", "awarded a contract for an offshore wind farm near {city}"],
    ["cap household power bills", "capped household power bills"],
    ["sign a long-term gas contract with {org2}", "signed a long-term gas contract with {org2}"],
  ],
  telecom: [
    ["auction the {num} gigahertz band", "auctioned the {num} gigahertz band"],
    ["switch on its first standalone network in {city}", "switched on its first standalone network in {city}"],
    ["fine {org2} over dropped emergency calls", "fined {org2} over dropped emergency calls"],
    ["lay a new subsea cable to {city}", "laid a new subsea cable to {city}"],
    ["sell its tower business to {org2}", "sold its tower business to {org2}"],
  ],
  health: [
    ["approve a new {disease} treatment", "approved a new {disease} treatment"],
    ["open an emergency field hospital in {city}", "opened an emergency field hospital in {city}"],
    ["recall {numw} thousand packs of a blood pressure drug", "recalled {numw} thousand packs of a blood pressure drug"],
    ["launch a screening programme for {group}", "launched a screening programme for {group}"],
    ["close the maternity ward at {city} general hospital", "closed the maternity ward at {city} general hospital"],
  ],
  transport: [
    ["order {num} new trains from {org2}", "ordered {num} new trains from {org2}"],
    ["reopen the {city} bridge to lorries", "reopened the {city} bridge to lorries"],
    ["cancel hundreds of flights out of {city}", "cancelled hundreds of flights out of {city}"],
    ["break ground on the {city} bypass", "broke ground on the {city} bypass"],
    ["ground its fleet of regional jets", "grounded its fleet of regional jets"],
  ],
  finance: [
    ["raise interest rates by a quarter point", "raised interest rates by a quarter point"],
    ["complete the takeover of {org2}", "completed the takeover of {org2}"],
    ["issue a {num}-year green bond", "issued a {num}-year green bond"],
    ["open an inquiry into {org2}", "opened an inquiry into {org2}"],
    ["list its shares in {city}", "listed its shares in {city}"],
  ],
  labour: [
    ["reach a pay deal with {group}", "reached a pay deal with {group}"],
    ["stage a {num}-day strike at the {city} depot", "staged a {num}-day strike at the {city} depot"],
    ["close its {city} warehouse", "closed its {city} warehouse"],
    ["hire {numw} hundred seasonal workers in {city}", "hired {numw} hundred seasonal workers in {city}"],
    ["freeze public sector pay", "froze public sector pay"],
  ],
  environment: [
    ["plant {numw} million trees along the {city} coast", "planted {numw} million trees along the {city} coast"],
    ["fine {org2} for polluting the river near {city}", "fined {org2} for polluting the river near {city}"],
    ["declare a drought emergency around {city}", "declared a drought emergency around {city}"],
    ["shut the {city} coal plant", "shut the {city} coal plant"],
    ["publish its first national adaptation plan", "published its first national adaptation plan"],
  ],
  defence: [
    ["sign a contract for {num} patrol vessels with {org2}", "signed a contract for {num} patrol vessels with {org2}"],
    ["hold joint naval exercises off {city}", "held joint naval exercises off {city}"],
    ["deploy an air defence battery to {city}", "deployed an air defence battery to {city}"],
    ["test a new medium-range missile", "tested a new medium-range missile"],
    ["open a cyber command centre in {city}", "opened a cyber command centre in {city}"],
  ],
  data: [
    ["fine {org2} over a breach of customer records", "fined {org2} over a breach of customer records"],
    ["open a data centre outside {city}", "opened a data centre outside {city}"],
    ["disclose a ransomware attack on its {city} systems", "disclosed a ransomware attack on its {city} systems"],
    ["publish the source code of its tax app", "published the source code of its tax app"],
    ["buy the start-up {org2}", "bought the start-up {org2}"],
  ],
  farming: [
    ["pay compensation to dairy farmers in {city}", "paid compensation to dairy farmers in {city}"],
    ["lift a ban on poultry imports from {country}", "lifted a ban on poultry imports from {country}"],
    ["report the first case of swine fever near {city}", "reported the first case of swine fever near {city}"],
    ["agree grain export quotas with {country}", "agreed grain export quotas with {country}"],
    ["open a fertiliser plant in {city}", "opened a fertiliser plant in {city}"],
  ],
  housing: [
    ["start work on {numw} thousand homes in {city}", "started work on {numw} thousand homes in {city}"],
    ["demolish the {city} tower blocks", "demolished the {city} tower blocks"],
    ["sell a portfolio of {numw} thousand flats to {org2}", "sold a portfolio of {numw} thousand flats to {org2}"],
    ["change planning rules for {city}", "changed planning rules for {city}"],
    ["evict tenants from a block in {city}", "evicted tenants from a block in {city}"],
  ],
};

/** Plural nouns for the slots of events and quotes, per domain. */
export const GOODS: Readonly<Record<Domain, readonly string[]>> = {
  trade: ["steel", "aluminium", "solar panels", "tyres", "bicycles", "ceramics"],
  energy: ["gas", "coal", "heat pumps", "batteries", "hydrogen", "biofuel"],
  telecom: ["antennas", "handsets", "fibre", "base stations", "routers", "satellites"],
  health: ["vaccines", "antibiotics", "insulin", "painkillers", "hospital beds", "medical devices"],
  transport: ["trains", "trucks", "ferries", "buses", "airports", "ports"],
  finance: ["bonds", "mortgages", "pensions", "deposits", "loans", "savings"],
  labour: ["wages", "shifts", "contracts", "pensions", "overtime", "apprenticeships"],
  environment: ["rivers", "forests", "wetlands", "emissions", "wildlife", "coastlines"],
  defence: ["frigates", "drones", "tanks", "radars", "helicopters", "munitions"],
  data: ["servers", "passwords", "cookies", "algorithms", "cameras", "chips"],
  farming: ["milk", "wheat", "pork", "fertiliser", "olives", "sugar beet"],
  housing: ["rents", "mortgages", "flats", "tower blocks", "building permits", "deposits"],
};

/** Groups of people a quote speaks for or about. */
export const PEOPLE_GROUPS: readonly string[] = [
  "families", "small businesses", "pensioners", "commuters", "young people", "farmers", "nurses", "taxpayers", "workers",
  "consumers", "tenants", "exporters", "investors", "patients", "students", "fishermen", "truck drivers", "teachers",
];

export const ADJ_POSITIVE: readonly string[] = [
  "historic", "sensible", "balanced", "overdue", "welcome", "important", "pragmatic", "decisive", "fair", "ambitious", "workable", "bold",
];
export const ADJ_NEGATIVE: readonly string[] = [
  "reckless", "unworkable", "premature", "misguided", "dangerous", "short-sighted", "unfair", "chaotic", "costly", "naive", "cynical", "clumsy",
];
export const ADJ_NEUTRAL: readonly string[] = [
  "difficult", "complex", "unusual", "urgent", "technical", "political", "long", "careful", "open", "serious", "narrow", "detailed",
];
export const ABSTRACT_NOUNS: readonly string[] = [
  "certainty", "investment", "trust", "competition", "transparency", "resilience", "jobs", "growth", "security", "stability",
  "fairness", "clarity", "accountability", "capacity", "confidence", "flexibility",
];
export const VERBS_BASE: readonly string[] = [
  "protect", "rebuild", "reform", "defend", "simplify", "modernise", "review", "strengthen", "open up", "finance", "monitor", "expand",
];
export const DURATIONS: readonly string[] = ["years", "a decade", "two decades", "months", "a generation", "far too long"];
export const NUMBER_WORDS: readonly string[] = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty"];

/** Quote sentences, spoken in the first person; slots are filled per article. */
export const QUOTE_TEMPLATES: readonly string[] = [
  "We will not accept {a_adjneg} deal that leaves {group} paying for {abstract}",
  "This is {a_adjpos} step for {group} across {place}",
  "{Goods} have been neglected for {duration}, and {group} deserve {abstract}",
  "Our priority is to {verb} the {goods} market before the {season} rush",
  "Nobody wants the talks on {topic} to fail, but we need {abstract} and we need it now",
  "I have told {group} that the plan for {goods} is {adjneutral} but not {adjneg}",
  "There is no evidence that {goods} from {place} pose a risk to {group}",
  "It would be {adjneg} to {verb} {goods} at a time when {group} are struggling",
  "The numbers on {goods} speak for themselves, and they are {adjneutral}",
  "We are talking about {abstract} for {group}, not about {goods}",
  "Frankly, the debate about {topic} has been {adjneg} from the start",
  "If we do not {verb} {goods} now, {group} in {place} will pay the price",
  "We want {abstract}, we want {abstract2}, and above all we want {a_adjpos} timetable",
  "Nobody in {place} should have to choose between {goods} and {abstract}",
  "The talks were {adjneutral}, but I think we found {a_adjpos} way forward on {goods}",
  "Let me be clear: {group} will not be asked to carry the cost of {topic}",
  "You cannot {verb} {goods} with press releases, you need {abstract}",
  "We have {num} weeks to {verb} the {goods} sector, and the clock is ticking",
  "What {group} in {place} need is {abstract}, and that means {adjpos} rules on {goods}",
  "I would describe the proposal on {goods} as {adjneutral} and, in places, {adjneg}",
  "Every job we lose in {goods} is a blow to {group} in {place}",
  "The market for {goods} is not broken, but it badly needs {abstract}",
  "We knew the {goods} figures would be {adjneutral}, but nobody expected them to be this {adjneg}",
  "Our message to {group} is simple: nobody will take {goods} away from you",
  "This government has {a_adjpos} plan for {goods} and we will see it through",
  "The people of {place} have waited {duration} for {abstract}",
  "We are ready to {verb} {goods} together with our partners in {place}",
  "Anyone who says the question of {topic} is simple has not read the fine print",
];

/** Sentences of background with no quote, time or stance: most of a real article. */
export const BACKGROUND_TEMPLATES: readonly string[] = [
  "{Place} accounts for roughly a {fraction} of the region's output of {goods}.",
  "The {goods} sector employs about {numw} hundred thousand people, according to industry figures.",
  "Prices of {goods} have risen sharply since the start of the year, squeezing {group}.",
  "The debate over {topic} has divided the governing coalition.",
  "{Org} is one of the largest suppliers of {goods} in {place}.",
  "Analysts expect demand for {goods} to keep growing as {group} change their habits.",
  "The proposal still needs the approval of parliament and of a majority of regional governments.",
  "Critics say the rules on {goods} were written with little input from {group}.",
  "Supporters argue that the changes will bring {abstract} to a market that has lacked it.",
  "The issue of {topic} is expected to dominate the next round of talks.",
  "Similar measures on {goods} have been tried in {place2} with mixed results.",
  "Trade in {goods} between the two countries has doubled over the past decade.",
  "The details of the agreement on {goods} have not been made public.",
  "{Group} have long complained about the cost of {goods}.",
];

/** Reported speech with no quote marks: what officials and sources "said". */
export const REPORTED_TEMPLATES: readonly string[] = [
  "the talks on {goods} had stalled over the question of {abstract}",
  "the plan for {goods} would cost {group} more than expected",
  "the government was considering new rules on {goods} for {group}",
  "no decision on {topic} had been taken yet",
  "the review of {goods} in {place} would take several months",
];

export const SEASONS: readonly string[] = ["summer", "winter", "holiday", "harvest", "autumn", "spring"];
export const FRACTIONS: readonly string[] = ["third", "quarter", "fifth", "tenth", "half"];

/** Subheadings news pages put between paragraphs. */
export const SUBHEADS: readonly string[] = [
  "Security rules", "What happens next", "Background", "Market reaction", "A divided coalition", "Costs and benefits", "The numbers",
  "Reaction", "Next steps", "Industry concerns", "Campaign", "Political fallout",
];

export const OUTLETS: readonly { name: string; slug: string; domain: string }[] = [
  { name: "Northern Wire", slug: "northern-wire", domain: "northernwire.example" },
  { name: "Capital Briefing", slug: "capital-briefing", domain: "capitalbriefing.example" },
  { name: "Market Pulse", slug: "market-pulse", domain: "marketpulse.example" },
  { name: "Policy Watch Europe", slug: "policy-watch", domain: "policywatch.example" },
  { name: "Global Trade Review", slug: "trade-review", domain: "tradereview.example" },
  { name: "The Civic Post", slug: "civic-post", domain: "civicpost.example" },
  { name: "Harbour Times", slug: "harbour-times", domain: "harbourtimes.example" },
  { name: "Energy Monitor Weekly", slug: "energy-monitor", domain: "energymonitor.example" },
  { name: "Tech & Policy Insider", slug: "tech-policy", domain: "techpolicy.example" },
  { name: "The Ledger Daily", slug: "ledger-daily", domain: "ledgerdaily.example" },
];

export const WIRE_AGENCIES: readonly string[] = ["AP", "Reuters", "AFP", "dpa", "NW"];

export const MONTHS: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const WEEKDAYS: readonly string[] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
