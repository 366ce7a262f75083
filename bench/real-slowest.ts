// The tail of the real-text workload on a corpus the bench built, for comparing two versions of
// the code back to back: p50/p99 per command (each question timed twice, its faster time kept) and
// the slowest questions.
//   npx tsx bench/real-slowest.ts <knowledge dir> <engine cache dir> [queries, default 1000] [slowest shown, default 15]
import { answer } from "../src/answer/dispatch.js";
import { loadEngine } from "../src/runtime/load-engine.js";
import { buildRealWorkload } from "./real-workload.js";
import { percentile } from "./stats.js";
import { COMMANDS } from "./workload.js";

const [root, cache, n = "1000", top = "15"] = process.argv.slice(2);
if (!root || !cache) {
  process.stderr.write("usage: npx tsx bench/real-slowest.ts <knowledge dir> <engine cache dir> [queries] [slowest shown]\n");
  process.exit(2);
}
const engine = loadEngine(root, { cacheDir: cache, onWarning: () => {}, onLog: () => {} }).engine;
const workload = buildRealWorkload(engine.corpus, (st) => engine.index.vocabulary.df.has(st), Number(n), "1");
for (const q of workload.slice(0, 200)) await answer(engine, q.input); // warm, as the bench does
const best = workload.map(() => Infinity);
for (let pass = 0; pass < 2; pass++) {
  for (const [i, q] of workload.entries()) {
    const t0 = performance.now();
    await answer(engine, q.input);
    best[i] = Math.min(best[i]!, performance.now() - t0);
  }
}
const line = (label: string, xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(9)} p50 ${percentile(s, 50).toFixed(2)}  p99 ${percentile(s, 99).toFixed(2)} ms`;
};
for (const c of COMMANDS)
  console.log(
    line(
      c,
      best.filter((_, i) => workload[i]!.command === c),
    ),
  );
console.log(line("all", best));
const order = best.map((ms, i) => [ms, i] as const).sort((a, b) => b[0] - a[0]);
for (const [ms, i] of order.slice(0, Number(top)))
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${workload[i]!.command}/${workload[i]!.variant} ${JSON.stringify(workload[i]!.input)}`);
