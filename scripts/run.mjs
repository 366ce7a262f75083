// `node scripts/run.mjs src/cli.ts [args…]` (what `npm start` and `npm run ask` run): runs an entry
// point of src/ from JavaScript compiled once (scripts/compile.mjs), instead of through tsx's
// loader, which costs a start about a second of CPU and the process about 45 MB (its hooks run in
// a thread of their own). If compiling fails for any reason, the entry runs through tsx as before.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compiledCopy, ROOT } from "./compile.mjs";

const entry = process.argv[2];
if (!entry || !entry.startsWith("src/") || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node scripts/run.mjs src/<entry>.ts [args…]\n");
  process.exit(2);
}
process.argv.splice(1, 2, join(ROOT, entry));

let dir = null;
try {
  dir = await compiledCopy(["src"]);
} catch (e) {
  process.stderr.write(`could not compile the sources (${e?.message ?? e}); running them through tsx\n`);
}
if (dir) await import(pathToFileURL(join(dir, entry.replace(/\.ts$/, ".js"))).href);
else {
  (await import("tsx/esm/api")).register();
  await import(pathToFileURL(join(ROOT, entry)).href);
}
