// A bench script as compiled JavaScript (scripts/compile.mjs, the same esbuild transform as the
// copy `npm start` runs), for children that measure the process users run: under tsx a process
// carries its loader too (hooks in a thread of their own, about 45 MB resident).
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compiledCopy, ROOT } from "../scripts/compile.mjs";

/** The compiled counterpart of a .ts file under bench/ (its src/ imports compiled beside it). */
export async function compiledScript(script: string): Promise<string> {
  const rel = relative(ROOT, script);
  if (!rel.startsWith("bench/") || !rel.endsWith(".ts")) throw new Error(`${script} is not a script of bench/`);
  return join(await compiledCopy(["src", "bench"]), rel.replace(/\.ts$/, ".js"));
}

// `npx tsx bench/compiled.ts bench/pg-child.ts` prints the compiled script's path, for running it by hand.
if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  const script = process.argv[2];
  if (!script) throw new Error("usage: npx tsx bench/compiled.ts bench/<script>.ts");
  process.stdout.write(`${await compiledScript(resolve(script))}\n`);
}
