// A process whose live heap stays small while it makes garbage that lives long enough to be
// promoted (like answers awaiting the database), printing the largest heap it reached (MB).
// `limit` as the argument: with limitHeapGrowth (src/runtime/heap.ts) first.
import { limitHeapGrowth } from "../../src/runtime/heap.js";

if (process.argv[2] === "limit") limitHeapGrowth([]);
const live: Array<Array<{ i: number; j: number; text: string }>> = [];
let peak = 0;
for (let i = 0; i < 300; i++) {
  const batch = [];
  for (let j = 0; j < 20_000; j++) batch.push({ i, j, text: `item ${i} ${j}` });
  live.push(batch);
  if (live.length > 8) live.shift();
  await new Promise((resolve) => setImmediate(resolve));
  peak = Math.max(peak, process.memoryUsage().heapTotal);
}
process.stdout.write(`${peak / 1048576}\n`);
