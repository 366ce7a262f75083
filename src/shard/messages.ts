// What the shard manager and its shard processes say to each other over the IPC channel
// discord.js sets up. Tagged with "evidence:" so they never collide with discord.js' own messages.
import type { ReindexReport } from "../runtime/holder.js";

export type ToManager =
  /** /reindex was asked in a shard: the manager re-extracts once, for every shard. */
  | { t: "evidence:reindex"; requestId: string }
  /** The shard is about to exit on an error respawning cannot fix (e.g. a rejected token). */
  | { t: "evidence:fatal" };

export type ToShard =
  /** The manager rewrote the index cache: load it (nothing to extract). */
  | { t: "evidence:reload"; requestId?: string; report?: ReindexReport }
  | { t: "evidence:reindex-failed"; requestId: string; message: string };

const tagged = (m: unknown): m is { t: string } => typeof m === "object" && m !== null && typeof (m as { t?: unknown }).t === "string";

export function isToManager(m: unknown): m is ToManager {
  return tagged(m) && (m.t === "evidence:reindex" || m.t === "evidence:fatal");
}

export function isToShard(m: unknown): m is ToShard {
  return tagged(m) && (m.t === "evidence:reload" || m.t === "evidence:reindex-failed");
}
