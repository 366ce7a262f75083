// Recent questions too long to fit a button's custom_id, kept by a short key so "More" can find
// them again. Bounded in size and age: memory stays flat however long the bot runs.
import { createHash } from "node:crypto";
import type { BotQuery } from "./query.js";

export interface QueryStoreOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class QueryStore {
  private readonly entries = new Map<string, { query: BotQuery; at: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: QueryStoreOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 1000;
    this.ttlMs = opts.ttlMs ?? 6 * 60 * 60 * 1000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stores the query and returns its key; the same query always gets the same key. */
  put(query: BotQuery): string {
    const key = createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 12);
    // Delete first so the Map's insertion order doubles as recency order.
    this.entries.delete(key);
    this.entries.set(key, { query, at: this.now() });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  /** The query, or undefined when it was evicted or is older than the time to live. */
  get(key: string): BotQuery | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, { ...entry, at: this.now() });
    return entry.query;
  }
}
