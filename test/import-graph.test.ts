// The import graph of src/ and commands/: no cycles (type-only imports count too), and no arrow
// from a lower layer up. Data flows one way: text → documents → facts → index → store → answers →
// runtime → renderers → transports (bot, HTTP) → entry points.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..");

/** Lowest first. A module may import its own layer or any below it. */
const LAYERS: Array<[number, RegExp]> = [
  [0, /^src\/(text\/|log\.ts$)/],
  [1, /^src\/(types|config)\.ts$/],
  [2, /^src\/knowledge\//],
  [3, /^src\/extract\//],
  [4, /^src\/corpus(-assemble)?\.ts$/],
  [5, /^src\/index\//],
  [6, /^src\/store\//],
  [7, /^src\/answer\//],
  // The runtime wires a store to the answers: which store, loading, reloading.
  [8, /^src\/(runtime\/|live-reload\.ts$)/],
  [9, /^src\/(render\/|help\.ts$|feedback\/(?!main\.ts$))/],
  // The shard plan and strategy are the bot client's own options (leaves); starting shards is above the bot.
  [10, /^(src\/bot\/(?!deploy\.ts$)|commands\/|src\/shard\/(plan|strategy|gateway-info)\.ts$)/],
  [11, /^src\/(http|shard)\/(?!main\.ts$)/],
  // Entry points: what `npm start`, `npm run ask` and the other scripts run.
  [12, /^src\/(main|cli|repl|index-main)\.ts$|^src\/(http|feedback)\/main\.ts$|^src\/bot\/deploy\.ts$/],
];

export function layerOf(file: string): number {
  for (const [rank, re] of LAYERS) if (re.test(file)) return rank;
  throw new Error(`no layer for ${file}: add it to LAYERS`);
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** file → the project files it imports (relative specifiers only; JSON lexicons are data, not modules). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), "utf8");
    const deps: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith(".") || spec.endsWith(".json")) continue;
      deps.push(relative(ROOT, normalize(join(ROOT, dirname(f), spec.replace(/\.js$/, ".ts")))));
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Every cycle's files (strongly connected components of more than one file, or a self-import). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("the import graph", () => {
  const graph = importGraph([...sources("src"), ...sources("commands")]);

  it("reads every module and its imports", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("src/answer/who-said.ts")).toContain("src/answer/match.ts");
  });

  it("has no cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no arrow from a lower layer up", () => {
    const upward: string[] = [];
    for (const [from, deps] of graph) for (const to of deps) if (graph.has(to) && layerOf(to) > layerOf(from)) upward.push(`${from} → ${to}`);
    expect(upward).toEqual([]);
  });

  it("keeps the answers off MiniSearch, SQL and the runtime", () => {
    const answers = [...graph.keys()].filter((f) => layerOf(f) === 7);
    expect(answers.length).toBeGreaterThan(10);
    for (const f of answers) {
      const text = readFileSync(join(ROOT, f), "utf8");
      expect(text, f).not.toMatch(/from\s+["'](minisearch|pg|@electric-sql\/pglite)/);
      expect(text, f).not.toMatch(/store\/embedded|store\/postgres/);
    }
  });

  it("finds a cycle and an upward arrow when there is one", () => {
    const bad = new Map([
      ["src/answer/a.ts", ["src/answer/b.ts"]],
      ["src/answer/b.ts", ["src/answer/a.ts"]],
      ["src/text/c.ts", []],
    ]);
    expect(cycles(bad)).toEqual([["src/answer/a.ts", "src/answer/b.ts"]]);
    expect(cycles(new Map([["src/text/c.ts", []]]))).toEqual([]);
    expect(layerOf("src/text/c.ts")).toBeLessThan(layerOf("src/answer/a.ts"));
  });
});
