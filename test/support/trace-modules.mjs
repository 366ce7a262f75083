// `node --import ./test/support/trace-modules.mjs …` with TRACE_MODULES=FILE: appends the URL of
// every module the process loads to FILE, one a line (a loader hook, registered from the main thread).
import { appendFileSync } from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

if (isMainThread && process.env.TRACE_MODULES) register(import.meta.url);

export async function load(url, context, next) {
  if (process.env.TRACE_MODULES && !url.startsWith("node:")) appendFileSync(process.env.TRACE_MODULES, `${url}\n`);
  return next(url, context);
}
