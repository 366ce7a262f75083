// What the bot needs from "the engine in use": the current answerer (over the embedded store or
// PostgreSQL) and a way to rebuild it. The bot and the HTTP endpoint use an EngineHolder
// (embedded) or a StoreHolder (STORE=postgres); with SHARDS, every shard runs in the one process.
import type { Answerer } from "../runtime/answerer.js";
import type { ReindexReport } from "../runtime/holder.js";
import type { LoadStats } from "../runtime/load-engine.js";

export interface EngineSource {
  readonly current: Answerer;
  /** The knowledge folder (/add writes into it). */
  readonly root: string;
  /** Re-reads and re-extracts the whole folder (/reindex). */
  reindex(): Promise<ReindexReport>;
}

/** The start-up line every mode prints, so a log shows at a glance whether anything was re-extracted. */
export function describeLoad(s: LoadStats): string {
  return `Indexed ${s.files} documents in ${s.ms} ms (${s.extracted} extracted, ${s.reused} from the cache${s.indexFromCache ? ", search index loaded" : ""}).`;
}
