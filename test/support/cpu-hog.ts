// A CPU hog for tests that must hold on a busy machine: one child process spinning per core (by
// default every core), so the code under test gets only a share of the CPU, as on a small VPS
// running other work. Stop it in a finally; it is also killed if the test process exits first.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism, getPriority, setPriority } from "node:os";

export interface CpuHog {
  readonly pids: number[];
  stop(): Promise<void>;
}

export function startCpuHog(cores = availableParallelism()): CpuHog {
  const children: ChildProcess[] = [];
  for (let i = 0; i < cores; i++) children.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  for (const c of children) atOrdinaryPriority(c.pid);
  const killAll = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  process.once("exit", killAll);
  return {
    pids: children.map((c) => c.pid!),
    async stop() {
      process.off("exit", killAll);
      const exits = children.map((c) =>
        c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once("exit", () => r())),
      );
      killAll();
      await Promise.all(exits);
    },
  };
}

/**
 * Discord is not on our machine: the stand-in that plays it (in this test process) must not be
 * starved along with the bot, or it would judge a callback late that the bot sent in time. So this
 * process runs ahead of ordinary ones when the system allows it (root, or CAP_SYS_NICE); whatever
 * it starts (the bot, the hog) is put back at ordinary priority. Returns how to undo it.
 */
export function favourThisProcess(): () => void {
  const before = getPriority();
  try {
    setPriority(Math.min(before, -5));
  } catch {
    return () => undefined; // not allowed: the stand-in competes like everything else
  }
  return () => {
    try {
      setPriority(before);
    } catch {
      // lowering back to where it was is always allowed; nothing to do if it is not
    }
  };
}

/** A child started by a favoured process inherits its priority: put it back among ordinary ones. */
export function atOrdinaryPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, 0);
  } catch {
    // not allowed (then this process was never favoured either)
  }
}
