// A start from a valid cache (`npm run ask`) never loads the extraction code: the readers, the
// extractors and chrono-node are imported only when some file must be (re)extracted. Checked on
// a real process, with a loader hook listing every module it loads (never by timing).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEngine } from "../src/runtime/load-engine.js";
import { tempDir } from "./helpers.js";

const HOOK = new URL("./support/trace-modules.mjs", import.meta.url).href;

/** Modules of the extraction side only: none may load on a start from a valid cache. */
const EXTRACTION = [
  /\/src\/corpus\.ts$/,
  /\/src\/extract\/(facts|quotes|times|time-parsers|speakers)\.ts$/,
  /\/src\/knowledge\/(load|passages)\.ts$/,
  /\/node_modules\/chrono-node\//,
];

const tmp = tempDir("cold-imports-");
afterAll(() => tmp.cleanup());

const root = join(tmp.dir, "docs");
const cacheDir = join(tmp.dir, "cache");
mkdirSync(root);
writeFiles();

function writeFiles(): void {
  const files: Record<string, string> = {
    "harbour.txt":
      "Harbour board meets on ferry fares\n\nThe harbour board met on Tuesday to discuss the winter ferry timetable.\n\n" +
      '"The night crossing will stay," said Mira Okafor, the board\'s chair.\n',
    "library.md": "# Library hours\n\nThe library will open on Sundays from next March, the council said on 4 May 2021.\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
}

/** Runs `ask` in a fresh process; returns its answer and the project modules it loaded. */
function ask(words: string): { status: number | null; stdout: string; loaded: string[] } {
  const trace = join(tmp.dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(trace, "");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--import", HOOK, "src/cli.ts", "--knowledge", root, "--json", "who-said", words], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DISCORD_TOKEN: "", CACHE_DIR: cacheDir, TRACE_MODULES: trace },
    timeout: 110_000,
  });
  return { status: run.status, stdout: run.stdout, loaded: readFileSync(trace, "utf8").split("\n").filter(Boolean) };
}

const extractionIn = (loaded: string[]): string[] => loaded.filter((url) => EXTRACTION.some((re) => re.test(url)));

describe("a start from the cache", { timeout: 240_000 }, () => {
  it("loads no extraction module when the cache is valid, and answers from it", () => {
    const built = loadEngine(root, { cacheDir, onWarning: () => {}, onLog: () => {} });
    expect(built.stats.cacheWritten).toBe(true);
    const run = ask("the night crossing will stay");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].speaker).toBe("Mira Okafor");
    // The hook saw the process' own modules (so an empty list below is not a blind hook).
    expect(run.loaded.some((url) => url.endsWith("/src/runtime/engine-loader.ts"))).toBe(true);
    expect(run.loaded.some((url) => url.endsWith("/src/index/cache.ts"))).toBe(true);
    expect(extractionIn(run.loaded)).toEqual([]);
  });

  it("loads the extraction code when a file changed, and answers from the new text", () => {
    writeFileSync(join(root, "harbour.txt"), 'Harbour board meets again\n\n"Fares will fall in April," said Tomas Lind, the treasurer.\n');
    const run = ask("fares will fall in April");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].speaker).toBe("Tomas Lind");
    expect(extractionIn(run.loaded).some((url) => url.endsWith("/src/extract/facts.ts"))).toBe(true);
    // The cache it wrote is valid again: the next start loads no extractor.
    const again = ask("fares will fall in April");
    expect(JSON.parse(again.stdout).results[0].speaker).toBe("Tomas Lind");
    expect(extractionIn(again.loaded)).toEqual([]);
  });

  it("with no cache at all, extracts (and so loads the extractors)", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const run = ask("fares will fall in April");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].speaker).toBe("Tomas Lind");
    expect(extractionIn(run.loaded).length).toBeGreaterThan(0);
  });
});
