// The real-text bench's table: the figures issue #11 asks for, a column per corpus size, each
// next to its target with ✓/✗, and bare MiniSearch over the same passages beside ours.
import type { RealResult } from "./real-measure.js";
import { check, fmt, renderTable, type Row, sizeLabel } from "./report.js";
import { round } from "./stats.js";
import { COMMANDS } from "./workload.js";

type RealRow = Row<RealResult>;

const s = (ms: number): number => ms / 1000;

export const REAL_ROWS: RealRow[] = [
  { section: "corpus", id: "documents", label: "documents / copies of the sources", values: (r) => [r.corpus.documents, r.corpus.manifest.copies], digits: 0 },
  { id: "passages", label: "passages (as the engine cuts them)", values: (r) => [r.corpus.passages], digits: 0 },
  { id: "corpusMB", label: "text on disk (MB)", values: (r) => [r.corpus.bytes / 1048576], digits: 1 },
  { id: "facts", label: "quotes / time expressions / stances", values: (r) => [r.corpus.quotes, r.corpus.times, r.corpus.stances], digits: 0 },
  ...COMMANDS.map((c, i): RealRow => ({
    section: i === 0 ? "answer latency, ms, p50 / p99 (fastest of the passes)" : undefined,
    id: `latency.${c}`,
    label: c,
    values: (r) => [r.latency.answer[c].p50, r.latency.answer[c].p99],
    digits: 2,
    target: { op: "<=", value: 20, text: "p99 ≤ 20", checked: 1 },
  })),
  ...COMMANDS.map((c): RealRow => ({
    id: `latency.${c}.p50`,
    label: `  ${c} p50`,
    values: (r) => [r.latency.answer[c].p50],
    digits: 2,
    target: { op: "<=", value: 2, text: "≤ 2" },
  })),
  {
    id: "bareFuzzy",
    label: "bare MiniSearch search(), fuzzy + prefix as the engine",
    values: (r) => [r.latency.bareFuzzy.all.p50, r.latency.bareFuzzy.all.p99],
    digits: 2,
  },
  {
    id: "bareDefault",
    label: "bare MiniSearch search(), default options",
    values: (r) => [r.latency.bareDefault.all.p50, r.latency.bareDefault.all.p99],
    digits: 2,
  },
  {
    section: "cold start from the cache, whole process, median",
    id: "coldWall",
    label: "npm run ask, spawn to exit, one question answered (s)",
    values: (r) => [s(r.ask.wallMs)],
    digits: 2,
    target: { op: "<=", value: 1.5, text: "≤ 1.5" },
  },
  { id: "coldChild", label: "  the bench's load child (under tsx), spawn to exit (s)", values: (r) => [s(r.coldStart.wallMs)], digits: 2 },
  { id: "coldReady", label: "  its ready to answer after process start (s)", values: (r) => [s(r.coldStart.readyMs)], digits: 2 },
  {
    section: "memory (MB)",
    id: "rssCold",
    label: "peak RSS of that cold start (npm run ask)",
    values: (r) => [r.ask.peakRssMB],
    digits: 0,
    target: { op: "<=", value: 400, text: "≤ 400" },
  },
  {
    id: "rssFirst",
    label: "peak RSS of the first run (writes the cache)",
    values: (r) => [r.firstRun.result.peakRssMB ?? NaN],
    digits: 0,
    target: { op: "<=", value: 600, text: "≤ 600" },
  },
  {
    id: "heap",
    label: "heap after load from the cache (after gc)",
    values: (r) => [r.coldStart.heapUsedMB],
    digits: 0,
    target: { op: "<=", value: 250, text: "≤ 250" },
  },
  {
    id: "heapMinisearch",
    label: "bare MiniSearch: heap, index / with texts; peak RSS",
    values: (r) => [r.minisearch.result.memory.heapUsedMB, r.minisearch.result.withTexts.heapUsedMB, r.minisearch.result.peakRssMB ?? NaN],
    digits: 0,
  },
  {
    section: "indexing from nothing",
    id: "mbPerSec",
    label: "extraction, index and cache write (MB/s)",
    values: (r) => [r.indexing.mbPerSec],
    digits: 2,
    target: { op: ">=", value: 2, text: "≥ 2" },
  },
  { id: "indexSeconds", label: "  time (s)", values: (r) => [s(r.indexing.ms)], digits: 1 },
  { id: "bareIndex", label: "bare MiniSearch addAll over the passages (MB/s)", values: (r) => [r.indexing.bareMiniSearchMbPerSec], digits: 2 },
];

export function realTable(results: RealResult[]): string {
  return renderTable("figure (real text)", REAL_ROWS, results);
}

/** Every figure as id → values with its target check, for bench/results.json. */
export function realFigures(r: RealResult): Record<string, { values: number[]; target?: string; ok?: boolean }> {
  const out: Record<string, { values: number[]; target?: string; ok?: boolean }> = {};
  for (const row of REAL_ROWS) {
    const values = row.values(r).map((v) => round(v, 4));
    out[row.id] = { values, ...(row.target ? { target: row.target.text, ok: check(row, values) ?? false } : {}) };
  }
  return out;
}

/** The misses at the largest size, with the slowest variant per command (where the tail comes from). */
export function realMisses(results: RealResult[]): string[] {
  const largest = results.reduce<RealResult | null>((a, r) => (!a || r.passagesTarget > a.passagesTarget ? r : a), null);
  if (!largest) return [];
  const out: string[] = [];
  for (const row of REAL_ROWS) {
    const v = row.values(largest);
    if (check(row, v) !== false) continue;
    out.push(`${sizeLabel(largest.passagesTarget)}: ${row.label.trim()} = ${fmt(v[row.target!.checked ?? 0]!, row.digits ?? 2)}, target ${row.target!.text}`);
  }
  for (const [k, v] of Object.entries(largest.latency.byVariant)) out.push(`  p99 by variant ${k}: ${fmt(v.p99, 2)} ms (n ${v.n})`);
  return out;
}
