// One table, a column per corpus size, each figure next to the issue's target with ✓/✗. The bench
// reports; it never fails on a target.
import type { Machine } from "./machine.js";
import type { SizeResult } from "./measure.js";
import { round } from "./stats.js";
import { COMMANDS } from "./workload.js";

type Op = "<=" | ">=" | "==";

export interface Row<R = SizeResult> {
  id: string;
  label: string;
  /** One value per cell part (e.g. p50, p95, p99); the check applies to `checked`. */
  values: (r: R) => number[];
  digits?: number;
  target?: { op: Op; value: number; text: string; checked?: number };
  section?: string;
}

const s = (ms: number): number => ms / 1000;
const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

export const ROWS: Row[] = [
  { section: "corpus", id: "documents", label: "documents", values: (r) => [r.corpus.documents], digits: 0 },
  { id: "passages", label: "passages (as the engine cuts them)", values: (r) => [r.corpus.passages], digits: 0 },
  { id: "corpusMB", label: "text on disk (MB)", values: (r) => [r.corpus.bytes / 1048576], digits: 1 },
  { id: "facts", label: "quotes / time expressions / stances extracted", values: (r) => [r.corpus.quotes, r.corpus.times, r.corpus.stances], digits: 0 },
  { section: "indexing", id: "indexWithWrite", label: "index from nothing, incl. cache write (s)", values: (r) => [s(r.indexing.withCacheWriteMs)], digits: 2 },
  {
    id: "mbPerSec",
    label: "  throughput incl. extraction and cache write (MB/s)",
    values: (r) => [r.indexing.mbPerSec],
    digits: 2,
    target: { op: ">=", value: 2, text: "≥ 2" },
  },
  { id: "indexNoWrite", label: "index from nothing, no cache write, fresh process (s)", values: (r) => [s(r.indexing.withoutCacheWriteMs)], digits: 2 },
  {
    id: "mbPerSecNoWrite",
    label: "  throughput without cache write (MB/s)",
    values: (r) => [r.indexing.mbPerSecWithoutCacheWrite],
    digits: 2,
    target: { op: ">=", value: 2, text: "≥ 2" },
  },
  { id: "indexBuild", label: "  of which MiniSearch + vocabulary build (s)", values: (r) => [s(r.indexing.indexBuildMs)], digits: 2 },
  { id: "cacheWrite", label: "  of which cache write (s) / cache size (MB)", values: (r) => [s(r.indexing.cacheWriteMs), r.indexing.cacheMB], digits: 2 },
  {
    section: "cold start",
    id: "coldCache",
    label: "from cache: ready after process start (s)",
    values: (r) => [s(r.coldStart.fromCache.result.readyMs)],
    digits: 2,
    target: { op: "<=", value: 1.5, text: "≤ 1.5" },
  },
  {
    id: "coldCacheParts",
    label: "  boot / imports / loadEngine (s)",
    values: (r) => [s(r.coldStart.fromCache.result.bootMs), s(r.coldStart.fromCache.result.importMs), s(r.coldStart.fromCache.result.loadMs)],
    digits: 2,
  },
  {
    id: "coldCacheExtracted",
    label: "  files re-extracted",
    values: (r) => [r.coldStart.fromCache.result.extracted],
    digits: 0,
    target: { op: "==", value: 0, text: "0" },
  },
  {
    id: "coldCacheIndex",
    label: "  index loaded from cache (1 = yes)",
    values: (r) => [r.coldStart.fromCache.result.indexFromCache ? 1 : 0],
    digits: 0,
    target: { op: "==", value: 1, text: "1" },
  },
  { id: "coldNothing", label: "from nothing: ready after process start (s)", values: (r) => [s(r.coldStart.fromNothing.result.readyMs)], digits: 2 },
  { id: "firstAnswer", label: "first answer after a cached start (ms)", values: (r) => [r.coldStart.fromCache.result.firstAnswerMs], digits: 1 },
  ...COMMANDS.map((c, i): Row => ({
    section: i === 0 ? "answer latency, ms (p50 / p95 / p99)" : undefined,
    id: `latency.${c}`,
    label: c,
    values: (r) => [r.latency.answer[c].p50, r.latency.answer[c].p95, r.latency.answer[c].p99],
    digits: 2,
    target: { op: "<=", value: 20, text: "p99 ≤ 20", checked: 2 },
  })),
  {
    id: "bareDefault",
    label: "bare MiniSearch search(), default options",
    values: (r) => [r.latency.bareDefault.all.p50, r.latency.bareDefault.all.p95, r.latency.bareDefault.all.p99],
    digits: 2,
  },
  {
    id: "bareFuzzy",
    label: "bare MiniSearch search(), fuzzy + prefix as the engine",
    values: (r) => [r.latency.bareFuzzy.all.p50, r.latency.bareFuzzy.all.p95, r.latency.bareFuzzy.all.p99],
    digits: 2,
  },
  ...COMMANDS.map((c, i): Row => ({
    section: i === 0 ? "engine overhead: answer p99 / bare p99 on the same words (vs fuzzy+prefix / vs default)" : undefined,
    id: `overhead.${c}`,
    label: c,
    values: (r) => [ratio(r.latency.answer[c].p99, r.latency.bareFuzzy[c].p99), ratio(r.latency.answer[c].p99, r.latency.bareDefault[c].p99)],
    digits: 2,
    target: { op: "<=", value: 1.5, text: "≤ 1.5×", checked: 0 },
  })),
  {
    section: "memory after load (fresh process, after gc)",
    id: "heap",
    label: "heap used / RSS, loaded from cache (MB)",
    values: (r) => [r.coldStart.fromCache.result.memory.heapUsedMB, r.coldStart.fromCache.result.memory.rssMB],
    digits: 1,
  },
  {
    id: "heapNothing",
    label: "heap used / RSS, loaded from nothing (MB)",
    values: (r) => [r.coldStart.fromNothing.result.memory.heapUsedMB, r.coldStart.fromNothing.result.memory.rssMB],
    digits: 1,
  },
  {
    id: "heapMinisearch",
    label: "MiniSearch alone: heap, index only / with the texts (MB)",
    values: (r) => [r.minisearchOnly.result.memory.heapUsedMB, r.minisearchOnly.result.withTexts.heapUsedMB],
    digits: 1,
  },
  {
    id: "heapRatio",
    label: "heap ratio ours / MiniSearch alone",
    values: (r) => [ratio(r.coldStart.fromCache.result.memory.heapUsedMB, r.minisearchOnly.result.memory.heapUsedMB)],
    digits: 2,
    target: { op: "<=", value: 2, text: "≤ 2×" },
  },
  {
    id: "heapRatioNet",
    label: "  same, net of each process' baseline (modules loaded)",
    values: (r) => [
      ratio(
        r.coldStart.fromCache.result.memory.heapUsedMB - r.coldStart.fromCache.result.baseline.heapUsedMB,
        r.minisearchOnly.result.memory.heapUsedMB - r.minisearchOnly.result.baseline.heapUsedMB,
      ),
    ],
    digits: 2,
  },
  {
    section: "accuracy on the synthetic answer key (%)",
    id: "acc.whoSaid",
    label: "who-said: speaker and cited line",
    values: (r) => [r.accuracy.whoSaid.pct],
    digits: 1,
  },
  { id: "acc.when", label: "when: expression, date and cited line", values: (r) => [r.accuracy.when.pct], digits: 1 },
  { id: "acc.stance", label: "stance: overall polarity", values: (r) => [r.accuracy.stance.pct], digits: 1 },
  { id: "acc.stanceEvidence", label: "  and a proving line among the first three", values: (r) => [r.accuracy.stanceWithEvidence.pct], digits: 1 },
];

export function check<R>(row: Row<R>, values: number[]): boolean | null {
  if (!row.target) return null;
  const v = values[row.target.checked ?? 0]!;
  if (!Number.isFinite(v)) return false;
  const { op, value } = row.target;
  return op === "<=" ? v <= value : op === ">=" ? v >= value : v === value;
}

export function fmt(x: number, digits: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k passages` : `${n} passages`;
}

export function table(results: SizeResult[]): string {
  return renderTable("figure", ROWS, results);
}

/** One column per corpus size, each figure beside its target with ✓/✗. */
export function renderTable<R extends { passagesTarget: number }>(first: string, rows: Array<Row<R>>, results: R[]): string {
  const header = [first, "target", ...results.map((r) => sizeLabel(r.passagesTarget))];
  const lines: string[][] = [];
  for (const row of rows) {
    if (row.section) lines.push([`— ${row.section}`, "", ...results.map(() => "")]);
    lines.push([
      row.label,
      row.target?.text ?? "",
      ...results.map((r) => {
        const v = row.values(r);
        const ok = check(row, v);
        return v.map((x) => fmt(x, row.digits ?? 2)).join(" / ") + (ok === null ? "" : ok ? " ✓" : " ✗");
      }),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const pad = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [pad(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(pad)].join("\n");
}

/** Every figure of the table as id → number(s), with its target check: the JSON a test can read. */
export function figures(r: SizeResult): Record<string, { values: number[]; target?: string; ok?: boolean }> {
  const out: Record<string, { values: number[]; target?: string; ok?: boolean }> = {};
  for (const row of ROWS) {
    const values = row.values(r).map((v) => round(v, 4));
    const ok = check(row, values);
    out[row.id] = { values, ...(row.target ? { target: row.target.text, ok: ok ?? false } : {}) };
  }
  return out;
}

/**
 * What missed, by how much, at the largest size measured: the issue sets its targets at 100k
 * passages, where smaller corpora only hint (a 0.1 ms bare search makes any overhead ratio large).
 */
export function misses(results: SizeResult[]): string[] {
  const out: string[] = [];
  const largest = results.reduce<SizeResult | null>((a, r) => (!a || r.passagesTarget > a.passagesTarget ? r : a), null);
  for (const r of largest ? [largest] : []) {
    for (const row of ROWS) {
      const v = row.values(r);
      if (check(row, v) !== false || !row.target) continue;
      const x = v[row.target.checked ?? 0]!;
      const by = row.target.op === "==" ? "" : ` (${fmt(row.target.op === "<=" ? x / row.target.value : row.target.value / x, 2)}× off)`;
      out.push(`${sizeLabel(r.passagesTarget)}: ${row.label.trim()} = ${fmt(x, row.digits ?? 2)}, target ${row.target.text}${by}`);
    }
  }
  return out;
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores (${m.pinnedCpu === null ? "not pinned" : `pinned to CPU ${m.pinnedCpu}`}), ${m.totalRamGB} GB RAM, Node ${m.node}, ${m.platform}, load average ${m.loadAverage} at start`;
}
