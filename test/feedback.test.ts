// The feedback log and its summary, without Discord: rotation at the size limit, hashed users,
// damaged lines, one vote per user and question, the vote buttons' custom_ids.
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeCustomId, feedbackId } from "../src/bot/custom-ids.js";
import { questionText } from "../src/bot/feedback.js";
import { QueryStore } from "../src/bot/query-store.js";
import { FeedbackLog, hashUser, readVotes, type Vote } from "../src/feedback/log.js";
import { renderSummary, summarize } from "../src/feedback/summary.js";
import { tempDir } from "./helpers.js";

const tmp = tempDir("feedback-");
afterAll(() => tmp.cleanup());

const vote = (over: Partial<Vote>): Vote => ({
  time: "2026-01-01T00:00:00.000Z",
  command: "search",
  question: "/search ferries",
  file: "a.txt",
  lines: [3, 4],
  vote: "down",
  user: "0123456789abcdef",
  ...over,
});

describe("feedback log", () => {
  it("rotates before the file passes its limit, keeping a bounded number of old files", () => {
    const file = join(tmp.dir, "sub", "votes.jsonl");
    const log = new FeedbackLog(file, { maxBytes: 600, keep: 2 });
    for (let i = 0; i < 20; i++) log.record(vote({ question: `/search question ${i}` }));
    expect(readFileSync(file).length).toBeLessThanOrEqual(600);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    const kept = readVotes(log.files());
    // The newest votes survive, in order; the oldest were dropped with the oldest file.
    expect(kept.at(-1)!.question).toBe("/search question 19");
    expect(kept.map((v) => Number(v.question.split(" ").at(-1)))).toEqual([...kept.keys()].map((i) => 20 - kept.length + i));
    expect(kept.length).toBeLessThan(20);
  });

  it("hashes user ids with the log's own key: stable across restarts, different for another log, never the id", () => {
    const file = join(tmp.dir, "keyed", "votes.jsonl");
    const id = "123456789012345678";
    const first = new FeedbackLog(file).hashUser(id);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(new FeedbackLog(file).hashUser(id)).toBe(first); // a restart reads the same key
    expect(new FeedbackLog(file).hashUser("123456789012345679")).not.toBe(first);
    expect(new FeedbackLog(join(tmp.dir, "other.jsonl")).hashUser(id)).not.toBe(first);
    expect(readFileSync(`${file}.key`)).toHaveLength(32);
    expect(statSync(`${file}.key`).mode & 0o077).toBe(0);
    expect(hashUser(id, readFileSync(`${file}.key`))).toBe(first);
    writeFileSync(`${file}.key`, "short");
    expect(() => new FeedbackLog(file).hashUser(id)).toThrow(/is not a feedback key/);
  });

  it("skips damaged lines", () => {
    const file = join(tmp.dir, "damaged.jsonl");
    writeFileSync(file, `${JSON.stringify(vote({}))}\n{"half":`);
    appendFileSync(file, `\n${JSON.stringify({ vote: "sideways", question: "x" })}\n`);
    expect(readVotes([file])).toHaveLength(1);
  });
});

describe("feedback summary", () => {
  it("counts each user's latest vote per question, most 👎 first, with the cited answers", () => {
    const votes = [
      vote({ user: "a", vote: "up" }),
      vote({ user: "a", vote: "down", time: "2026-01-02T00:00:00.000Z" }), // changed their mind
      vote({ user: "b", vote: "down", lines: [3, 3] }),
      vote({ user: "a", vote: "up", question: "/who-said lifeboats", command: "who-said" }),
      vote({ user: "c", vote: "down", question: "/said speaker:Nobody", command: "said", file: null, lines: null }),
    ];
    const rows = summarize(votes);
    expect(rows.map((r) => [r.question, r.down, r.up])).toEqual([
      ["/search ferries", 2, 0],
      ["/said speaker:Nobody", 1, 0],
      ["/who-said lifeboats", 0, 1],
    ]);
    expect(rows[0]!.answers).toEqual(["a.txt:3-4", "a.txt:3"]);
    expect(rows[1]!.answers).toEqual(["(nothing found)"]);
    expect(renderSummary(rows, votes.length).split("\n").slice(0, 4)).toEqual([
      "5 votes on 3 questions: 1 👍, 3 👎.",
      "",
      "Most 👎 first:",
      "1. 2 👎 0 👍  /search ferries",
    ]);
    expect(renderSummary([], 0)).toBe("No votes yet.");
  });
});

describe("vote buttons", () => {
  it("carry the vote and the question, or a store key when it does not fit", () => {
    const q = { command: "said" as const, speaker: "Alice Example", topic: null };
    expect(feedbackId(q, "up", null)).toBe('fb:u:["d","Alice Example",null]');
    expect(decodeCustomId('fb:d:["d","Alice Example",null]')).toEqual({ kind: "feedback", vote: "down", query: q });
    const store = new QueryStore();
    const long = { command: "search" as const, query: "ferry ".repeat(30).trim() };
    const id = feedbackId(long, "down", store)!;
    expect(id).toMatch(/^fbk:d:[\w-]+$/);
    expect(feedbackId(long, "down", null)).toBeNull();
    expect(decodeCustomId('fb:x:["s","a"]')).toBeNull();
    expect(questionText({ command: "check", query: "two lifeboats", speaker: "Alice" })).toBe("/check quote:two lifeboats speaker:Alice");
  });
});
