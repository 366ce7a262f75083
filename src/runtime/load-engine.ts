// Loading the engine synchronously with the extraction code at hand (scripts, tests, the bot's
// first load). engine-loader.ts is the same without importing the extractors until they are
// needed: what a start from the cache (`npm run ask`) uses.
import { loadEngineWith, type LoadEngineOptions, type Loaded } from "./engine-loader.js";
import * as extraction from "./extraction.js";

export { type FolderState, type LoadEngineOptions, type Loaded, type LoadStats, loadEngineAsync, openEngine } from "./engine-loader.js";

/** Loads synchronously (the command line). */
export function loadEngine(root: string, opts: LoadEngineOptions = {}): Loaded {
  return loadEngineWith(root, opts, extraction);
}
