// The engine in use, swapped whole when the folder changes, so a query never sees a half-built
// index. Reloads reuse the facts of unchanged files; /reindex re-extracts everything. Watching
// the folder is not done here (src/live/live-reload.ts drives refresh()).
import { corpusCounts, type DocEntry } from "../corpus-assemble.js";
import { type FolderState, type LoadEngineOptions, loadEngine, loadEngineAsync, type Loaded, type LoadStats } from "./load-engine.js";
import type { Engine } from "./engine.js";

export interface ReindexReport {
  documents: number;
  passages: number;
  quotes: number;
  times: number;
  stances: number;
  warnings: string[];
  ms: number;
  /** Files whose facts were extracted again (the rest were reused), and files gone. */
  extracted?: number;
  removed?: number;
}

export class EngineHolder {
  private engine: Engine;
  private entries: DocEntry[];
  private running: Promise<ReindexReport> | null = null;
  private queued: { force: boolean; suspects: Set<string> } | null = null;
  private reindexListeners = new Set<() => void>();
  /** The last load's figures (start-up or reload). */
  lastStats: LoadStats;
  /** What the current engine was built from: the files listed and when (live reload compares against it). */
  folder: FolderState;

  constructor(
    readonly root: string,
    readonly options: LoadEngineOptions = {},
    loaded: Loaded = loadEngine(root, options),
  ) {
    this.engine = loaded.engine;
    this.entries = loaded.entries;
    this.lastStats = loaded.stats;
    this.folder = loaded.folder;
  }

  get current(): Engine {
    return this.engine;
  }

  /** Re-reads the whole folder and re-extracts every file (/reindex); tells `onReindex` listeners first. */
  reindex(): Promise<ReindexReport> {
    for (const listener of this.reindexListeners) listener();
    return this.schedule(true, new Set());
  }

  /** Calls `listener` whenever a reindex is requested (the folder watcher restarts then). Returns an unsubscribe. */
  onReindex(listener: () => void): () => void {
    this.reindexListeners.add(listener);
    return () => this.reindexListeners.delete(listener);
  }

  /** Picks up changes: only new, changed (or `suspects`) files are extracted; removed ones go. */
  refresh(suspects: Iterable<string> = []): Promise<ReindexReport> {
    return this.schedule(false, new Set(suspects));
  }

  /** One reload at a time; requests arriving meanwhile are merged into one more reload. */
  private schedule(force: boolean, suspects: Set<string>): Promise<ReindexReport> {
    if (!this.running) {
      this.running = this.run(force, suspects);
      return this.running;
    }
    if (this.queued) {
      this.queued.force ||= force;
      for (const s of suspects) this.queued.suspects.add(s);
    } else this.queued = { force, suspects };
    return this.running.then(() => {
      const next = this.queued;
      if (!next) return this.running ?? this.refresh();
      this.queued = null;
      return this.schedule(next.force, next.suspects);
    });
  }

  private async run(force: boolean, suspects: Set<string>): Promise<ReindexReport> {
    try {
      // A live reload logs only warnings the previous load did not (a skipped link or empty file is
      // reported once, not at every change); /reindex reports them all again.
      const known = force ? new Set<string>() : new Set(this.lastStats.warnings);
      const onWarning = (w: string): void => {
        if (!known.has(w)) this.options.onWarning?.(w);
      };
      const loaded = await loadEngineAsync(this.root, {
        ...this.options,
        onWarning,
        previous: this.entries,
        previousIndex: this.engine.index,
        suspects,
        force,
      });
      this.engine = loaded.engine;
      this.entries = loaded.entries;
      this.lastStats = loaded.stats;
      this.folder = loaded.folder;
      return report(loaded);
    } finally {
      this.running = null;
    }
  }
}

export function report(loaded: Loaded): ReindexReport {
  return {
    ...corpusCounts(loaded.engine.corpus),
    warnings: loaded.engine.corpus.warnings,
    ms: loaded.stats.ms,
    extracted: loaded.stats.extracted,
    removed: loaded.stats.removed,
  };
}
