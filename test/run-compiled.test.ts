// `npm run ask` runs the CLI compiled (scripts/run.mjs) rather than through tsx: same answers, and
// one index cache for both ways of running (the extraction fingerprint is the sources' either way).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ANSWERING_NODE_FLAGS } from "../scripts/node-flags.mjs";
import { tempDir } from "./helpers.js";

const tmp = tempDir("run-compiled-");
afterAll(() => tmp.cleanup());

const root = join(tmp.dir, "docs");
mkdirSync(root);
writeFileSync(join(root, "ferry.txt"), 'Ferry service resumes\n\n"The morning boat leaves at seven again," said Ana Ruiz, the port manager.\n');

function run(how: "compiled" | "tsx", args: string[]) {
  const head = how === "compiled" ? ["scripts/run.mjs", "src/cli.ts"] : ["--import", "tsx", "src/cli.ts"];
  return spawnSync(process.execPath, [...head, "--knowledge", root, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DISCORD_TOKEN: "", LOG_LEVEL: "info", CACHE_DIR: join(tmp.dir, "cache") },
    timeout: 110_000,
  });
}

describe("scripts/run.mjs", { timeout: 240_000 }, () => {
  it("answers as tsx does, and the two share one cache", () => {
    const compiled = run("compiled", ["--json", "who-said", "the morning boat leaves"]);
    expect(compiled.status).toBe(0);
    expect(JSON.parse(compiled.stdout).results[0].speaker).toBe("Ana Ruiz");
    expect(readdirSync(join(tmp.dir, "cache")).filter((f) => f.endsWith(".cache"))).toHaveLength(1);
    const viaTsx = run("tsx", ["--json", "who-said", "the morning boat leaves"]);
    expect(viaTsx.stdout).toBe(compiled.stdout);
    // Nothing was rebuilt: the cache the compiled run wrote fits the sources as tsx runs them.
    expect(viaTsx.stderr).not.toMatch(/another version|rebuilding/);
    for (const args of [["--json", "who-said", "a sentence nobody wrote"], ["sources"], ["--json", "search", "port manager"]]) {
      expect(run("compiled", args).stdout).toBe(run("tsx", args).stdout);
    }
  });

  it("refuses an entry outside src/ with a usage line", () => {
    const r = spawnSync(process.execPath, ["scripts/run.mjs", "bench/run.ts"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe("the answering processes' V8 flags", () => {
  it("are given by npm start and npm run serve:http, as the bench's answering process takes them", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(ANSWERING_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const name of ["start", "serve:http"])
      expect(scripts[name]).toBe(`node ${ANSWERING_NODE_FLAGS.join(" ")} scripts/run.mjs ${name === "start" ? "src/main.ts" : "src/http/main.ts"}`);
  });

  it("take effect: the young generation is held to its flag", () => {
    const mb = Number(/--max-semi-space-size=(\d+)/.exec(ANSWERING_NODE_FLAGS.join(" "))![1]);
    // Allocate garbage until the young generation has grown as far as it may; it stops at the flag's
    // size (a semi-space each side, so the new space's capacity is at most that).
    const probe = `const v8=require("v8");let a=[];for(let i=0;i<3e6;i++){a.push({i});if(a.length>1e5)a=[];}console.log(v8.getHeapSpaceStatistics().find(s=>s.space_name==="new_space").space_size)`;
    const withFlags = spawnSync(process.execPath, [...ANSWERING_NODE_FLAGS, "-e", probe], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(withFlags.status).toBe(0);
    expect(Number(withFlags.stdout)).toBeLessThanOrEqual(2 * mb * 1024 * 1024);
  });
});
