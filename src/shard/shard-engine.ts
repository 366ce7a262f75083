// The engine inside a shard process. The manager extracted the documents and wrote the index cache
// before starting any shard, so a shard only loads that cache (0 extracted). After a change the
// manager rewrites the cache and tells every shard to load it again; /reindex in a shard asks the
// manager to do it, so the folder is re-extracted once, not once per shard.
import type { ReindexReport } from "../runtime/holder.js";
import type { Engine } from "../runtime/engine.js";
import type { EngineSource } from "../bot/engine-source.js";
import { loadEngine, loadEngineAsync, type LoadEngineOptions, type Loaded, type LoadStats } from "../runtime/load-engine.js";

export class ShardEngine implements EngineSource {
  private loaded: Loaded;
  private reloading: Promise<unknown> = Promise.resolve();

  constructor(
    readonly root: string,
    readonly options: LoadEngineOptions,
    private readonly askManager: () => Promise<ReindexReport>,
  ) {
    this.loaded = loadEngine(root, options);
  }

  get current(): Engine {
    return this.loaded.engine;
  }

  get lastStats(): LoadStats {
    return this.loaded.stats;
  }

  /**
   * Loads the folder again from the cache alone. Deliberately without the previous load's entries:
   * those would be checked first and, for a changed file, force an extraction the manager already did.
   */
  reload(): Promise<LoadStats> {
    const next = this.reloading.then(async () => {
      this.loaded = await loadEngineAsync(this.root, this.options);
      return this.loaded.stats;
    });
    this.reloading = next.catch(() => undefined);
    return next;
  }

  reindex(): Promise<ReindexReport> {
    return this.askManager();
  }
}
