// Everything that turns files into entries (the readers, the extractors, chrono-node, the thread
// pool), in one module the engine loader imports only when some file must be (re)extracted.
export { extractEntry } from "../corpus.js";
export { ExtractPool, MIN_POOL_BYTES, poolSize } from "../index/extract-pool.js";
