// The PostgreSQL bench's bot-like process runs compiled JavaScript, as `npm start` runs the bot:
// the same compiled src/ as scripts/run.mjs makes, and node alone, without tsx's loader.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compiledScript } from "../bench/compiled.js";
import { compiledCopy } from "../scripts/compile.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PG_CHILD = join(ROOT, "bench", "pg-child.ts");

describe("bench/compiled.ts", { timeout: 120_000 }, () => {
  it("gives bench/pg-child.ts compiled, beside src/ compiled exactly as npm start runs it", async () => {
    const script = await compiledScript(PG_CHILD);
    expect(script.endsWith(join("bench", "pg-child.js"))).toBe(true);
    const benchCopy = dirname(dirname(script));
    const srcCopy = await compiledCopy(["src"]);
    expect(benchCopy).not.toBe(srcCopy);
    for (const f of ["src/answer/stance.js", "src/store/postgres/store.js", "src/runtime/postgres.js"]) {
      expect(readFileSync(join(benchCopy, f), "utf8")).toBe(readFileSync(join(srcCopy, f), "utf8"));
    }
    // The lexicons and other data travel with the copy.
    expect(existsSync(join(benchCopy, "source.json"))).toBe(true);
  });

  it("runs under node alone (no TypeScript loader)", async () => {
    const r = spawnSync(process.execPath, [await compiledScript(PG_CHILD), "answer"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--url is required/);
  });

  it("refuses a script outside bench/", async () => {
    await expect(compiledScript(join(ROOT, "src", "cli.ts"))).rejects.toThrow(/not a script of bench/);
  });
});
