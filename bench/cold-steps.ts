// `npx tsx bench/cold-steps.ts --root DIR --cache DIR`: where a cold start from the cache spends its
// time, step by step (imports, reading the cache, assembling the corpus, the search index, the
// store, the first answer), with the heap after each. Run with --expose-gc for the heap figures.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { root: { type: "string" }, cache: { type: "string" } } });
if (!values.root || !values.cache) throw new Error("usage: bench/cold-steps.ts --root DIR --cache DIR");
const root = values.root;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = (): string => {
  gc?.();
  return `${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB heap, ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB rss`;
};
let t = performance.now();
const step = (name: string): void => {
  const now = performance.now();
  process.stdout.write(`${name.padEnd(22)} ${(now - t).toFixed(0).padStart(6)} ms   ${heapMB()}\n`);
  t = performance.now();
};
step("process start → here");
const { cachePath, readCache } = await import("../src/index/cache.js");
const { assembleCorpus } = await import("../src/corpus-assemble.js");
const { SearchIndex } = await import("../src/index/search-index.js");
const { EmbeddedEngine: Engine } = await import("../src/runtime/embedded-engine.js");
const { answer } = await import("../src/answer/dispatch.js");
step("imports");
const read = readCache(cachePath(values.cache, root), root);
if (!read.ok) throw new Error(`no usable cache: ${read.reason}`);
step("read the cache");
const corpus = assembleCorpus(root, read.data.entries);
step("assemble the corpus");
const index = SearchIndex.fromStored(read.data.index);
step("search index");
const engine = new Engine(corpus, index);
step("engine and store");
await answer(engine, { command: "who-said", query: "the first question after start" });
step("first answer");
process.stdout.write(`${corpus.documents.length} documents, ${corpus.passages.length} passages\n`);
