// Compiles folders of TypeScript sources once, file by file, with esbuild (types are only
// stripped; `npm run typecheck` checks them) into node_modules/.cache/compiled/<key>/, where the
// key is made of every source's path, size and time: an edited source makes a new copy. `src` is
// what `npm start` runs (scripts/run.mjs); `src` with `bench` is what the bench's bot-like
// processes run, so they measure the code users run, not tsx's loader.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const OUT = join(ROOT, "node_modules", ".cache", "compiled");
/** Compiled copies of each kind kept besides the newest (a running bot may still import from an older one). */
const KEEP = 3;

/** Every file under `dir` with its path from the root, size and time. */
function listSources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) listSources(path, out);
    else {
      const s = statSync(path);
      out.push([relative(ROOT, path), s.size, s.mtimeMs]);
    }
  }
  return out;
}

/**
 * The directory of a compiled copy of the folders (`src`, or `src` and `bench`), made now if the
 * sources changed since the last one. A copy of `src` and `bench` is named `bench-<key>`, so the
 * bench never prunes the copies a running bot imports from, nor the other way round.
 */
export async function compiledCopy(folders = ["src"]) {
  const sources = folders.flatMap((f) => listSources(join(ROOT, f))).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const prefix = folders.length === 1 && folders[0] === "src" ? "" : `${folders.filter((f) => f !== "src").join("-")}-`;
  const key = createHash("sha256")
    .update(JSON.stringify([process.version, sources]))
    .digest("hex")
    .slice(0, 16);
  const dir = join(OUT, prefix + key);
  if (existsSync(join(dir, "done"))) return dir;
  mkdirSync(OUT, { recursive: true });
  const { build } = await import("esbuild");
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      entryPoints: sources.filter(([f]) => f.endsWith(".ts")).map(([f]) => join(ROOT, f)),
      outdir: tmp,
      outbase: ROOT,
      bundle: false,
      format: "esm",
      platform: "node",
      target: "node20.19",
      logLevel: "silent",
    });
    // Data and plain JavaScript files go as they are (lexicons, the binary reader's worker).
    for (const [f] of sources) if (!f.endsWith(".ts")) cpSync(join(ROOT, f), join(tmp, f));
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
  prune(prefix, key);
  return dir;
}

/** Drops all but the newest KEEP copies of the same kind besides `key`. */
function prune(prefix, key) {
  const own = new RegExp(`^${prefix}[0-9a-f]{16}$`);
  try {
    const old = readdirSync(OUT)
      .filter((name) => name !== prefix + key && own.test(name))
      .map((name) => [name, statSync(join(OUT, name)).mtimeMs])
      .sort((a, b) => b[1] - a[1]);
    for (const [name] of old.slice(KEEP)) rmSync(join(OUT, name), { recursive: true, force: true });
  } catch {
    // nothing to prune
  }
}
