// Runs the real entry points (`npm start` = src/main.ts, `npm run deploy-commands` = src/bot/deploy.ts)
// as child processes, the way a bot owner would. They start in an empty temp folder with a clean
// environment, so no developer's .env or shell variables (a real token!) can leak into a test.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = resolve(import.meta.dirname, "../..");
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ChildRun {
  stdout = "";
  stderr = "";
  readonly exited: Promise<Exit>;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly child: ChildProcess,
    private readonly cwd: string,
  ) {
    child.stdout!.setEncoding("utf8").on("data", (d: string) => ((this.stdout += d), this.changed()));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => ((this.stderr += d), this.changed()));
    this.exited = new Promise((resolveExit) => {
      child.on("exit", (code, signal) => {
        rmSync(this.cwd, { recursive: true, force: true });
        // Let the pipes drain so the last lines are in stdout/stderr.
        setImmediate(() => {
          this.changed();
          resolveExit({ code, signal });
        });
      });
    });
  }

  /** Resolves once stderr matches, rejects with everything printed so far on timeout or exit. */
  waitForStderr(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolveWait, reject) => {
      let done = false;
      const check = (): void => {
        const m = pattern.exec(this.stderr);
        if (m && !done) {
          finish();
          resolveWait(m[0]);
        } else if (this.child.exitCode !== null && !done) {
          finish();
          reject(new Error(`process exited (${this.child.exitCode}) before ${pattern}; stderr:\n${this.stderr}\nstdout:\n${this.stdout}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; stderr:\n${this.stderr}`));
      }, timeoutMs);
      const finish = (): void => {
        done = true;
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Exit within the timeout, or the process is killed and the test fails. */
  async exit(timeoutMs = 15_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        reject(new Error(`process did not exit within ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(signal: NodeJS.Signals = "SIGTERM"): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** Starts `entry` (relative to the project) with tsx, exactly these env variables, in a temp folder. */
export function runTs(entry: string, env: Record<string, string | undefined>): ChildRun {
  const cwd = mkdtempSync(join(tmpdir(), "bot-run-"));
  const clean: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    // tsx keeps its transform cache in the temp folder; sharing it keeps start-up fast.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    TSX_TSCONFIG_PATH: join(ROOT, "tsconfig.json"),
    NO_COLOR: "1",
  };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, entry)], { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"] });
  return new ChildRun(child, cwd);
}
