// The benchmark corpus: news-like documents up to a number of article paragraphs (passages),
// written under .cache/bench/<passages>-<seed>/knowledge with an answer key beside it. The same
// size, seed and generator version always give the same bytes, and a corpus already on disk is
// reused. Nothing here knows how the engine works: it writes news as news is written.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { countParagraphs, writeArticle } from "./article.js";
import { type Ymd, daysInMonth } from "./calendar.js";
import { type Person, makeCast } from "./cast.js";
import type { AnswerKey, Manifest, StanceKey, WhenKey, WhoSaidKey } from "./key.js";
import { type DatePlace, type Format, iso, linesOf, render, type TxtStyle } from "./page.js";
import { Rng } from "./prng.js";
import { NgramSketch } from "./sketch.js";
import { StanceBook } from "./stance-book.js";
import { Tail } from "./tail.js";
import { contentWords, normWords, type ParaAnn } from "./text.js";
import { CITIES, COMPANIES, COUNTRIES, DOMAINS, GROUPS, MONTHS, OUTLETS, TOPICS, WIRE_AGENCIES } from "./words.js";

/** Bump on any change to what is generated: a corpus on disk from another version is rebuilt. */
export const GENERATOR_VERSION = 2;

export interface GenerateOptions {
  passages: number;
  seed: string;
  /** Folder holding the corpora (default .cache/bench). */
  root?: string;
  /** Questions per command in the answer key. */
  keyPerKind?: number;
}

export interface Generated {
  dir: string;
  knowledge: string;
  manifest: Manifest;
  key: AnswerKey;
  /** True when the corpus was already on disk. */
  reused: boolean;
}

export function corpusDir(root: string, passages: number, seed: string): string {
  return join(root, `${passages}-${seed}`);
}

/** The corpus for this size and seed: from disk when present and current, else written now. */
export function ensureCorpus(opts: GenerateOptions): Generated {
  const root = opts.root ?? join(".cache", "bench");
  const dir = corpusDir(root, opts.passages, opts.seed);
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
      if (manifest.generator === GENERATOR_VERSION) {
        const key = JSON.parse(readFileSync(join(dir, "key.json"), "utf8")) as AnswerKey;
        return { dir, knowledge: join(dir, "knowledge"), manifest, key, reused: true };
      }
    } catch {
      // unreadable: written again below
    }
  }
  // Written beside and renamed into place, so an interrupted run never leaves half a corpus.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const { manifest, key } = generateInto(tmp, opts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(tmp, dir);
  return { dir, knowledge: join(dir, "knowledge"), manifest, key, reused: false };
}

interface Candidate<T> {
  item: T;
  /** Uniqueness check material: fragment words (quotes) or the event's signature (times). */
  check: string[] | string;
}

function randomDay(rng: Rng): Ymd {
  const y = rng.int(2015, 2023);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysInMonth(y, m)) };
}

function choosePage(rng: Rng): { format: Format; style: TxtStyle; datePlace: DatePlace } {
  const format = rng.weighted({ txt: 70, md: 15, html: 15 });
  if (format === "md") return { format, style: "web", datePlace: rng.weighted({ frontmatter: 80, none: 20 }) };
  if (format === "html") return { format, style: "web", datePlace: rng.weighted({ meta: 50, time: 30, none: 20 }) };
  const style = rng.weighted({ web: 50, wire: 30, press: 20 });
  const datePlace: DatePlace =
    style === "wire"
      ? rng.weighted({ header: 80, filename: 15, none: 5 })
      : style === "press"
        ? rng.weighted({ dateline: 85, none: 15 })
        : rng.weighted({ under: 45, "header-title": 15, filename: 15, none: 25 });
  return { format, style, datePlace };
}

function slugOf(headline: string): string {
  return headline
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .split(/\s+/)
    .slice(0, 6)
    .join("-")
    .slice(0, 40);
}

function generateInto(dir: string, opts: GenerateOptions): { manifest: Manifest; key: AnswerKey } {
  const { passages, seed } = opts;
  const keyPerKind = opts.keyPerKind ?? 1000;
  const master = new Rng(`bench:${seed}`);
  const tail = new Tail(seed);
  // Scale the cast with the corpus: a bigger archive quotes more people.
  const cast = makeCast(master.fork("cast"), Math.max(200, Math.min(4000, Math.round(passages / 40))));
  const stances = new StanceBook(master.fork("stances"));
  const sketch = new NgramSketch();
  const vocabulary = new Set<string>();
  const eventSignatures = new Map<string, number>();
  const quotes: Array<Candidate<WhoSaidKey>> = [];
  const times: Array<Candidate<WhenKey>> = [];
  const searchPhrases: string[] = [];
  const phraseRate = Math.min(1, 3000 / passages);
  const formats: Record<string, number> = { txt: 0, md: 0, html: 0 };
  let written = 0;
  let docs = 0;
  let bytes = 0;
  let undated = 0;

  while (written < passages) {
    const i = docs++;
    const rng = new Rng(`${seed}:doc:${i}`);
    const page = choosePage(rng);
    const date = page.datePlace === "none" ? null : randomDay(rng);
    const outlet = rng.pick(OUTLETS);
    const domain = rng.pick(DOMAINS);
    const domainTopics = TOPICS.filter((t) => t.domain === domain);
    const topics = rng.sample(domainTopics, rng.int(1, 2));
    if (rng.chance(0.2)) topics.push(rng.pick(TOPICS));
    const local = cast.filter((p) => p.domain === domain || p.domain === null);
    const people: Person[] = [...rng.sample(local, rng.int(2, 4)), rng.pick(cast)];
    const companies = [
      ...rng.sample(
        COMPANIES.filter((c) => c.domain === domain),
        rng.int(1, 2),
      ),
      rng.pick(COMPANIES),
    ];
    const groups = rng.sample(
      GROUPS.filter((g) => g.domain === domain || g.domain === null).map((g) => g.name),
      rng.int(0, 2),
    );
    const country = rng.pick(COUNTRIES);
    const city = rng.pick(CITIES);
    const wire = page.format === "txt" && page.style === "wire";
    const marks = wire && rng.chance(0.2) ? { open: "``", close: "''" } : rng.chance(0.5) ? { open: "“", close: "”" } : { open: '"', close: '"' };
    let dateline = "";
    if (page.style === "press") {
      dateline =
        date && page.datePlace === "dateline"
          ? `${country.capital.toUpperCase()}, ${date.d} ${MONTHS[date.m - 1]} ${date.y} - `
          : `${country.capital.toUpperCase()} - `;
    } else if (wire) {
      dateline = `${rng.chance(0.5) ? country.capital.toUpperCase() : `${country.capital.toUpperCase()}, ${country.name}`} (${rng.pick(WIRE_AGENCIES)}) ${rng.chance(0.7) ? "-" : "_"} `;
    } else if (rng.chance(0.1)) {
      dateline = `${country.capital.toUpperCase()} — `;
    }
    const target = Math.min(5 + Math.floor(25 * rng.next() ** 1.6), passages - written);
    const article = writeArticle(
      {
        rng,
        tail,
        doc: date,
        domain,
        topics,
        country,
        city,
        people,
        companies,
        groups,
        marks,
        honorifics: rng.chance(0.15),
        stances,
        subheads: page.style === "web",
      },
      target,
      dateline,
    );
    const slug = slugOf(article.headline) || "story";
    const ext = page.format;
    const name =
      date && page.datePlace === "filename"
        ? `${outlet.slug}_${iso(date)}_${slug.slice(0, 32)}.${ext}`
        : rng.chance(0.5)
          ? `${String(i).padStart(4, "0")}_${((rng.next() * 2 ** 32) >>> 0).toString(16).padStart(8, "0")}.${ext}`
          : `${slug}-${i.toString(36)}.${ext}`;
    // Folders by outlet, and by year where the page is dated, as archives are kept.
    const file = date ? `${outlet.slug}/${date.y}/${name}` : `${outlet.slug}/${name}`;
    const rendered = render(article, {
      rng,
      tail,
      format: page.format,
      style: page.style,
      datePlace: page.datePlace,
      date,
      site: outlet.name,
      siteDomain: outlet.domain,
      slug,
    });
    const path = join(dir, "knowledge", file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, rendered.text);
    bytes += Buffer.byteLength(rendered.text);
    formats[ext] = (formats[ext] ?? 0) + 1;
    if (!date) undated++;
    for (const w of normWords(rendered.text)) vocabulary.add(w);

    article.paragraphs.forEach((p, pi) => {
      if (p.style !== "subhead") sketch.addText(p.text);
      const lineMap = rendered.lineMaps[pi]!;
      for (const a of p.anns) collect(a, file, linesOf(lineMap, a.start, a.end), date !== null);
      if (p.style !== "subhead" && rng.chance(phraseRate)) {
        // Words a reader would search for: a few neighbours from one sentence.
        const sentences = p.text.split(/(?<=[.!?]["”']?)\s+/);
        const words = contentWords(rng.pick(sentences)).filter((w) => w.length > 2);
        if (words.length >= 2) {
          const len = rng.int(2, 4);
          const at = rng.int(0, words.length - len);
          searchPhrases.push(words.slice(at, at + len).join(" "));
        }
      }
    });
    written += countParagraphs(article.paragraphs);
  }

  function collect(a: ParaAnn, file: string, lines: number[], dated: boolean): void {
    if (a.type === "quote") {
      quotes.push({ item: { query: a.query, speakers: a.speakers, speaker: a.speaker, file, lines, pattern: a.pattern, direct: a.direct }, check: a.words });
    } else if (a.type === "time") {
      eventSignatures.set(a.signature, (eventSignatures.get(a.signature) ?? 0) + 1);
      times.push({ item: { query: a.query, expression: a.expression, values: a.values, file, lines, kind: a.kind, dated }, check: a.signature });
    } else {
      stances.record(a.actor, a.topic, a.polarity, { file, lines });
    }
  }

  // Only questions with one right answer make the key: quotes whose words occur once in the
  // corpus, events told once (numbers aside), stance pairs whose sentences agree.
  const uniqueQuotes = quotes.filter((c) => sketch.unique(c.check as string[]));
  const uniqueTimes = times.filter((c) => eventSignatures.get(c.check as string) === 1);
  const { pairs, mixed } = stances.consistent();
  const pick = master.fork("key");
  const whoSaid = sampleInOrder(
    pick,
    uniqueQuotes.map((c) => c.item),
    keyPerKind,
  );
  const when = sampleInOrder(
    pick,
    uniqueTimes.map((c) => c.item),
    keyPerKind,
  );
  const stance: StanceKey[] = sampleInOrder(pick, pairs, keyPerKind);
  const absentWords = absent(master.fork("absent"), vocabulary, 300);

  const key: AnswerKey = { generator: GENERATOR_VERSION, passages, seed, whoSaid, when, stance, searchPhrases, absentWords };
  const manifest: Manifest = {
    generator: GENERATOR_VERSION,
    passages,
    seed,
    documents: docs,
    paragraphs: written,
    bytes,
    formats,
    undated,
    candidates: {
      quotes: quotes.length,
      uniqueQuotes: uniqueQuotes.length,
      times: times.length,
      uniqueTimes: uniqueTimes.length,
      stancePairs: pairs.length + mixed,
      mixedStancePairs: mixed,
    },
    distinctWords: vocabulary.size,
  };
  writeFileSync(join(dir, "key.json"), JSON.stringify(key, null, 1));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return { manifest, key };
}

/** `n` items drawn without replacement, kept in corpus order (so the key reads like the corpus). */
function sampleInOrder<T>(rng: Rng, items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const idx = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

/** Plausible words that the corpus never uses (for "not in the corpus" queries). */
function absent(rng: Rng, vocabulary: Set<string>, n: number): string[] {
  const parts = ["qua", "xel", "vor", "zin", "plo", "mux", "dre", "fyl", "gorn", "thap", "quil", "brix", "yend", "skov", "jurm"];
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 50; tries++) {
    const w = rng.pick(parts) + rng.pick(parts) + rng.pick(["", "ent", "ism", "ation", "er", "ing"]);
    if (!vocabulary.has(w)) out.add(w);
  }
  return [...out];
}
