// check and said from the command line: the JSON batch contract and the terminal's answer.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ask = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DISCORD_TOKEN: "" },
    timeout: 60_000,
  });

const tmp = tempDir("check-batch-");
afterAll(() => tmp.cleanup());

describe("ask: check and said", () => {
  it("answers check and said in a JSON batch, and refuses a said without a speaker", () => {
    const batch = join(tmp.dir, "q.jsonl");
    writeFileSync(
      batch,
      [
        JSON.stringify({ command: "check", query: "baseless accusations for political purposes", speaker: "Wang Yi" }),
        JSON.stringify({ command: "check", query: "Huawei will open a factory on the moon" }),
        JSON.stringify({ command: "said", speaker: "Julian King", topic: "bans" }),
        JSON.stringify({ command: "said", topic: "bans" }),
      ].join("\n"),
    );
    const run = ask(["--json", "--knowledge", "knowledge", "--batch", batch]);
    expect(run.status).toBe(0);
    const [check, absent, said, bad] = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(check).toMatchObject({
      command: "check",
      verdict: "close",
      results: [{ speaker: "Wang Yi", diff: [{ query: "baseless", text: "groundless" }], source: { file: "002_732ad33b9a9136f5.txt", lineStart: 26 } }],
    });
    expect(absent).toEqual({ command: "check", verdict: "not-found", results: [] });
    const saidResults = (said as { results: Array<Record<string, unknown>> }).results;
    expect(Object.keys(said!)).toEqual(["command", "results"]);
    expect(Object.keys(saidResults[0]!)).toEqual(["speaker", "quote", "source"]);
    expect(saidResults[0]!.quote).toMatch(/not talking about bans today/);
    expect(bad!.error).toMatch(/missing field "speaker"/);
  }, 60_000);

  it("prints the verdict first at the terminal", () => {
    const run = ask(["--knowledge", "knowledge", "check", "--speaker", "Julian King", "groundless accusations for political purposes"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("Attributed to someone else: the text gives these words to Wang Yi, China’s foreign minister — not Julian King.");
    const said = ask(["--knowledge", "knowledge", "what did Abraham Liu say?"]);
    expect(said.stdout).toMatch(
      /^1\. Abraham Liu — Huawei’s Chief Representative to the European Institutions, undated\n {3}“However, we believe a security approach/,
    );
  }, 60_000);
});
