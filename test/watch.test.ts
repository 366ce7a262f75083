// Live reload survives what editors and people do to a folder: atomic saves, `sed -i`, new and
// deleted subfolders, folders moved away and back. Each test checks the cited line numbers after
// the edit. Nothing here measures time: each waits for its condition with a generous deadline.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EngineHolder, type ReindexReport } from "../src/runtime/holder.js";
import { changesSince, type LiveReload, startLiveReload } from "../src/live-reload.js";
import { tempDir } from "./helpers.js";

const DEADLINE_MS = 60_000;
const TEST_TIMEOUT_MS = 4 * DEADLINE_MS;

/** A short article: the quotation sits on line 3 + 2·pad. */
function article(pad: number, words = "the harbour opens in May", who = "Nora Lind"): string {
  const filler = Array.from({ length: pad }, (_, i) => [`Background paragraph ${i + 1} describes the weather over the bay that week.`, ""]).flat();
  return ["Harbour works begin", "", ...filler, `“${words[0]!.toUpperCase()}${words.slice(1)},” said ${who}, the harbour master, on Monday.`, ""].join("\n");
}
const lineOf = (pad: number): number => 3 + 2 * pad;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

interface Watched {
  top: string;
  kb: string;
  holder: EngineHolder;
  live: LiveReload;
  errors: Error[];
  reloads: ReindexReport[];
  restarts: number;
}

function watched(files: Record<string, string>): Watched {
  const t = tempDir("watch-");
  cleanups.push(t.cleanup);
  const kb = join(t.dir, "kb");
  for (const [name, text] of Object.entries(files)) write(join(kb, name), text);
  mkdirSync(kb, { recursive: true });
  const holder = new EngineHolder(kb, { cacheDir: null, onWarning: () => {} });
  const w: Watched = { top: t.dir, kb, holder, errors: [], reloads: [], restarts: 0, live: null as unknown as LiveReload };
  w.live = startLiveReload(holder, { onReload: (r) => w.reloads.push(r), onError: (e) => w.errors.push(e), onRestart: () => w.restarts++, intervalMs: 50 });
  cleanups.push(() => w.live.stop());
  return w;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** What an editor's "safe save" does: write a temporary file beside it, then rename it over. */
function atomicSave(path: string, text: string): void {
  const tmp = join(dirname(path), `.${Date.now()}.swp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Where the current engine cites the quotation containing `words`: "file:line", or null. */
async function cited(holder: EngineHolder, words: string): Promise<string | null> {
  const r = (await holder.current.whoSaid(words)).results[0];
  return r ? `${r.source.file}:${r.source.lineStart}` : null;
}

async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  const end = Date.now() + DEADLINE_MS;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sources = async (holder: EngineHolder): Promise<string[]> => (await holder.current.sources()).results.map((s) => s.file);

describe("live reload survives editors", () => {
  it(
    "an atomic save (temp file renamed over), then plain writes and more atomic saves, are each picked up",
    async () => {
      const w = watched({ "a.txt": article(0) });
      expect(await cited(w.holder, "harbour opens in May")).toBe(`a.txt:${lineOf(0)}`);
      atomicSave(join(w.kb, "a.txt"), article(2));
      await until("the atomic save", async () => (await cited(w.holder, "harbour opens in May")) === `a.txt:${lineOf(2)}`);
      writeFileSync(join(w.kb, "a.txt"), article(4));
      await until("a write after the atomic save", async () => (await cited(w.holder, "harbour opens in May")) === `a.txt:${lineOf(4)}`);
      atomicSave(join(w.kb, "a.txt"), article(1, "the quay closes in October"));
      await until("a second atomic save", async () => (await cited(w.holder, "quay closes in October")) === `a.txt:${lineOf(1)}`);
      expect(await cited(w.holder, "harbour opens in May")).toBeNull();
      expect(w.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "`sed -i` edits are picked up, every time",
    async () => {
      const w = watched({ "a.txt": article(0) });
      const file = join(w.kb, "a.txt");
      execFileSync("sed", ["-i", "1s/^/Updated edition\\n\\n/", file]);
      await until("sed inserting two lines", async () => (await cited(w.holder, "harbour opens in May")) === `a.txt:${lineOf(1)}`);
      execFileSync("sed", ["-i", "s/opens in May/opens in June/", file]);
      const quoted = async (): Promise<string[]> => (await w.holder.current.whoSaid("harbour opens")).results.map((r) => `${r.source.lineStart}: ${r.quote}`);
      await until("sed changing the quotation", async () => (await quoted()).join() === `${lineOf(1)}: The harbour opens in June,`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a new subfolder's files are picked up, and so are their later edits",
    async () => {
      const w = watched({ "a.txt": article(0) });
      write(join(w.kb, "new", "deeper", "b.txt"), article(1, "the ferry runs hourly", "Ola Berg"));
      await until("a file in a new subfolder", async () => (await cited(w.holder, "ferry runs hourly")) === `new/deeper/b.txt:${lineOf(1)}`);
      atomicSave(join(w.kb, "new", "deeper", "b.txt"), article(3, "the ferry runs hourly", "Ola Berg"));
      await until("an edit in the new subfolder", async () => (await cited(w.holder, "ferry runs hourly")) === `new/deeper/b.txt:${lineOf(3)}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a deleted folder's documents go, and come back when the folder is made again",
    async () => {
      const w = watched({ "a.txt": article(0), "sub/b.txt": article(0, "the ferry runs hourly", "Ola Berg") });
      rmSync(join(w.kb, "sub"), { recursive: true });
      await until("the deleted folder", async () => !(await sources(w.holder)).includes("sub/b.txt"));
      expect(await cited(w.holder, "ferry runs hourly")).toBeNull();
      write(join(w.kb, "sub", "b.txt"), article(2, "the ferry runs hourly", "Ola Berg"));
      await until("the folder made again", async () => (await cited(w.holder, "ferry runs hourly")) === `sub/b.txt:${lineOf(2)}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a subfolder moved away and back is dropped, restored, and still watched",
    async () => {
      const w = watched({ "a.txt": article(0), "sub/b.txt": article(0, "the ferry runs hourly", "Ola Berg") });
      renameSync(join(w.kb, "sub"), join(w.top, "sub-away"));
      await until("the folder moved away", async () => !(await sources(w.holder)).includes("sub/b.txt"));
      renameSync(join(w.top, "sub-away"), join(w.kb, "sub"));
      await until("the folder moved back", async () => (await cited(w.holder, "ferry runs hourly")) === `sub/b.txt:${lineOf(0)}`);
      atomicSave(join(w.kb, "sub", "b.txt"), article(2, "the ferry runs hourly", "Ola Berg"));
      await until("an edit after the move back", async () => (await cited(w.holder, "ferry runs hourly")) === `sub/b.txt:${lineOf(2)}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the knowledge folder moved away and back: answers go on meanwhile, one error line, then edits are picked up",
    async () => {
      const w = watched({ "a.txt": article(0) });
      renameSync(w.kb, `${w.kb}-away`);
      await until("the missing folder reported", () => w.errors.length > 0);
      expect(await cited(w.holder, "harbour opens in May")).toBe(`a.txt:${lineOf(0)}`); // the last index still answers
      renameSync(`${w.kb}-away`, w.kb);
      writeFileSync(join(w.kb, "a.txt"), article(3));
      await until("an edit after the folder came back", async () => (await cited(w.holder, "harbour opens in May")) === `a.txt:${lineOf(3)}`);
      expect(w.errors.map((e) => e.message)).toEqual([`knowledge folder not found: ${w.kb}`]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "/reindex restarts the watcher, which goes on picking up edits",
    async () => {
      const w = watched({ "a.txt": article(0) });
      await w.holder.reindex();
      expect(w.restarts).toBe(1);
      atomicSave(join(w.kb, "a.txt"), article(2));
      await until("an edit after /reindex", async () => (await cited(w.holder, "harbour opens in May")) === `a.txt:${lineOf(2)}`);
    },
    TEST_TIMEOUT_MS,
  );
});

describe("reconciling by size, time and content", () => {
  it("a rewrite that keeps size, mtime and inode is still seen, by its content hash", () => {
    const t = tempDir("watch-");
    cleanups.push(t.cleanup);
    const path = join(t.dir, "a.txt");
    writeFileSync(path, article(0));
    // A file system with a coarse clock gives a second write within its tick the same mtime. The
    // clock is passed in, so the test does not depend on how fast it runs.
    const mtime = 1_700_000_000; // seconds
    utimesSync(path, mtime, mtime);
    const holder = new EngineHolder(t.dir, { cacheDir: null });
    const listed = { ...holder.folder, listedAt: mtime * 1000 + 500 };
    const now = mtime * 1000 + 1000;
    expect(changesSince(listed, t.dir, new Map(), now)).toEqual([]);
    writeFileSync(path, article(0, "the harbour opens in Mai"));
    utimesSync(path, mtime, mtime);
    expect(changesSince(listed, t.dir, new Map(), now)).toEqual(["a.txt"]);
    // Long after the listing, the same size and time mean the same file (no file is re-read at every look).
    expect(changesSince({ ...listed, listedAt: now + 60_000 }, t.dir, new Map(), now + 60_000)).toEqual([]);
  });

  it("reports new, changed and removed files, and nothing for an untouched folder", () => {
    const t = tempDir("watch-");
    cleanups.push(t.cleanup);
    write(join(t.dir, "a.txt"), article(0));
    write(join(t.dir, "b.txt"), article(1));
    write(join(t.dir, "empty.txt"), "");
    const holder = new EngineHolder(t.dir, { cacheDir: null, onWarning: () => {} });
    expect(changesSince(holder.folder, t.dir)).toEqual([]); // a skipped (empty) file is not "new" at every look
    write(join(t.dir, "c.txt"), article(2));
    writeFileSync(join(t.dir, "a.txt"), article(3));
    rmSync(join(t.dir, "b.txt"));
    expect(changesSince(holder.folder, t.dir).sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
  });
});

describe("warnings on reload", () => {
  it("a live reload logs only new warnings; /reindex logs them all again", async () => {
    const t = tempDir("watch-");
    cleanups.push(t.cleanup);
    write(join(t.dir, "a.txt"), article(0));
    write(join(t.dir, "empty.txt"), "");
    const logged: string[] = [];
    const holder = new EngineHolder(t.dir, { cacheDir: null, onWarning: (w) => logged.push(w) });
    expect(logged).toEqual(["skipped empty.txt: the file is empty"]);
    write(join(t.dir, "b.txt"), article(1, "the ferry runs hourly", "Ola Berg"));
    write(join(t.dir, "blank.txt"), "\n\n");
    await holder.refresh(["b.txt", "blank.txt"]);
    expect(logged).toEqual(["skipped empty.txt: the file is empty", "skipped blank.txt: the file is empty"]);
    const report = await holder.reindex();
    expect(report.warnings).toEqual(["skipped blank.txt: the file is empty", "skipped empty.txt: the file is empty"]);
    expect(logged.slice(2)).toEqual(["skipped blank.txt: the file is empty", "skipped empty.txt: the file is empty"]);
  });
});
