// Per-user rate limit over a sliding window (e.g. 5 questions per 10 s), for commands, buttons,
// DMs and mentions alike. Refusals are not counted, and each user hears about it once per wait.
export type CooldownResult = { ok: true } | { ok: false; retryAfterMs: number; firstRefusal: boolean };

export interface CooldownOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
  /** Lets everything through (COOLDOWN=off). */
  disabled?: boolean;
}

export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  readonly disabled: boolean;
  private readonly now: () => number;
  private readonly uses = new Map<string, { at: number[]; refusedUntil: number }>();

  constructor(opts: CooldownOptions = {}) {
    this.limit = opts.limit ?? 5;
    this.windowMs = opts.windowMs ?? 10_000;
    this.disabled = opts.disabled ?? false;
    this.now = opts.now ?? Date.now;
  }

  /** Users it currently remembers (for the stats line: it must stay small). */
  get size(): number {
    return this.uses.size;
  }

  /** Records one use by `userId` if allowed; otherwise says how long to wait. */
  take(userId: string): CooldownResult {
    if (this.disabled) return { ok: true };
    const now = this.now();
    if (this.uses.size > 10_000) this.sweep(now);
    const entry = this.uses.get(userId) ?? { at: [], refusedUntil: 0 };
    entry.at = entry.at.filter((t) => now - t < this.windowMs);
    this.uses.set(userId, entry);
    if (entry.at.length < this.limit) {
      entry.at.push(now);
      return { ok: true };
    }
    const retryAfterMs = entry.at[0]! + this.windowMs - now;
    const firstRefusal = entry.refusedUntil <= now;
    entry.refusedUntil = now + retryAfterMs;
    return { ok: false, retryAfterMs, firstRefusal };
  }

  /** Forgets users with no recent use, so the map stays small. */
  private sweep(now: number): void {
    for (const [id, e] of this.uses) if (e.at.every((t) => now - t >= this.windowMs) && e.refusedUntil <= now) this.uses.delete(id);
  }
}

/** The cooldown COOLDOWN asks for: null is "off", undefined the default (5 per 10 s). */
export function cooldownFor(setting: { limit: number; windowMs: number } | null | undefined): Cooldown {
  return setting === null ? new Cooldown({ disabled: true }) : new Cooldown(setting ?? {});
}

export function cooldownText(retryAfterMs: number, limit: number, windowMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking quickly (${limit} questions per ${Math.round(windowMs / 1000)} s). Try again in ${seconds} s.`;
}
