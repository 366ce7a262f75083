// `node scripts/run.mjs src/cli.ts [args…]` (what `npm start` and `npm run ask` run): runs an entry
// point of src/ from JavaScript compiled once, instead of through tsx's loader, which costs a start
// about a second of CPU. The sources are compiled file by file with esbuild (types are only
// stripped; `npm run typecheck` checks them) into node_modules/.cache/compiled/<key>/, where the
// key is made of every source's path, size and time: an edited source makes a new copy on the
// next start. If compiling fails for any reason, the entry runs through tsx as before.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const OUT = join(ROOT, "node_modules", ".cache", "compiled");
/** Compiled copies kept besides the newest (a running bot may still import from an older one). */
const KEEP = 3;

const entry = process.argv[2];
if (!entry || !entry.startsWith("src/") || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node scripts/run.mjs src/<entry>.ts [args…]\n");
  process.exit(2);
}
process.argv.splice(1, 2, join(ROOT, entry));

/** Every file under src/ with its size and time. */
function listSources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) listSources(path, out);
    else {
      const s = statSync(path);
      out.push([relative(SRC, path), s.size, s.mtimeMs]);
    }
  }
  return out;
}

async function compiled() {
  const sources = listSources(SRC).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const key = createHash("sha256")
    .update(JSON.stringify([process.version, sources]))
    .digest("hex")
    .slice(0, 16);
  const dir = join(OUT, key);
  if (existsSync(join(dir, "done"))) return dir;
  const { build } = await import("esbuild");
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      entryPoints: sources.filter(([f]) => f.endsWith(".ts")).map(([f]) => join(SRC, f)),
      outdir: join(tmp, "src"),
      outbase: SRC,
      bundle: false,
      format: "esm",
      platform: "node",
      target: "node20.19",
      logLevel: "silent",
    });
    // Data and plain JavaScript files go as they are (lexicons, the binary reader's worker).
    for (const [f] of sources) if (!f.endsWith(".ts")) cpSync(join(SRC, f), join(tmp, "src", f));
    // Where the sources are: the index cache fingerprints the extraction code by them (src/index/cache.ts).
    writeFileSync(join(tmp, "source.json"), JSON.stringify({ src: SRC }));
    writeFileSync(join(tmp, "done"), "");
    try {
      renameSync(tmp, dir);
    } catch {
      // another start compiled the same sources first: use its copy
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  prune(key);
  return dir;
}

/** Drops all but the newest KEEP copies besides `key`. */
function prune(key) {
  try {
    const old = readdirSync(OUT)
      .filter((name) => name !== key && /^[0-9a-f]{16}$/.test(name))
      .map((name) => [name, statSync(join(OUT, name)).mtimeMs])
      .sort((a, b) => b[1] - a[1]);
    for (const [name] of old.slice(KEEP)) rmSync(join(OUT, name), { recursive: true, force: true });
  } catch {
    // nothing to prune
  }
}

let dir = null;
try {
  mkdirSync(OUT, { recursive: true });
  dir = await compiled();
} catch (e) {
  process.stderr.write(`could not compile the sources (${e?.message ?? e}); running them through tsx\n`);
}
if (dir) await import(pathToFileURL(join(dir, entry.replace(/\.ts$/, ".js"))).href);
else {
  (await import("tsx/esm/api")).register();
  await import(pathToFileURL(join(ROOT, entry)).href);
}
