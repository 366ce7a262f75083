// The benchmark runs end to end at 1k passages and reports every figure as a finite number, in
// the results file's shape. Its figures' sizes are not checked: the bench reports, it does not judge.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const tmp = tempDir("bench-");
afterAll(() => tmp.cleanup());

interface Results {
  machine: { cpu: string; cores: number; node: string; totalRamGB: number };
  options: { sizes: number[]; queries: number };
  sizes: Array<{ passages: number; figures: Record<string, { values: number[]; target?: string; ok?: boolean }> }>;
}

describe("npm run bench", () => {
  it("produces every figure at 1k passages, as a table and as results.json", () => {
    const out = join(tmp.dir, "results.json");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--quick", "--queries", "120", "--key", "40", "--root", join(tmp.dir, "corpora"), "--out", out, "--no-pin"],
      { encoding: "utf8", timeout: 90_000, env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1k passages/);
    expect(existsSync(out)).toBe(true);

    const results = JSON.parse(readFileSync(out, "utf8")) as Results;
    expect(results.machine.cpu).toBeTruthy();
    for (const n of [results.machine.cores, results.machine.totalRamGB]) expect(Number.isFinite(n)).toBe(true);
    expect(results.machine.node).toBe(process.version);
    expect(results.sizes.map((s) => s.passages)).toEqual([1000]);

    const figures = results.sizes[0]!.figures;
    for (const id of [
      "mbPerSec",
      "coldCache",
      "coldNothing",
      "latency.who-said",
      "latency.when",
      "latency.stance",
      "latency.search",
      "bareDefault",
      "bareFuzzy",
      "overhead.who-said",
      "heap",
      "heapMinisearch",
      "heapRatio",
      "acc.whoSaid",
      "acc.when",
      "acc.stance",
    ]) {
      expect(figures, id).toHaveProperty(id);
    }
    for (const [id, f] of Object.entries(figures)) {
      expect(f.values.length, id).toBeGreaterThan(0);
      for (const v of f.values) expect(Number.isFinite(v), `${id} = ${v}`).toBe(true);
      if (f.target !== undefined) expect(typeof f.ok, id).toBe("boolean");
    }
  }, 90_000);
});
