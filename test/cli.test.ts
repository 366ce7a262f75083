// The `ask` command line and its JSON contract (../shared/eval/README.md), run as a user runs it.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ask = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DISCORD_TOKEN: "", ...env },
    timeout: 60_000,
  });

const tmp = tempDir("batch-");
afterAll(() => tmp.cleanup());

describe("ask --json --batch", () => {
  it("writes exactly one JSON line per query, in order, errors included, and exits 0", () => {
    const batch = join(tmp.dir, "q.jsonl");
    writeFileSync(
      batch,
      [
        JSON.stringify({ command: "who-said", query: "groundless accusations for political purposes" }),
        "{not json",
        JSON.stringify({ command: "teleport", query: "x" }),
        JSON.stringify({ command: "when" }),
        "",
        JSON.stringify({ command: "when", query: "Huawei sacked an executive in Poland" }),
        JSON.stringify({ command: "stance", actor: "Huawei", topic: "EU 5G security toolbox" }),
        JSON.stringify({ command: "stance", actor: "Huawei" }),
        JSON.stringify({ command: "search", query: "spectrum auctions" }),
        JSON.stringify({ command: "sources" }),
      ].join("\n"),
    );
    const run = ask(["--json", "--knowledge", "knowledge", "--batch", batch]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(9);
    expect(lines[1]).toHaveProperty("error");
    expect(lines[2]!.error).toMatch(/unknown command/);
    expect(lines[3]!.error).toMatch(/missing field "query"/);

    const ws = lines[0] as { command: string; results: Array<Record<string, unknown>> };
    expect(Object.keys(ws)).toEqual(["command", "results"]);
    expect(Object.keys(ws.results[0]!)).toEqual(["speaker", "role", "quote", "source"]);
    expect(Object.keys(ws.results[0]!.source as object)).toEqual(["file", "lineStart", "lineEnd", "excerpt", "url"]);
    expect(ws.results[0]).toMatchObject({
      speaker: "Wang Yi",
      role: "China’s foreign minister",
      source: { file: "002_732ad33b9a9136f5.txt", lineStart: 26, lineEnd: 26, url: null },
    });

    const when = lines[4] as { results: Array<Record<string, unknown>> };
    expect(Object.keys(when.results[0]!)).toEqual(["expression", "date", "source"]);
    expect(when.results[0]).toMatchObject({ expression: "January", date: "2019-01" });

    const stance = lines[5] as { polarity: string; results: Array<Record<string, unknown>> };
    expect(Object.keys(stance)).toEqual(["command", "polarity", "results"]);
    expect(Object.keys(stance.results[0]!)).toEqual(["actor", "polarity", "cue", "source"]);
    expect(stance.polarity).toBe("support");
    expect((lines[6] as { polarity: unknown }).polarity).not.toBeNull();

    const search = lines[7] as { results: Array<Record<string, unknown>> };
    expect(Object.keys(search.results[0]!)).toEqual(["score", "source"]);

    const sources = lines[8] as { results: Array<Record<string, unknown>> };
    expect(Object.keys(sources.results[0]!)).toEqual(["file", "title", "date", "url", "passages"]);
    expect(sources.results).toHaveLength(5);
  }, 60_000);

  it("adds the line anchor to SOURCE_BASE_URL", () => {
    const run = ask(["--json", "--knowledge", "knowledge", "who-said", "groundless accusations"], {
      SOURCE_BASE_URL: "https://github.com/o/r/blob/main/knowledge",
    });
    const out = JSON.parse(run.stdout) as { results: Array<{ source: { url: string } }> };
    expect(out.results[0]!.source.url).toBe("https://github.com/o/r/blob/main/knowledge/002_732ad33b9a9136f5.txt#L26");
  }, 60_000);
});

describe("ask in the terminal", () => {
  it("prints a readable answer: speaker, role, excerpt and file:line", () => {
    const run = ask(["who-said", "groundless accusations"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Wang Yi — China’s foreign minister");
    expect(run.stdout).toContain("002_732ad33b9a9136f5.txt:26");
  }, 60_000);

  it("answers plain questions and says when nothing is found", () => {
    expect(ask(["when did Huawei sack an executive in Poland?"]).stdout).toContain("January → January 2019");
    expect(ask(["who-said", "quantum entanglement of bananas"]).stdout).toMatch(/No quotation in the documents matches/);
  }, 60_000);

  it("explains a missing knowledge folder in one line and exits non-zero", () => {
    const run = ask(["--knowledge", join(tmp.dir, "nope"), "sources"]);
    expect(run.status).toBe(1);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((l) => !/npm warn/.test(l)),
    ).toEqual([`knowledge folder not found: ${join(tmp.dir, "nope")}`]);
  }, 60_000);
});
