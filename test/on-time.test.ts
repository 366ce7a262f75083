// The answer queue that keeps interactions within Discord's window (src/bot/on-time.ts): deadlines
// from snowflake times, one answer per turn of the event loop so deferral timers are never stuck
// behind a queue, and deferral on arrival once the queue is known to be too long. Timings here are
// forced with a fake clock or with answers that block; nothing depends on the machine's speed.
import { describe, expect, it } from "vitest";
import { AnswerQueue, DEFER_AFTER_MS, deferDeadline, snowflakeTime } from "../src/bot/on-time.js";

const snowflakeAt = (ms: number): string => String((BigInt(ms) - 1420070400000n) << 22n);
const block = (ms: number): void => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // a slow answer: nothing else runs meanwhile
  }
};

describe("deadlines", () => {
  it("reads Discord's creation time from a snowflake", () => {
    expect(snowflakeTime("175928847299117063")).toBe(1462015105796); // Discord's documented example
    expect(snowflakeTime("not-a-snowflake")).toBeNull();
  });

  it("counts from creation, or from arrival when our clock is behind Discord's", () => {
    const now = 1_700_000_000_000;
    expect(deferDeadline(snowflakeAt(now - 1000), now)).toBe(now - 1000 + DEFER_AFTER_MS);
    expect(deferDeadline(snowflakeAt(now + 5000), now)).toBe(now + DEFER_AFTER_MS);
    expect(deferDeadline("x", now)).toBe(now + DEFER_AFTER_MS);
  });
});

describe("the answer queue", () => {
  it("defers at once (before answering) an interaction whose deadline has passed", async () => {
    const q = new AnswerQueue();
    const order: string[] = [];
    const done = q.run(
      Date.now() - 1,
      () => order.push("answer"),
      () => order.push("late"),
    );
    expect(order).toEqual(["late"]);
    expect(await done).toEqual({ value: 2, late: true });
  });

  it("answers in time without deferring, first come first served", async () => {
    const q = new AnswerQueue();
    const late: number[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        q.run(
          Date.now() + 60_000,
          () => i,
          () => late.push(i),
        ),
      ),
    );
    expect(results).toEqual([1, 2, 3].map((value) => ({ value, late: false })));
    expect(late).toEqual([]);
  });

  it("a slow answer does not hold back the deferral of the ones queued behind it", async () => {
    const q = new AnswerQueue();
    const events: string[] = [];
    const first = q.run(
      Date.now() + 60_000,
      () => (block(80), events.push("first answered")),
      () => events.push("first late"),
    );
    const second = q.run(
      Date.now() + 20,
      () => events.push("second answered"),
      () => events.push("second late"),
    );
    await Promise.all([first, second]);
    expect(events).toEqual(["first answered", "second late", "second answered"]);
    expect((await second).late).toBe(true);
  });

  it("once answers are known to be slow, one that cannot be reached in time is deferred on arrival", async () => {
    let now = 0;
    const q = new AnswerQueue(() => now);
    const slow = (): number => (now += 100); // each answer takes 100 ms of (fake) wall time
    const far = 1_000_000;
    await Promise.all([1, 2, 3, 4].map(() => q.run(far, slow, () => undefined)));
    // Learnt: 100 ms a turn. Three queued ahead means ~300 ms; a deadline 200 ms away cannot be met.
    const queued = [1, 2, 3].map(() => q.run(far, slow, () => undefined));
    let lateAt: number | null = null;
    const tight = q.run(now + 200, slow, () => (lateAt = now));
    expect(lateAt).toBe(now - 0); // deferred on arrival, before any of the queued answers ran
    await Promise.all([...queued, tight]);
    // With room to spare, nothing is deferred early.
    let early = false;
    await q.run(now + 10_000, slow, () => (early = true));
    expect(early).toBe(false);
  });
});
