// What the bot needs from "the engine in use": the current engine and a way to rebuild it. The
// single-process bot and the HTTP endpoint use an EngineHolder (which watches the folder itself);
// with SHARDS, too: every shard runs in the one process (src/shard/).
import type { Engine } from "../runtime/engine.js";
import type { ReindexReport } from "../runtime/holder.js";
import type { LoadStats } from "../runtime/load-engine.js";

export interface EngineSource {
  readonly current: Engine;
  /** Re-reads and re-extracts the whole folder (/reindex). */
  reindex(): Promise<ReindexReport>;
}

/** The start-up line every mode prints, so a log shows at a glance whether anything was re-extracted. */
export function describeLoad(s: LoadStats): string {
  return `Indexed ${s.files} documents in ${s.ms} ms (${s.extracted} extracted, ${s.reused} from the cache${s.indexFromCache ? ", search index loaded" : ""}).`;
}
