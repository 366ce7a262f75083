// The real-text corpus of `npm run bench -- --corpus real`: the articles under ../shared/eval/*/knowledge
// and ../shared/knowledge, copied with light word changes (names, numbers, a few words, dates moved)
// until the engine cuts the wanted number of passages. Copies are seeded, so the same size and seed
// give the same bytes; they live under .cache/bench and never enter the repo.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadEngine } from "../src/runtime/load-engine.js";
import { Rng } from "./prng.js";

/** Bumped whenever the copying changes, so a kept corpus is rebuilt. */
export const REAL_CORPUS_VERSION = 2;

export interface SourceFile {
  /** Path under its set, with `/`: the same path in every copy (as one story in many outlets). */
  path: string;
  set: string;
  abs: string;
  passages: number;
}

export interface RealManifest {
  version: number;
  passages: number;
  seed: string;
  sources: string[];
  /** Copies of the whole source set (the last one may be partial); copy 0 is the text as it is. */
  copies: number;
  documents: number;
  /** Passages as the engine cuts the sources, times the files written. */
  estimatedPassages: number;
  bytes: number;
}

export interface RealCorpus {
  dir: string;
  knowledge: string;
  manifest: RealManifest;
  reused: boolean;
}

/** The folders of real text the bench copies from: every eval set's knowledge and the default corpus. */
export function realSources(shared: string): Array<{ set: string; dir: string }> {
  const out: Array<{ set: string; dir: string }> = [];
  const evalDir = join(shared, "eval");
  if (existsSync(evalDir)) {
    for (const name of readdirSync(evalDir).sort()) {
      const k = join(evalDir, name, "knowledge");
      if (existsSync(k) && statSync(k).isDirectory()) out.push({ set: name, dir: k });
    }
  }
  if (existsSync(join(shared, "knowledge"))) out.push({ set: "default", dir: join(shared, "knowledge") });
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every source file with the passages the engine cuts from it (loaded once, no cache, no copy). */
function surveySources(sources: Array<{ set: string; dir: string }>): SourceFile[] {
  const out: SourceFile[] = [];
  for (const { set, dir } of sources) {
    const { engine } = loadEngine(dir, { cacheDir: null, onWarning: () => {}, onLog: () => {} });
    const byFile = new Map(engine.corpus.documents.map((d) => [d.file, d.passageIds.length]));
    for (const abs of listFiles(dir)) {
      const path = relative(dir, abs).split("\\").join("/");
      const passages = byFile.get(path);
      if (passages) out.push({ path, set, abs, passages });
    }
  }
  return out;
}

// A few everyday words and a stand-in each: enough that copies differ beyond names and numbers,
// never the verbs that attribute quotes or carry stances.
const WORD_SWAPS: Record<string, string> = {
  big: "large",
  large: "big",
  small: "little",
  little: "small",
  new: "recent",
  recent: "new",
  many: "numerous",
  quickly: "rapidly",
  rapidly: "quickly",
  also: "too",
  often: "frequently",
  about: "around",
  around: "about",
  major: "leading",
  important: "key",
  key: "important",
  start: "begin",
  begin: "start",
  help: "assist",
  show: "indicate",
  near: "close to",
};

const MONTH_DAY = /^date:[ \t]*(\d{4})-(\d{2})-(\d{2})[ \t]*$/m;
const NAME_DATE = /((?:19|20)\d{2})([-_])(\d{2})\2(\d{2})(?!\d)/;

function shiftDate(y: string, m: string, d: string, days: number): [string, string, string] {
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)) + days * 86_400_000);
  return [String(t.getUTCFullYear()), String(t.getUTCMonth() + 1).padStart(2, "0"), String(t.getUTCDate()).padStart(2, "0")];
}

/** Proper names in running text: capitalized words after a lower-case word (so not sentence starts). */
export function properNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b[a-z]+,? ([A-Z][a-z]{3,})\b/g)) out.add(m[1]!);
  return [...out];
}

/**
 * One copy of a file's text: up to three names replaced everywhere by other names from the
 * corpus, some numbers (never years) with one digit changed, a few everyday words swapped, and a
 * `date:` line moved by `days`.
 */
export function copyText(text: string, rng: Rng, namePool: readonly string[], days: number): string {
  let out = text;
  const names = properNames(text);
  for (const from of rng.sample(names, Math.min(3, names.length))) {
    const to = rng.pick(namePool);
    if (to !== from) out = out.replace(new RegExp(`\\b${from}\\b`, "g"), to);
  }
  out = out.replace(/(?<![\d.,:-])\d{2,}(?![\d.,:-]*\d)/g, (n) => {
    if (/^(1[89]|20)\d\d$/.test(n) || !rng.chance(0.3)) return n;
    const i = rng.int(1, n.length - 1);
    return n.slice(0, i) + String((Number(n[i]) + rng.int(1, 9)) % 10) + n.slice(i + 1);
  });
  out = out.replace(/\b[a-z]+\b/g, (w) => (WORD_SWAPS[w] !== undefined && rng.chance(0.3) ? WORD_SWAPS[w]! : w));
  return out.replace(MONTH_DAY, (_, y: string, m: string, d: string) => `date: ${shiftDate(y, m, d, days).join("-")}`);
}

/** The file's path in a copy: a date in its name moves with the text's. */
function copyPath(path: string, days: number): string {
  return path.replace(NAME_DATE, (_, y: string, sep: string, m: string, d: string) => shiftDate(y, m, d, days).join(sep));
}

export interface RealCorpusOptions {
  passages: number;
  seed: string;
  root: string;
  /** The folder holding eval/ and knowledge/ (../shared). */
  shared: string;
  log?: (message: string) => void;
}

/** The corpus for a size and seed under `root`, built unless a complete one of this version is there. */
export function ensureRealCorpus(o: RealCorpusOptions): RealCorpus {
  const dir = join(o.root, `real-${o.passages}-${o.seed}`);
  const knowledge = join(dir, "knowledge");
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, "utf8")) as RealManifest;
    if (m.version === REAL_CORPUS_VERSION && m.passages === o.passages && m.seed === o.seed) return { dir, knowledge, manifest: m, reused: true };
  }
  const sources = realSources(o.shared);
  if (sources.length === 0) throw new Error(`no real text under ${o.shared}/eval/*/knowledge or ${o.shared}/knowledge`);
  o.log?.(`surveying ${sources.length} source folders…`);
  const files = surveySources(sources);
  const perCopy = files.reduce((s, f) => s + f.passages, 0);
  if (perCopy === 0) throw new Error("the source folders hold no passages");
  const texts = files.map((f) => readFileSync(f.abs, "utf8"));
  const namePool = [...new Set(texts.flatMap(properNames))].sort();

  rmSync(dir, { recursive: true, force: true });
  let written = 0;
  let documents = 0;
  let bytes = 0;
  let copy = 0;
  for (; written < o.passages; copy++) {
    const rng = new Rng(`real:${o.seed}:${copy}`);
    // Each copy's dates move together, as a reprint runs days or months after the original.
    const days = copy === 0 ? 0 : rng.int(1, 30) * copy;
    for (let i = 0; i < files.length && written < o.passages; i++) {
      const f = files[i]!;
      const text = copy === 0 ? texts[i]! : copyText(texts[i]!, rng.fork(f.path), namePool, days);
      const out = join(knowledge, `copy${String(copy).padStart(2, "0")}`, f.set, copyPath(f.path, days));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      written += f.passages;
      documents++;
      bytes += Buffer.byteLength(text);
    }
  }
  const manifest: RealManifest = {
    version: REAL_CORPUS_VERSION,
    passages: o.passages,
    seed: o.seed,
    sources: sources.map((s) => s.set),
    copies: copy,
    documents,
    estimatedPassages: written,
    bytes,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  return { dir, knowledge, manifest, reused: false };
}
