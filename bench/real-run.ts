// `npm run bench -- --corpus real`: the real-text bench's loop over sizes, its table and results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname } from "node:path";
import type { Machine } from "./machine.js";
import { measureReal, type RealResult } from "./real-measure.js";
import { realFigures, realMisses, realTable } from "./real-report.js";
import { machineLine } from "./report.js";

export interface RealRunOptions {
  sizes: number[];
  queries: number;
  seed: string;
  out: string;
  root: string;
  shared: string;
  machine: Machine;
  log: (message: string) => void;
}

export async function runReal(o: RealRunOptions): Promise<number> {
  const results: RealResult[] = [];
  for (const passages of o.sizes) {
    results.push(await measureReal({ passages, seed: o.seed, queries: o.queries, root: o.root, shared: o.shared, log: o.log }));
  }
  const missed = realMisses(results);
  const out = [
    `Machine: ${machineLine(o.machine)}, ${loadavg()[0]!.toFixed(2)} at end; ${o.queries} queries per size, seed ${o.seed}`,
    "",
    realTable(results),
    "",
    ...(missed.length
      ? ["Targets missed at the largest size, and where the tail is:", ...missed.map((x) => `  ${x}`)]
      : ["All targets met at the largest size."]),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  const json = {
    corpus: "real",
    machine: { ...o.machine, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100 },
    options: { sizes: o.sizes, queries: o.queries, seed: o.seed },
    date: new Date().toISOString(),
    sizes: results.map((r) => ({ passages: r.passagesTarget, figures: realFigures(r), details: r })),
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(json, null, 1)}\n`);
  o.log(`wrote ${o.out}`);
  return 0;
}
