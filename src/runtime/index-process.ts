// The PostgreSQL indexer run as a child process (`npm run index` with --json): the extraction's
// corpus and search index live and die there, so the bot or HTTP process that asked keeps a flat
// memory. The child writes the new generation itself; its NOTIFY reaches every process.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { IndexReport } from "./store-holder.js";

/** Indexes `root` in a child process of the same Node (and loader flags); its log lines go to this process' stderr. */
export function indexInChild(root: string, force: boolean): Promise<IndexReport> {
  // Run from the sources (tsx) or from their compiled copy (scripts/run.mjs): the indexer is of the same kind.
  const script = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../index-main.ts" : "../index-main.js", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, "--knowledge", root, "--json", ...(force ? ["--force"] : [])], {
      stdio: ["ignore", "pipe", "inherit"],
      // The indexer never talks to Discord: it is not given the token.
      env: { ...process.env, DISCORD_TOKEN: "" },
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the indexer stopped with exit code ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as IndexReport);
      } catch {
        reject(new Error("the indexer gave no report"));
      }
    });
  });
}
