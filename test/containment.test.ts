// Containment: only files whose real path lies inside the real knowledge folder are read; every
// real folder and file is indexed once; each skipped link, loop, unreadable folder and depth cut
// gets exactly one warning line.
import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { lookupSource } from "../src/bot/source-view.js";
import { buildCorpus } from "../src/corpus.js";
import { loadEngine } from "../src/runtime/load-engine.js";
import { listKnowledgeFiles, MAX_DEPTH, readKnowledgeFile } from "../src/knowledge/files.js";
import { tempDir } from "./helpers.js";

const story = (who: string) => `A report about ${who}\n\n“We will decide by spring,” said ${who} Jones, the chair, on Tuesday.\n`;
const SECRET = "DISCORD_TOKEN=MTIzNDU2Nzg5.secretpart.evenmoresecret";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

/** A workspace holding `kb/` (the knowledge folder) and things beside it, such as a `.env`. */
function workspace(files: Record<string, string>) {
  const t = tempDir("contain-");
  cleanups.push(t.cleanup);
  const kb = join(t.dir, "kb");
  mkdirSync(kb);
  writeFileSync(join(t.dir, ".env"), `${SECRET}\n`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(kb, name, ".."), { recursive: true });
    writeFileSync(join(kb, name), text);
  }
  return { top: t.dir, kb };
}

function listing(kb: string) {
  const warnings: string[] = [];
  const files = listKnowledgeFiles(kb, { onWarning: (w) => warnings.push(w) }).map((f) => f.file);
  return { files, warnings };
}

describe("links out of the folder", () => {
  it("never reads a file link to a secret outside the folder: not indexed, not cached, one warning", async () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    symlinkSync(join(top, ".env"), join(kb, "notes.txt"));
    symlinkSync("../.env", join(kb, "relative.txt"));
    const cache = tempDir("contain-cache-");
    cleanups.push(cache.cleanup);
    const warnings: string[] = [];
    const { engine } = loadEngine(kb, { cacheDir: cache.dir, onWarning: (w) => warnings.push(w) });
    expect((await engine.sources()).results.map((s) => s.file)).toEqual(["a.txt"]);
    expect(warnings).toEqual([
      "skipped link notes.txt: it points outside the knowledge folder",
      "skipped link relative.txt: it points outside the knowledge folder",
    ]);
    expect(JSON.stringify(engine.corpus)).not.toContain("secretpart");
    for (const f of readdirSync(cache.dir)) expect(readFileSync(join(cache.dir, f), "utf8")).not.toContain("secretpart");
  });

  it("never walks a folder link that leads outside", () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    mkdirSync(join(top, "elsewhere"));
    writeFileSync(join(top, "elsewhere", "b.txt"), story("Bea"));
    symlinkSync(join(top, "elsewhere"), join(kb, "more"));
    expect(listing(kb)).toEqual({ files: ["a.txt"], warnings: ["skipped link more: it points outside the knowledge folder"] });
  });

  it("refuses to read a listed file that was replaced by a link out of the folder before it was read", () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    const [entry] = listKnowledgeFiles(kb);
    rmSync(join(kb, "a.txt"));
    symlinkSync(join(top, ".env"), join(kb, "a.txt"));
    const read = readKnowledgeFile(entry!);
    expect(read).toEqual({ ok: false, reason: "skipped a.txt: it points outside the knowledge folder" });
  });

  it("the Show source button never shows a file through a link out of the folder", async () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    const engine = Engine.fromFolder(kb, { onWarning: () => {} });
    symlinkSync(join(top, ".env"), join(kb, "b.txt"));
    const view = await lookupSource(engine, kb, "b.txt", 1, 1);
    expect(view.ok).toBe(false);
    expect(JSON.stringify(view)).not.toContain("secretpart");
  });

  it("a knowledge folder that is itself a link is followed (its real path is the folder)", () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    symlinkSync(kb, join(top, "kb-link"));
    expect(listing(join(top, "kb-link"))).toEqual({ files: ["a.txt"], warnings: [] });
  });
});

describe("loops and duplicates", () => {
  it("a folder link back to a parent (cyc/up -> ..) indexes nothing twice, with one warning", () => {
    const { kb } = workspace({ "a.txt": story("Ada"), "cyc/b.txt": story("Bea") });
    symlinkSync("..", join(kb, "cyc", "up"));
    expect(listing(kb)).toEqual({ files: ["a.txt", "cyc/b.txt"], warnings: ["skipped link cyc/up: it leads to ., already indexed (a loop or a duplicate)"] });
    expect(buildCorpus(kb, { onWarning: () => {} }).documents.map((d) => d.file)).toEqual(["a.txt", "cyc/b.txt"]);
  });

  it("answers cite each quotation once with a parent link in the folder", async () => {
    const { kb } = workspace({ "a.txt": story("Ada"), "cyc/b.txt": story("Bea") });
    symlinkSync("..", join(kb, "cyc", "up"));
    const engine = Engine.fromFolder(kb, { onWarning: () => {} });
    expect((await engine.whoSaid("decide by spring")).results.map((r) => r.source.file).sort()).toEqual(["a.txt", "cyc/b.txt"]);
  });

  it("a folder link to another folder inside is a duplicate: files keep their real names", () => {
    const { kb } = workspace({ "sub/b.txt": story("Bea") });
    symlinkSync("sub", join(kb, "alias"));
    expect(listing(kb)).toEqual({ files: ["sub/b.txt"], warnings: ["skipped link alias: it leads to sub, already indexed (a loop or a duplicate)"] });
  });

  it("a file link and a hard link to a file already indexed are skipped with one warning each", () => {
    const { kb } = workspace({ "a.txt": story("Ada") });
    symlinkSync("a.txt", join(kb, "copy.txt"));
    linkSync(join(kb, "a.txt"), join(kb, "hard.txt"));
    expect(listing(kb)).toEqual({ files: ["a.txt"], warnings: ["skipped hard.txt: the same file as a.txt", "skipped link copy.txt: the same file as a.txt"] });
  });

  it("a loop of file links and a broken link are skipped with one warning each", () => {
    const { kb } = workspace({ "a.txt": story("Ada") });
    symlinkSync("y.txt", join(kb, "x.txt"));
    symlinkSync("x.txt", join(kb, "y.txt"));
    symlinkSync("gone.txt", join(kb, "z.txt"));
    expect(listing(kb)).toEqual({
      files: ["a.txt"],
      warnings: ["skipped link x.txt: a loop of links", "skipped link y.txt: a loop of links", "skipped link z.txt: its target does not exist"],
    });
  });

  it("a link into a hidden folder is not followed (hidden names are never indexed)", () => {
    const { kb } = workspace({ "a.txt": story("Ada"), ".private/p.txt": story("Pia") });
    symlinkSync(".private/p.txt", join(kb, "p.txt"));
    expect(listing(kb)).toEqual({ files: ["a.txt"], warnings: ["skipped link p.txt: it points into a hidden folder or file (never indexed)"] });
  });

  it("a link to a file inside the folder that is not reachable otherwise is read, once", () => {
    const { kb } = workspace({ "a.txt": story("Ada"), "data/b.dat": story("Bea") });
    symlinkSync("data/b.dat", join(kb, "b.txt"));
    expect(listing(kb)).toEqual({ files: ["a.txt", "b.txt"], warnings: [] });
  });
});

describe("depth and unreadable folders", () => {
  it("cuts folders deeper than the limit with one warning, and keeps the rest", () => {
    const { kb } = workspace({ "a.txt": story("Ada") });
    const parts = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `d${i}`);
    const deepest = join(kb, ...parts);
    mkdirSync(deepest, { recursive: true });
    writeFileSync(join(kb, ...parts.slice(0, MAX_DEPTH), "kept.txt"), story("Kim"));
    writeFileSync(join(deepest, "cut.txt"), story("Cal"));
    const { files, warnings } = listing(kb);
    expect(files).toEqual(["a.txt", `${parts.slice(0, MAX_DEPTH).join("/")}/kept.txt`]);
    expect(warnings).toEqual([`skipped folder ${parts.join("/")}: more than ${MAX_DEPTH} levels deep`]);
  });

  it("an unreadable folder is skipped with one warning", () => {
    const { top, kb } = workspace({ "a.txt": story("Ada"), "locked/b.txt": story("Bea") });
    chmodSync(top, 0o755);
    chmodSync(join(kb, "locked"), 0o000);
    cleanups.push(() => chmodSync(join(kb, "locked"), 0o755));
    // Root reads any folder: drop to an unprivileged user id for the listing (tests run in forks).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) process.seteuid!(65534);
    let result;
    try {
      result = listing(kb);
    } finally {
      if (asRoot) process.seteuid!(0);
    }
    expect(result).toEqual({ files: ["a.txt"], warnings: ["skipped folder locked: cannot read it (EACCES)"] });
  });
});

describe("the folder itself", () => {
  it("an unreadable knowledge folder is an error, never an empty folder", () => {
    const { top, kb } = workspace({ "a.txt": story("Ada") });
    chmodSync(top, 0o755);
    chmodSync(kb, 0o000);
    cleanups.push(() => chmodSync(kb, 0o755));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) process.seteuid!(65534);
    try {
      expect(() => listKnowledgeFiles(kb)).toThrow(`cannot read the knowledge folder ${kb} (EACCES)`);
    } finally {
      if (asRoot) process.seteuid!(0);
    }
  });
});
