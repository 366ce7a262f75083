// `npm run ask -- timeline …` as a user runs it: the text timeline, the PNG written with --out,
// and the timeline query of the JSON batch (additive to the contract).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { itemDate, itemWhere } from "../src/render/timeline-text.js";
import { tempDir } from "./helpers.js";

const ask = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DISCORD_TOKEN: "" },
    timeout: 110_000,
  });

const tmp = tempDir("timeline-cli-");
afterAll(() => tmp.cleanup());

describe("ask timeline", { timeout: 120_000 }, () => {
  it("prints the dated items in time order with file:line, and --out writes the PNG", async () => {
    const out = join(tmp.dir, "t.png");
    const run = ask(["--knowledge", "knowledge", "timeline", "United States", "Huawei", "--out", out]);
    expect(run.status).toBe(0);
    const expected = await Engine.fromFolder("knowledge", { onWarning: () => {} }).timeline("United States", "Huawei");
    let at = -1;
    for (const [k, r] of expected.results.entries()) {
      const line = run.stdout.indexOf(`${k + 1}. ${itemDate(r)}`);
      expect(line).toBeGreaterThan(at);
      expect(run.stdout.indexOf(itemWhere(r), line)).toBeGreaterThan(line);
      at = line;
    }
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1040);
    expect(run.stderr).toMatch(/wrote .*t\.png \(1040×\d+ px\)/);
  });

  it("an unwritable --out is a one-line error and a non-zero exit", () => {
    const run = ask(["--knowledge", "knowledge", "timeline", "United States", "--out", join(tmp.dir, "no/such/dir/t.png")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*t\.png: ENOENT/);
  });

  it("in a --batch: one JSON line per query, timeline ones with items carrying date and source; bad fields are errors", () => {
    const batch = join(tmp.dir, "q.jsonl");
    writeFileSync(
      batch,
      [
        JSON.stringify({ command: "timeline", actor: "United States", topic: "Huawei" }),
        JSON.stringify({ command: "timeline", topic: ["not", "a", "string"] }),
        JSON.stringify({ command: "timeline" }),
        JSON.stringify({ command: "sources" }),
      ].join("\n"),
    );
    const run = ask(["--json", "--knowledge", "knowledge", "--batch", batch]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const t = lines[0] as { command: string; results: Array<Record<string, unknown>> };
    expect(t.command).toBe("timeline");
    expect(t.results.length).toBeGreaterThan(0);
    for (const r of t.results) expect(Object.keys(r)).toEqual(["kind", "date", "precision", "dateFrom", "who", "text", "polarity", "cue", "source"]);
    expect(lines[1]!.error).toMatch(/"topic" must be a string/);
    expect(lines[2]).toMatchObject({ command: "timeline", results: [], message: expect.stringMatching(/Give an actor, a topic, or both/) });
    expect(lines[3]).toMatchObject({ command: "sources" });
  });
});
