// Answering within Discord's 3-second window however busy the machine. Discord drops an interaction
// that is not acknowledged within 3 s of its creation (the time in its snowflake id), and a burst on
// a small machine can queue answers past that. So answers are worked out one per turn of the event
// loop (the timers that defer, and new requests, never wait behind a long queue), and any
// interaction whose answer has not started DEFER_AFTER_MS after Discord created it is deferred
// first ("thinking…", which Discord lets us complete within 15 minutes) and edited once ready.
// Transport-free: the gateway bot and the HTTP endpoint each say how to defer and how to finish.

/** Deferring then leaves half the window for the acknowledgement to reach Discord. */
export const DEFER_AFTER_MS = 1500;

const DISCORD_EPOCH = 1420070400000n;

/** When Discord created this snowflake (ms since 1970), or null if the id is not one. */
export function snowflakeTime(id: string): number | null {
  if (!/^\d{1,20}$/.test(id)) return null;
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * When an interaction must be deferred if its answer has not started. The snowflake time is
 * capped at the arrival time: a clock running behind Discord's must not make us wait longer.
 */
export function deferDeadline(id: string, receivedAt: number): number {
  const created = snowflakeTime(id);
  return Math.min(created ?? receivedAt, receivedAt) + DEFER_AFTER_MS;
}

/** What an answer that comes late is acknowledged with, chosen before the answer is known. */
export type Placeholder =
  /** "thinking…" for a new message (callback type 5), public or only for the asker. */
  | { type: "reply"; ephemeral: boolean }
  /** Nothing visible yet: the message the button is on will be edited (type 6). */
  | { type: "update" };

export interface Timed<T> {
  value: T;
  /** The placeholder was sent (onLate ran) before the value was worked out. */
  late: boolean;
}

interface Job {
  compute: () => unknown;
  timer: NodeJS.Timeout | null;
  late: boolean;
  resolve: (t: Timed<unknown>) => void;
  reject: (e: unknown) => void;
}

/**
 * Works answers out first come, first served, one per turn of the event loop. It also learns how
 * long a turn takes while answers queue up (wall time, so a starved process learns it is slow):
 * an interaction whose turn cannot come before its deadline is deferred on arrival, while the
 * process is still answering promptly, rather than when its timer finally fires.
 */
export class AnswerQueue {
  private readonly jobs: Job[] = [];
  private scheduled = false;
  /** Average wall time from one answer to the next while they queue (ms). */
  private perJobMs = 0;
  private lastJobAt: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Answers waiting to be worked out. */
  get size(): number {
    return this.jobs.length;
  }

  /**
   * Runs `compute` in turn. If its turn has not come by `deadline`, `onLate` runs first (at once
   * when the deadline has already passed), exactly once.
   */
  run<T>(deadline: number, compute: () => T | Promise<T>, onLate: () => void): Promise<Timed<T>> {
    return new Promise<Timed<T>>((resolve, reject) => {
      const job: Job = { compute, timer: null, late: false, resolve: resolve as (t: Timed<unknown>) => void, reject };
      const fire = (): void => {
        job.timer = null;
        job.late = true;
        onLate();
      };
      const wait = deadline - this.now();
      if (wait <= 0 || this.jobs.length * this.perJobMs >= wait) fire();
      else job.timer = setTimeout(fire, wait);
      this.jobs.push(job);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.jobs.length) return;
    this.scheduled = true;
    // setImmediate, not a loop: between two answers the timers phase (deferrals) and the poll
    // phase (new interactions, REST responses) get their turn.
    setImmediate(() => {
      this.scheduled = false;
      const job = this.jobs.shift();
      if (job) this.runJob(job);
      this.schedule();
    });
  }

  private runJob(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    const at = this.now();
    if (this.lastJobAt !== null) this.perJobMs = this.perJobMs === 0 ? at - this.lastJobAt : 0.8 * this.perJobMs + 0.2 * (at - this.lastJobAt);
    // Only back-to-back answers measure a turn; after the queue ran dry the next gap is idle time.
    this.lastJobAt = this.jobs.length > 0 ? at : null;
    // Whether it was late is decided when its turn comes, not when an async answer settles.
    const late = job.late;
    try {
      Promise.resolve(job.compute()).then((value) => job.resolve({ value, late }), job.reject);
    } catch (error) {
      job.reject(error);
    }
  }
}
