// One extraction thread of the pool (extract-pool.ts): reads and extracts the files it is sent,
// one at a time, and answers each with its entry (or the error) on its own port, then bumps the
// shared counter so a main thread blocked in Atomics.wait wakes up.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { extractEntry } from "../corpus.js";
import type { ExtractJob, ExtractResult } from "./extract-pool.js";

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const counter = new Int32Array(signal);

parentPort!.on("message", (job: ExtractJob) => {
  const warnings: string[] = [];
  let result: ExtractResult;
  try {
    const entry = extractEntry(job.file, { ...(job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {}), onWarning: (w) => warnings.push(w) });
    result = { id: job.id, entry, warnings };
  } catch (e) {
    result = { id: job.id, entry: null, warnings, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(result);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
