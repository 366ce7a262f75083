// The machine the figures come from, and pinning to one CPU: the issue's targets are "on one
// core", and a second core would flatter the figures (V8 collects garbage on helper threads).
import { spawnSync } from "node:child_process";
import { cpus, loadavg, platform, release, totalmem } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  totalRamGB: number;
  platform: string;
  /** The CPU the bench and its children were pinned to, or null when not pinned. */
  pinnedCpu: number | null;
  /** 1-minute load average when the bench started: other work on the machine skews latency. */
  loadAverage: number;
}

/** Pins this process, all its threads and every child it starts afterwards to one CPU (Linux taskset). */
export function pinToOneCpu(cpu: number): boolean {
  const r = spawnSync("taskset", ["-a", "-c", "-p", String(cpu), String(process.pid)], { encoding: "utf8" });
  return r.status === 0;
}

export function machine(pinnedCpu: number | null): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    node: process.version,
    totalRamGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${platform()} ${release()}`,
    pinnedCpu,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
