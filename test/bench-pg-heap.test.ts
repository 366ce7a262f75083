// bench/pg-measure.ts: the indexer child's heap limit is sized from the memory available, so a
// corpus bigger than V8's default heap holds (a little past 1M passages) can be indexed; never
// below that default.
import { describe, expect, it } from "vitest";
import { indexHeapMB, V8_DEFAULT_HEAP_MB } from "../bench/pg-measure.js";
import { storeNotes } from "../bench/pg-report.js";
import type { PgSizeResult } from "../bench/pg-measure.js";
import { memoryPhases } from "../bench/procs.js";

const GB = 1024 ** 3;

describe("the PostgreSQL bench's indexer heap", () => {
  it("is three quarters of the memory available", () => {
    expect(indexHeapMB(22 * GB)).toBe(16896);
    expect(indexHeapMB(16 * GB)).toBe(12288);
  });

  it("is never below V8's default", () => {
    expect(indexHeapMB(2 * GB)).toBe(V8_DEFAULT_HEAP_MB);
    expect(indexHeapMB(0)).toBe(V8_DEFAULT_HEAP_MB);
  });

  it("is said under the table", () => {
    const col = { store: "postgres", passagesTarget: 1000, copies: 1, indexing: { heapLimitMB: 16896 } } as unknown as PgSizeResult;
    expect(storeNotes([col]).join("\n")).toMatch(/heap limit of 16896 MB/);
  });
});

describe("the indexer's memory at its progress messages", () => {
  it("notes the process' memory at each message, in order", () => {
    const { phases, onProgress } = memoryPhases(performance.now());
    onProgress("generation 1: 2 passages written");
    onProgress("generation 1 is served");
    expect(phases.map((p) => p.at)).toEqual(["generation 1: 2 passages written", "generation 1 is served"]);
    for (const p of phases) {
      expect(p.heapUsedMB).toBeGreaterThan(0);
      if (process.platform === "linux") expect(p.peakRssMB).toBeGreaterThanOrEqual(p.rssMB);
    }
    expect(phases[1]!.ms).toBeGreaterThanOrEqual(phases[0]!.ms);
  });
});
