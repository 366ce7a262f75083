// `npx tsx bench/accuracy-only.ts <bench-dir> [--cache dir] [--json out.json]`: only the answer
// accuracy of `npm run bench` on one generated corpus (<bench-dir>/knowledge and key.json), without
// the timing runs: quick to repeat after an extraction change. Without --cache every file is
// extracted afresh; --json writes the scores with their misses.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureAccuracy } from "./accuracy.js";
import type { AnswerKey } from "./key.js";
import { loadEngine } from "../src/runtime/load-engine.js";

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith("--") && !["--cache", "--json"].includes(args[i - 1] ?? ""));
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!dir) {
  console.error("usage: npx tsx bench/accuracy-only.ts <bench-dir> [--cache dir] [--json out.json]");
  process.exit(2);
}
const key = JSON.parse(readFileSync(join(dir, "key.json"), "utf8")) as AnswerKey;
const { engine } = loadEngine(join(dir, "knowledge"), { cacheDir: opt("--cache") ?? null, onWarning: () => {} });
const acc = await measureAccuracy(engine, key);
console.log(
  `who-said ${acc.whoSaid.pct} (${acc.whoSaid.pass}/${acc.whoSaid.n})  when ${acc.when.pct} (${acc.when.pass}/${acc.when.n})  stance ${acc.stance.pct} (${acc.stance.pass}/${acc.stance.n})  proving ${acc.stanceWithEvidence.pct} (${acc.stanceWithEvidence.pass}/${acc.stanceWithEvidence.n})`,
);
const out = opt("--json");
if (out) writeFileSync(out, JSON.stringify(acc, null, 1));
