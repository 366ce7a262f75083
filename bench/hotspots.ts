// Self time per function from a V8 .cpuprofile (node --cpu-prof): where a phase spends its time,
// by function and by area (a src/ file, an npm package, Node internals, the garbage collector).
import { readFileSync } from "node:fs";

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  where: string;
  area: string;
  selfMs: number;
  share: number;
}

/** The part of a script URL worth printing: src/…, bench/…, or the npm package. */
function areaOf(url: string, functionName: string): { where: string; area: string } {
  if (!url) return { where: "", area: functionName.startsWith("(") ? functionName : "(native)" };
  const path = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return { where: `${pkg[1]}/${pkg[2]}`, area: pkg[1]! };
  const own = /\/((?:src|bench|commands)\/.*)$/.exec(path);
  if (own) return { where: own[1]!, area: own[1]! };
  if (path.startsWith("node:")) return { where: path, area: "(node internals)" };
  return { where: path, area: path };
}

export interface Hotspots {
  totalMs: number;
  functions: Hotspot[];
  areas: Array<{ area: string; selfMs: number; share: number }>;
  /** src/ functions with the time spent in them and everything they call (where MiniSearch time comes from). */
  inclusive: Array<{ name: string; where: string; totalMs: number; share: number }>;
}

export function hotspots(path: string): Hotspots {
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((s, x) => s + x, 0);
  const byFn = new Map<string, Hotspot>();
  const byArea = new Map<string, number>();
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms) continue;
    const { where, area } = areaOf(n.callFrame.url, n.callFrame.functionName);
    const name = n.callFrame.functionName || "(anonymous)";
    // Line numbers of files the TypeScript loader compiled are of its output, not the source: left out.
    const loc = where && !/\.ts$/.test(where) ? `${where}:${n.callFrame.lineNumber + 1}` : where;
    const k = `${name} ${loc}`;
    const h = byFn.get(k) ?? { name, where: loc, area, selfMs: 0, share: 0 };
    h.selfMs += ms;
    byFn.set(k, h);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
  }
  const functions = [...byFn.values()].map((h) => ({ ...h, share: h.selfMs / totalMs })).sort((a, b) => b.selfMs - a.selfMs);
  const areas = [...byArea.entries()].map(([area, selfMs]) => ({ area, selfMs, share: selfMs / totalMs })).sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs, functions, areas, inclusive: inclusiveSrc(p, self, totalMs) };
}

/** Time in each src/ function including its callees, counted once per call path (not twice under recursion). */
function inclusiveSrc(p: CpuProfile, self: Map<number, number>, totalMs: number): Hotspots["inclusive"] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const childIds = new Set(p.nodes.flatMap((n) => n.children ?? []));
  const totals = new Map<string, { name: string; where: string; totalMs: number }>();
  const walk = (id: number, open: Set<string>): number => {
    const n = byId.get(id)!;
    const { where } = areaOf(n.callFrame.url, n.callFrame.functionName);
    const key = where.startsWith("src/") ? `${n.callFrame.functionName || "(anonymous)"} ${where}` : null;
    const fresh = key !== null && !open.has(key);
    if (fresh) open.add(key);
    let ms = self.get(id) ?? 0;
    for (const c of n.children ?? []) ms += walk(c, open);
    if (fresh) {
      open.delete(key);
      const t = totals.get(key) ?? { name: n.callFrame.functionName || "(anonymous)", where, totalMs: 0 };
      t.totalMs += ms;
      totals.set(key, t);
    }
    return ms;
  };
  for (const n of p.nodes) if (!childIds.has(n.id)) walk(n.id, new Set());
  return [...totals.values()].map((t) => ({ ...t, share: t.totalMs / totalMs })).sort((a, b) => b.totalMs - a.totalMs);
}

/** A short printable summary: the top areas, the top functions, and the top functions in src/. */
export function describe(path: string, top = 12): string {
  const h = hotspots(path);
  const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;
  const ms = (x: number): string => `${x.toFixed(0).padStart(7)} ms`;
  const lines = [`${h.totalMs.toFixed(0)} ms sampled`, "by area:"];
  for (const a of h.areas.slice(0, top)) lines.push(`  ${pct(a.share)} ${ms(a.selfMs)}  ${a.area}`);
  lines.push("by function (self time):");
  for (const f of h.functions.slice(0, top)) lines.push(`  ${pct(f.share)} ${ms(f.selfMs)}  ${f.name}  ${f.where}`);
  // Regular expressions run as native code: they show up by pattern, which says whose they are.
  lines.push("native (regular expressions by pattern, builtins):");
  for (const f of h.functions.filter((x) => x.area === "(native)").slice(0, 6))
    lines.push(`  ${pct(f.share)} ${ms(f.selfMs)}  ${f.name.length > 90 ? `${f.name.slice(0, 90)}…` : f.name}`);
  lines.push("in src/ (self time):");
  for (const f of h.functions.filter((x) => x.where.startsWith("src/")).slice(0, top)) lines.push(`  ${pct(f.share)} ${ms(f.selfMs)}  ${f.name}  ${f.where}`);
  lines.push("in src/ (with callees):");
  for (const f of h.inclusive.slice(0, top)) lines.push(`  ${pct(f.share)} ${ms(f.totalMs)}  ${f.name}  ${f.where}`);
  return lines.join("\n");
}
