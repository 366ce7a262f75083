// `npx tsx bench/profile.ts [--size 10000] [--seed 1] [--queries 3000] [--phases index,cache,queries]`
// CPU profiles of the phases that miss their targets, each in a fresh process on a corpus the bench
// already generated (or generates now), summarized as self time by area and by function.
//   index    loading from nothing (extraction and index build; node --cpu-prof, whole process)
//   cache    loading from the persisted cache (whole process: boot, imports, parse, index load)
//   queries  answering the latency workload after load (only the answering is profiled)
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEngine } from "../src/runtime/load-engine.js";
import { ensureCorpus } from "./generate.js";
import { describe } from "./hotspots.js";
import { runChild } from "./procs.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    queries: { type: "string", default: "3000" },
    phases: { type: "string", default: "index,cache,queries" },
    root: { type: "string" },
  },
});
const passages = Number(values.size);
const g = ensureCorpus({ passages, seed: values.seed!, root: values.root ?? join(".cache", "bench") });
const out = join(g.dir, "profiles");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const cacheDir = join(g.dir, "profile-cache");
const phases = new Set(values.phases!.split(","));

/** The main thread's profile among those --cpu-prof wrote (CPU.<date>.<time>.<pid>.<thread>.<n>; the module loader's thread is another). */
const written = (dir: string): string => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort();
  return join(dir, files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files[files.length - 1]!);
};

if (phases.has("index")) {
  const dir = join(out, "index");
  runChild(["load", "--root", g.knowledge, "--cache", "none"], ["--cpu-prof", "--cpu-prof-dir", dir]);
  console.log(`== index from nothing, ${passages} passages\n${describe(written(dir))}\n`);
}
if (phases.has("cache") || phases.has("queries")) {
  rmSync(cacheDir, { recursive: true, force: true });
  loadEngine(g.knowledge, { cacheDir, onWarning: () => {}, onLog: () => {} });
}
if (phases.has("cache")) {
  const dir = join(out, "cache");
  runChild(["load", "--root", g.knowledge, "--cache", cacheDir], ["--cpu-prof", "--cpu-prof-dir", dir]);
  console.log(`== cold start from cache, ${passages} passages\n${describe(written(dir))}\n`);
}
if (phases.has("queries")) {
  const file = join(out, "queries.cpuprofile");
  runChild(["queries", "--root", g.knowledge, "--cache", cacheDir, "--key", join(g.dir, "key.json"), "--queries", values.queries!, "--profile", file]);
  console.log(`== answering ${values.queries} queries, ${passages} passages\n${describe(file)}\n`);
}
console.log(`profiles in ${out} (open in Chrome DevTools or speedscope)`);
