// Recent questions too long to fit a button's custom_id, kept by a short key so "More" can find
// them again. Bounded in size and age: memory stays flat however long the bot runs.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { BotQuery } from "./query.js";

export interface QueryStoreOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class QueryStore {
  private readonly entries: LRUCache<string, BotQuery>;

  constructor(opts: QueryStoreOptions = {}) {
    const now = opts.now ?? Date.now;
    this.entries = new LRUCache<string, BotQuery>({
      max: opts.maxEntries ?? 1000,
      ttl: opts.ttlMs ?? 6 * 60 * 60 * 1000,
      // A press keeps its question alive as long again; the clock is injectable for tests (+1:
      // lru-cache reads a start time of 0 as "no time to live").
      updateAgeOnGet: true,
      ttlResolution: 0,
      perf: { now: () => now() + 1 },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stores the query and returns its key; the same query always gets the same key. */
  put(query: BotQuery): string {
    const key = createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 12);
    this.entries.set(key, query);
    return key;
  }

  /** The query, or undefined when it was evicted or is older than the time to live. */
  get(key: string): BotQuery | undefined {
    return this.entries.get(key);
  }
}
