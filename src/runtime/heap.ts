// How far V8 lets the heap grow between full collections, in a process that answers from
// PostgreSQL. It holds no index: its live heap stays small (about 25 MB at 100k passages and at
// 1M), and what an answer allocates is garbage at once. On a machine with gigabytes of memory V8
// lets the old generation grow to up to 4× what was live after the last full collection before the
// next one, so the process's resident peak was mostly garbage waiting (~90 MB of it at 100k).
// 1.5× instead: a full collection of a small live heap every few MB promoted, a few ms each,
// mostly off the main thread (the bench saw no difference in CPU or latency; README, PostgreSQL).
import { setFlagsFromString } from "node:v8";

/** Old-generation growth allowed over the live size after a full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = "--heap-growing-percent";

/**
 * Caps the heap's growth for the rest of the process (V8 reads the flag at each full collection),
 * unless node was started with the flag already: then that choice stands. Returns the flag set, or null.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): string | null {
  if (execArgv.some((a) => a === FLAG || a.startsWith(`${FLAG}=`) || a.startsWith("--heap_growing_percent"))) return null;
  const flag = `${FLAG}=${HEAP_GROWING_PERCENT}`;
  setFlagsFromString(flag);
  return flag;
}
