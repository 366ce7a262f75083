// The bot's small parts on their own: custom_id round trips, the query store's bounds, the
// cooldown window, reading cited lines back, error wording, and paging through the engine.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiscordAPIError, DiscordjsErrorCodes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { EngineHolder } from "../src/runtime/holder.js";
import { actorNames } from "../src/bot/actors.js";
import { Answers, MAX_RESULTS } from "../src/bot/answers.js";
import { Cooldown, cooldownText } from "../src/bot/cooldown.js";
import { decodeCustomId, fileHash, moreId, sourceId } from "../src/bot/custom-ids.js";
import { describeError, describeStartupError, networkCode, scrub } from "../src/bot/errors.js";
import type { BotQuery } from "../src/bot/query.js";
import { QueryStore } from "../src/bot/query-store.js";
import { lookupSource } from "../src/bot/source-view.js";
import { registerSecret } from "../src/log.js";
import { ROOT } from "./support/bot-process.js";

describe("custom_ids", () => {
  const store = new QueryStore();
  const cite = (file: string) => ({ file, lineStart: 21, lineEnd: 23, excerpt: "", url: null });

  it("Show source carries the file, the lines and the file's content hash, or a hash of a long file name", () => {
    const hash = "0123456789abcdef0123456789abcdef";
    expect(sourceId(cite("a/b.txt"), 2, hash)).toBe("src:2:21:23:01234567:a/b.txt");
    expect(decodeCustomId("src:2:21:23:01234567:a/b.txt")).toEqual({ kind: "source", file: "a/b.txt", lineStart: 21, lineEnd: 23, contentHash: "01234567" });
    expect(sourceId(cite("a/b.txt"), 0)).toBe("src:0:21:23:-:a/b.txt");
    expect(decodeCustomId("src:0:21:23:-:a/b.txt")).toMatchObject({ contentHash: null });
    const long = `${"deep/".repeat(30)}file name: with colons.txt`;
    const id = sourceId(cite(long), 0, hash);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(id)).toEqual({ kind: "source-hashed", fileHash: fileHash(long), lineStart: 21, lineEnd: 23, contentHash: "01234567" });
    expect(decodeCustomId("src:0:5:5:-:odd:name.txt")).toMatchObject({ file: "odd:name.txt" });
  });

  it("More carries the query itself when it fits, else a key into the store", () => {
    const queries: BotQuery[] = [
      { command: "who-said", query: "groundless accusations" },
      { command: "when", query: 'with "quotes" and ] brackets' },
      { command: "search", query: "5G" },
      { command: "stance", actor: "Huawei", topic: null },
      { command: "stance", actor: "Huawei", topic: "EU toolbox" },
      { command: "sources" },
    ];
    for (const q of queries) {
      const id = moreId(q, 3, store);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual({ kind: "more", query: q, offset: 3 });
    }
    const long: BotQuery = { command: "search", query: "ü".repeat(200) };
    const id = moreId(long, 6, store);
    expect(id).toMatch(/^mork:6:[\w-]{12}$/);
    const action = decodeCustomId(id);
    expect(action).toMatchObject({ kind: "more-ref", offset: 6 });
    expect(store.get((action as { key: string }).key)).toEqual(long);
  });

  it("anything else is not ours", () => {
    for (const id of [
      "",
      "vote:yes",
      "src:0:0:1:-:a.txt",
      "src:0:5:4:-:a.txt",
      "src:0:5:5:a.txt",
      "src:0:5:5:XYZ:a.txt",
      "more:3:not json",
      'more:3:["x","y"]',
      'more:3:["w",5]',
      "more:3:{}",
      "mork:3:",
    ]) {
      expect(decodeCustomId(id)).toBeNull();
    }
  });
});

describe("QueryStore", () => {
  it("evicts the least recently used beyond its size, and forgets entries past their time to live", () => {
    let now = 0;
    const store = new QueryStore({ maxEntries: 2, ttlMs: 1000, now: () => now });
    const a = store.put({ command: "search", query: "a" });
    const b = store.put({ command: "search", query: "b" });
    expect(store.put({ command: "search", query: "a" })).toBe(a); // same query, same key
    store.get(a); // a is now the most recent
    store.put({ command: "search", query: "c" });
    expect(store.size).toBe(2);
    expect(store.get(b)).toBeUndefined();
    expect(store.get(a)).toEqual({ command: "search", query: "a" });
    now = 2001;
    expect(store.get(a)).toBeUndefined();
  });
});

describe("Cooldown", () => {
  it("allows `limit` uses per sliding window, then says how long to wait, once per wait", () => {
    let now = 1000;
    const cd = new Cooldown({ limit: 2, windowMs: 10_000, now: () => now });
    expect(cd.take("u")).toEqual({ ok: true });
    now += 4000;
    expect(cd.take("u")).toEqual({ ok: true });
    expect(cd.take("other")).toEqual({ ok: true });
    expect(cd.take("u")).toEqual({ ok: false, retryAfterMs: 6000, firstRefusal: true });
    expect(cd.take("u")).toMatchObject({ ok: false, firstRefusal: false });
    now += 6000; // the first use left the window
    expect(cd.take("u")).toEqual({ ok: true });
    expect(cooldownText(5200, 5, 10_000)).toBe("You're asking quickly (5 questions per 10 s). Try again in 6 s.");
  });
});

describe("lookupSource", () => {
  let dir: string;
  let engine: Engine;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bot-source-"));
    // Files with article text (a file without any is not a source).
    const lines = ["three", "four", "five", "six", "seven", "eight", "nine"].map((n) => `The council met for the ${n}th time and agreed on the plan.`);
    writeFileSync(join(dir, "a.txt"), `date 2020-01-01  A title\n\n${lines.join("\n")}\n`);
    writeFileSync(join(dir, "gone.txt"), "date 2020-01-01  Gone\n\nThis file will soon be deleted by the test.\n");
    engine = Engine.fromFolder(dir, { sourceBaseUrl: "https://example.org/kb/" });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the cited lines with three lines of context each side, the document's title, date and link", async () => {
    const found = await lookupSource(engine, engine.corpus.root, "a.txt", 5, 6);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.view.lines.map((l) => [l.n, l.cited])).toEqual([
      [2, false],
      [3, false],
      [4, false],
      [5, true],
      [6, true],
      [7, false],
      [8, false],
      [9, false],
    ]);
    expect(found.view).toMatchObject({ title: "A title", date: "2020-01-01", url: "https://example.org/kb/a.txt#L5-L6" });
    expect(found.view.note).toBeUndefined();
  });

  it("explains a deleted file, a shortened file, a changed file, and refuses paths outside the folder", async () => {
    unlinkSync(join(dir, "gone.txt"));
    expect(await lookupSource(engine, engine.corpus.root, "gone.txt", 3, 3)).toMatchObject({
      ok: false,
      message: expect.stringContaining("`gone.txt` is no longer in the knowledge folder"),
    });
    expect(await lookupSource(engine, engine.corpus.root, "a.txt", 500, 501)).toMatchObject({ ok: false, message: expect.stringContaining("now has 9 lines") });
    const hashBefore = engine.corpus.documents.find((d) => d.file === "a.txt")!.hash;
    const note = (found: Awaited<ReturnType<typeof lookupSource>>): string | undefined => (found.ok ? found.view.note : `not ok: ${found.message}`);
    expect(note(await lookupSource(engine, engine.corpus.root, "a.txt", 5, 5, { contentHash: hashBefore.slice(0, 8) }))).toBeUndefined();
    writeFileSync(
      join(dir, "a.txt"),
      Array.from({ length: 20 }, (_, i) => `Sentence ${i + 1} of the changed text says that the plan has been dropped.\n`).join(""),
    );
    const changed = "`a.txt` changed since this answer was given";
    // Against the index's hash, and against the hash the button kept (which survives a reload).
    expect(await lookupSource(engine, engine.corpus.root, "a.txt", 5, 5)).toMatchObject({ ok: true, view: { note: expect.stringContaining(changed) } });
    const reloaded = Engine.fromFolder(dir);
    expect(note(await lookupSource(reloaded, reloaded.corpus.root, "a.txt", 5, 5))).toBeUndefined();
    expect(await lookupSource(reloaded, reloaded.corpus.root, "a.txt", 5, 5, { contentHash: hashBefore.slice(0, 8) })).toMatchObject({
      ok: true,
      view: { note: expect.stringContaining(changed) },
    });
    for (const evil of ["../a.txt", "/etc/passwd", "../../etc/hosts.txt", "a.exe"]) {
      expect(await lookupSource(engine, engine.corpus.root, evil, 1, 1)).toMatchObject({
        ok: false,
        message: "That button does not point at a document in the knowledge folder.",
      });
    }
  });
});

describe("error wording", () => {
  it("scrubs the bot token and interaction tokens from anything logged", () => {
    registerSecret("a-registered-secret-token.value");
    const text = scrub(
      "POST /api/v10/interactions/123/aW50ZXJhY3Rpb246abc/callback and /webhooks/456/tok_en-123/messages/@original with a-registered-secret-token.value",
    );
    expect(text).toBe("POST /api/v10/interactions/123/[token]/callback and /webhooks/456/[token]/messages/@original with [redacted]");
  });

  it("names the failure a bot owner can act on", () => {
    const base = "http://127.0.0.1:9/api";
    // What client.login() throws for a 401 from /gateway/bot (DiscordjsError's constructor is not public).
    expect(describeStartupError(Object.assign(new Error("An invalid token was provided."), { code: DiscordjsErrorCodes.TokenInvalid }), base)).toMatch(
      /^Discord rejected DISCORD_TOKEN/,
    );
    expect(describeStartupError(new Error("Authentication failed"), base)).toMatch(/^Discord rejected DISCORD_TOKEN/);
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: new AggregateError([Object.assign(new Error("connect"), { code: "ECONNREFUSED" })]),
    });
    expect(networkCode(refused)).toBe("ECONNREFUSED");
    expect(describeStartupError(refused, base)).toBe(
      `Cannot reach the Discord API at ${base} (ECONNREFUSED): check the network connection and DISCORD_API_BASE.`,
    );
    expect(describeStartupError(Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }), "https://discord.com/api")).toBe(
      "Cannot reach the Discord API at https://discord.com/api (ENOTFOUND): check the network connection.",
    );
    const api = new DiscordAPIError({ code: 40001, message: "Unauthorized" }, 40001, 403, "GET", "http://x/api/v10/webhooks/1/secret-token", {
      body: undefined,
      files: undefined,
    });
    expect(describeError(api)).toBe("DiscordAPIError 403 (code 40001): Unauthorized [GET http://x/api/v10/webhooks/1/[token]]");
  });
});

describe("Answers (paging through the engine)", () => {
  const holder = new EngineHolder(join(ROOT, "knowledge"));
  const answers = new Answers(holder);

  it("asks for up to MAX_RESULTS results, so More has something to show, and keeps the first results as the engine ranks them", async () => {
    expect(holder.current.limit).toBeLessThan(MAX_RESULTS);
    const wide = await answers.ask({ command: "search", query: "Huawei" });
    const plain = await holder.current.search("Huawei");
    expect(wide.results.length).toBeGreaterThan(plain.results.length);
    expect(wide.results.slice(0, plain.results.length)).toEqual(plain.results);
    expect(answers.engine()).toBe(answers.engine()); // one wide view per engine
  });

  it("a reindex swaps in a new engine and the wide view follows", async () => {
    const before = answers.engine();
    await holder.reindex();
    expect(answers.engine()).not.toBe(before);
    expect(answers.engine()).toBe(holder.current);
  });

  it("actor names merge the actor map with quotation speakers, most mentioned first", () => {
    const names = actorNames(holder.current);
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(["Julian King", "Wang Yi"]));
    for (let i = 1; i < names.length; i++) expect(names[i - 1]!.mentions).toBeGreaterThanOrEqual(names[i]!.mentions);
    expect(new Set(names.map((n) => n.name.toLowerCase())).size).toBe(names.length);
  });
});
