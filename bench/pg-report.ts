// The store comparison table (`--store embedded,postgres`): a column per size and store, the
// figures issue #10 asks for side by side. Embedded columns come from the full embedded bench, or
// at sizes past --embedded-max from a bounded attempt to load the corpus at all.
import type { SizeResult } from "./measure.js";
import type { PgSizeResult } from "./pg-measure.js";
import type { ChildRun, LoadResult } from "./procs.js";
import { COMMANDS } from "./workload.js";

/** A bounded fresh-process load of a corpus too large for the full embedded bench. */
export interface EmbeddedAttempt {
  store: "embedded-attempt";
  passagesTarget: number;
  heapLimitMB: number;
  timeoutMin: number;
  run: ChildRun<LoadResult> | null;
  /** Why it did not finish (heap exhausted, timed out), when it did not. */
  failure: string | null;
  wallMs: number;
}

export type StoreColumn = ({ store: "embedded" } & SizeResult) | PgSizeResult | EmbeddedAttempt;

interface Row {
  section?: string;
  label: string;
  target?: string;
  /** Values of the cell, or null when the figure does not apply to this column. */
  cell: (c: StoreColumn) => number[] | null;
  digits: number;
  ok?: (v: number[]) => boolean;
}

const mb = (bytes: number): number => bytes / 1048576;

const ROWS: Row[] = [
  {
    section: "corpus",
    label: "passages served",
    digits: 0,
    cell: (c) => [c.store === "postgres" ? c.passagesServed : c.store === "embedded" ? c.corpus.passages : c.run ? c.run.result.passages : NaN],
  },
  { label: "text indexed (MB)", digits: 1, cell: (c) => (c.store === "embedded-attempt" ? null : [mb(c.corpus.bytes)]) },
  {
    section: "indexing from nothing (extraction included, fresh process)",
    label: "time (s)",
    digits: 1,
    cell: (c) =>
      c.store === "postgres"
        ? [c.indexing.ms / 1000]
        : c.store === "embedded"
          ? [c.indexing.withoutCacheWriteMs / 1000]
          : c.run
            ? [c.run.result.loadMs / 1000]
            : null,
  },
  {
    label: "throughput (MB/s)",
    digits: 2,
    cell: (c) => (c.store === "postgres" ? [c.indexing.mbPerSec] : c.store === "embedded" ? [c.indexing.mbPerSecWithoutCacheWrite] : null),
  },
  {
    label: "throughput (passages/s)",
    digits: 0,
    cell: (c) =>
      c.store === "postgres" ? [c.indexing.passagesPerSec] : c.store === "embedded" ? [c.corpus.passages / (c.indexing.withoutCacheWriteMs / 1000)] : null,
  },
  { label: "indexer peak RSS (MB)", digits: 0, cell: (c) => (c.store === "postgres" ? [c.indexing.peakRssMB] : null) },
  { label: "rows copied to reach the size, in SQL (s)", digits: 1, cell: (c) => (c.store === "postgres" && c.copyMs !== null ? [c.copyMs / 1000] : null) },
  { label: "database size (MB)", digits: 0, cell: (c) => (c.store === "postgres" ? [c.databaseMB] : null) },
  ...COMMANDS.map((cmd, i): Row => ({
    section: i === 0 ? "answer latency, ms (p50 / p95 / p99)" : undefined,
    label: cmd,
    target: "p99 ≤ 50",
    digits: 1,
    cell: (c) => {
      const l = c.store === "postgres" ? c.answering.latency.answer[cmd] : c.store === "embedded" ? c.latency.answer[cmd] : null;
      return l ? [l.p50, l.p95, l.p99] : null;
    },
    ok: (v) => v[2]! <= 50,
  })),
  {
    section: "answering process (bot-like)",
    label: "RSS: peak answering the workload / with the key judged (postgres); after load (embedded), MB",
    target: "≤ 200",
    digits: 0,
    cell: (c) =>
      c.store === "postgres"
        ? [c.answering.workloadPeakRssMB ?? c.answering.peakRssMB, c.answering.peakRssMB]
        : c.store === "embedded"
          ? [c.coldStart.fromCache.result.memory.rssMB]
          : c.run
            ? [c.run.result.memory.rssMB]
            : null,
    ok: (v) => v[0]! <= 200,
  },
  {
    label: "heap used (MB)",
    digits: 0,
    cell: (c) =>
      c.store === "postgres"
        ? [c.answering.heapUsedMB]
        : c.store === "embedded"
          ? [c.coldStart.fromCache.result.memory.heapUsedMB]
          : c.run
            ? [c.run.result.memory.heapUsedMB]
            : null,
  },
  {
    section: "accuracy on the answer key (%)",
    label: "who-said / when / stance",
    digits: 1,
    cell: (c) => {
      const a = c.store === "postgres" ? c.answering.accuracy : c.store === "embedded" ? c.accuracy : null;
      return a ? [a.whoSaid.pct, a.when.pct, a.stance.pct] : null;
    },
  },
];

function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a";
}

export function columnLabel(c: StoreColumn): string {
  const n = c.passagesTarget;
  const size = n >= 1e6 && n % 1e5 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
  if (c.store === "postgres") return `${size} postgres${c.copies > 1 ? ` (${c.copies}× copies)` : ""}`;
  return `${size} embedded`;
}

export function storeTable(cols: StoreColumn[]): string {
  const header = ["figure", "target", ...cols.map(columnLabel)];
  const lines: string[][] = [];
  for (const row of ROWS) {
    if (row.section) lines.push([`— ${row.section}`, "", ...cols.map(() => "")]);
    lines.push([
      row.label,
      row.target ?? "",
      ...cols.map((c) => {
        const v = row.cell(c);
        if (!v) return "–";
        return v.map((x) => fmt(x, row.digits)).join(" / ") + (row.ok ? (row.ok(v) ? " ✓" : " ✗") : "");
      }),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const pad = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [pad(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(pad)].join("\n");
}

/** What the table cannot say: how each embedded attempt ended, and what the copies mean. */
export function storeNotes(cols: StoreColumn[]): string[] {
  const out: string[] = [];
  for (const c of cols) {
    if (c.store === "embedded-attempt") {
      out.push(
        c.failure
          ? `${columnLabel(c)}: a fresh process loading the corpus from nothing (heap limit ${c.heapLimitMB} MB, ${c.timeoutMin} min) did not finish after ${(c.wallMs / 1000).toFixed(0)} s: ${c.failure}`
          : `${columnLabel(c)}: loaded from nothing in a fresh process in ${(c.wallMs / 1000).toFixed(0)} s (heap limit ${c.heapLimitMB} MB); latency and accuracy not measured at this size`,
      );
    }
    if (c.store === "postgres" && c.copies === 1) {
      out.push(
        `${columnLabel(c)}: the indexer ran with a heap limit of ${c.indexing.heapLimitMB} MB (--pg-index-heap; default three quarters of the memory available)`,
      );
    }
    if (c.store === "postgres" && c.copies > 1) {
      out.push(
        `${columnLabel(c)}: the real indexer wrote ${c.corpus.passages} passages; their rows were then copied in SQL to ${c.passagesServed} (new ids and file names, word counts scaled); accuracy is not judged on copies`,
      );
    }
  }
  return out;
}
