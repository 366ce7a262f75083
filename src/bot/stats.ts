// A debug hook for soak tests and owners: on SIGUSR2 the process logs one `stats {…}` line with its
// memory and the sizes of everything that could grow with traffic (listeners, caches, the
// cooldown and "More" maps). Under `node --expose-gc` it collects garbage first, so the heap
// figure is what is really kept rather than what is waiting to be collected.
import type { Logger } from "../log.js";

export type StatsSource = () => Record<string, number>;

export interface ProcessStats extends Record<string, number> {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** Peak resident set size so far (Linux: VmHWM), or -1 where the OS does not say. */
  peakRssMb: number;
  processListeners: number;
  pid: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

/** Listeners on an emitter, over every event name. */
export function listenerTotal(emitter: { eventNames(): Array<string | symbol>; listenerCount(name: string | symbol): number }): number {
  return emitter.eventNames().reduce((n, name) => n + emitter.listenerCount(name), 0);
}

export function processStats(): ProcessStats {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    peakRssMb: peakRssMb(),
    processListeners: listenerTotal(process),
    pid: process.pid,
  };
}

function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes and available everywhere Node runs.
  const kb = process.resourceUsage().maxRSS;
  return kb > 0 ? Math.round((kb / 1024) * 10) / 10 : -1;
}

/** Logs a stats line on SIGUSR2 (not on Windows, which has no such signal). Returns the uninstaller. */
export function installStatsHook(log: Logger, extra: StatsSource = () => ({}), label = "stats"): () => void {
  if (process.platform === "win32") return () => {};
  const onSignal = (): void => log.info(`${label} ${JSON.stringify({ ...processStats(), ...extra() })}`);
  process.on("SIGUSR2", onSignal);
  return () => process.off("SIGUSR2", onSignal);
}
