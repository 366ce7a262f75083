// A process answering from PostgreSQL holds no index; limitHeapGrowth keeps V8 from letting its
// garbage pile up to several times the live heap before a full collection.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from "../src/runtime/heap.js";

/** The largest heap the churning process reached (MB), as on a machine with 4 GB for the heap. */
function churnPeakMB(limit: boolean): number {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--max-old-space-size=4096", "test/support/heap-churn.ts", ...(limit ? ["limit"] : [])], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
    timeout: 110_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim());
}

describe("limitHeapGrowth", { timeout: 240_000 }, () => {
  it("sets the growth flag, unless node was started with one", () => {
    expect(limitHeapGrowth(["--heap-growing-percent=80"])).toBeNull();
    expect(limitHeapGrowth(["--stack-size=900"])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it("keeps the heap of a process with a small live set well below what V8 lets it grow to", () => {
    const unlimited = churnPeakMB(false);
    const limited = churnPeakMB(true);
    // The same garbage, the same live data: only how long V8 waits before collecting differs.
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(unlimited * 0.8);
  });
});
