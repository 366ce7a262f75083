// `npx tsx bench/extract-phases.ts <folder> [rounds]`: in one process, the time each extraction
// step takes over a folder's files (parsed once), best of a few rounds: where extraction goes.
import { performance } from "node:perf_hooks";
import { listKnowledgeFiles } from "../src/knowledge/files.js";
import { loadFile } from "../src/knowledge/load.js";
import { People } from "../src/extract/people.js";
import { extractQuotes } from "../src/extract/quotes.js";
import { extractStances } from "../src/extract/stance.js";
import { extractTimes } from "../src/extract/times.js";

const [root, roundsArg] = process.argv.slice(2);
if (!root) {
  console.error("usage: npx tsx bench/extract-phases.ts <folder> [rounds]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 3);
const t0 = performance.now();
const docs = listKnowledgeFiles(root, { onWarning: () => {} }).flatMap((f) => loadFile(f, { onWarning: () => {} }) ?? []);
console.log(`parse ${(performance.now() - t0).toFixed(0)} ms, ${docs.length} documents`);
const best: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  const time: Record<string, number> = { quotes: 0, times: 0, stances: 0 };
  for (const d of docs) {
    let t = performance.now();
    const people = new People();
    const quotes = extractQuotes(d.passages, people);
    time.quotes! += performance.now() - t;
    t = performance.now();
    for (const p of d.passages) extractTimes(p.text, p.sentences, d.date);
    time.times! += performance.now() - t;
    t = performance.now();
    extractStances(d.passages, quotes, people);
    time.stances! += performance.now() - t;
  }
  for (const [k, v] of Object.entries(time)) best[k] = Math.min(best[k] ?? Infinity, v);
}
console.log(
  Object.entries(best)
    .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
    .join(", "),
);
