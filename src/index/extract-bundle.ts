// The extraction thread as one plain JavaScript file, so that a thread of the pool starts in a
// fraction of a second: run from the TypeScript sources, every thread would otherwise start tsx
// and have it transform each of the ~50 modules and their packages anew. Built with esbuild (tsx's
// own transformer, so the code is the same) on first use into the project's .cache, and reused
// while none of its inputs changed (size and mtime of each, as esbuild's metafile lists them).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("./extract-worker.ts", import.meta.url));
const MANIFEST = "extract-worker.json";
const BINARY = "src/knowledge/readers/binary.ts";

interface Manifest {
  esbuild: string;
  bundle: string;
  /** Each input (relative to the project) with its size and mtime when the bundle was built. */
  inputs: Record<string, [size: number, mtimeMs: number]>;
}

type Esbuild = typeof import("esbuild");

/** Size and mtime of a file, or null when it is gone. */
function stamp(path: string): [number, number] | null {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

/** The bundle of the manifest in `dir` when it is still current. */
function current(dir: string, version: string): string | null {
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return null;
  }
  if (m.esbuild !== version || !/^extract-worker-[0-9a-f]{16}\.mjs$/.test(m.bundle) || !stamp(join(dir, m.bundle))) return null;
  for (const [input, [size, mtimeMs]] of Object.entries(m.inputs)) {
    const s = stamp(join(ROOT, input));
    if (!s || s[0] !== size || s[1] !== mtimeMs) return null;
  }
  return join(dir, m.bundle);
}

/**
 * The path of the bundled extraction thread (built now when missing or stale), or a reason it
 * cannot be had (no esbuild, a read-only folder, a build error): the pool then starts its threads
 * through tsx instead. `dir` must be inside the project, whose node_modules the bundle imports
 * synckit from.
 */
export function extractWorkerBundle(dir = join(ROOT, ".cache")): { path: string } | { error: string } {
  let esbuild: Esbuild;
  try {
    // tsx's own esbuild (a dependency of tsx, not of the project): the transformer the sources run through.
    const require = createRequire(import.meta.url);
    esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild") as Esbuild;
  } catch (e) {
    return { error: `esbuild not found (${(e as Error).message.split("\n")[0]})` };
  }
  try {
    const ready = current(dir, esbuild.version);
    if (ready) return { path: ready };
    const built = esbuild.buildSync({
      entryPoints: [ENTRY],
      absWorkingDir: ROOT,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent",
      // Packages written as CommonJS call require(): give the module one.
      banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
      // In a bundle every module's import.meta.url is the bundle's: the one module that locates a
      // file by it (the PDF and Word reader's worker) keeps its own, and synckit, which starts
      // that worker and finds its own files the same way, stays a package of its own.
      define: { "import.meta.url": JSON.stringify(pathToFileURL(join(ROOT, BINARY)).href) },
      external: ["synckit"],
    });
    const code = built.outputFiles[0]!.contents;
    const inputs: Manifest["inputs"] = {};
    for (const input of Object.keys(built.metafile.inputs)) {
      const s = stamp(join(ROOT, input));
      if (!s) return { error: `bundle input ${input} not found` };
      if (input !== BINARY && readFileSync(join(ROOT, input), "utf8").includes("import.meta.url")) return { error: `${input} uses import.meta.url` };
      inputs[input] = s;
    }
    const bundle = `extract-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
    mkdirSync(dir, { recursive: true });
    // Written under temporary names and renamed, so a process starting at the same time never reads half a file.
    const tmp = `.${process.pid}-${Date.now()}`;
    writeFileSync(join(dir, bundle + tmp), code);
    renameSync(join(dir, bundle + tmp), join(dir, bundle));
    const previous = (() => {
      try {
        return (JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest).bundle;
      } catch {
        return null;
      }
    })();
    const manifest: Manifest = { esbuild: esbuild.version, bundle, inputs };
    writeFileSync(join(dir, MANIFEST + tmp), JSON.stringify(manifest));
    renameSync(join(dir, MANIFEST + tmp), join(dir, MANIFEST));
    if (previous && previous !== bundle && /^extract-worker-[0-9a-f]{16}\.mjs$/.test(previous)) rmSync(join(dir, previous), { force: true });
    return { path: join(dir, bundle) };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] ?? "bundle failed" };
  }
}
