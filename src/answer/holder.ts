// The engine in use, swapped whole when the folder changes, so a query never sees a half-built
// index. Reloads reuse the facts of unchanged files; /reindex re-extracts everything.
import { type FSWatcher, watch } from "node:fs";
import type { DocEntry } from "../corpus.js";
import { type LoadEngineOptions, loadEngine, loadEngineAsync, type Loaded, type LoadStats } from "../index/load-engine.js";
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
  private watcher: FSWatcher | null = null;
  /** The last load's figures (start-up or reload). */
  lastStats: LoadStats;

  constructor(
    readonly root: string,
    readonly options: LoadEngineOptions = {},
    loaded: Loaded = loadEngine(root, options),
  ) {
    this.engine = loaded.engine;
    this.entries = loaded.entries;
    this.lastStats = loaded.stats;
  }

  get current(): Engine {
    return this.engine;
  }

  /** Re-reads the whole folder and re-extracts every file (/reindex). */
  reindex(): Promise<ReindexReport> {
    return this.schedule(true, new Set());
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
      const loaded = await loadEngineAsync(this.root, { ...this.options, previous: this.entries, previousIndex: this.engine.index, suspects, force });
      this.engine = loaded.engine;
      this.entries = loaded.entries;
      this.lastStats = loaded.stats;
      return report(loaded);
    } finally {
      this.running = null;
    }
  }

  /**
   * Watches the folder and reloads after changes settle (`delayMs` without a new event). Returns a
   * function that stops watching. Errors from a reload are passed to `onError`; serving goes on.
   */
  watch(onReload: (r: ReindexReport) => void, onError: (e: Error) => void, delayMs = 300): () => void {
    let timer: NodeJS.Timeout | null = null;
    const changed = new Set<string>();
    try {
      this.watcher = watch(this.root, { recursive: true }, (_event, name) => {
        if (name) changed.add(String(name).split("\\").join("/"));
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          const files = [...changed];
          changed.clear();
          this.refresh(files).then(onReload, (e: unknown) => onError(e as Error));
        }, delayMs);
        timer.unref();
      });
      this.watcher.on("error", (e) => onError(e));
      // Watching alone never keeps the process alive (the prompt or the bot does).
      this.watcher.unref();
    } catch (e) {
      onError(e as Error);
    }
    return () => {
      if (timer) clearTimeout(timer);
      this.watcher?.close();
      this.watcher = null;
    };
  }
}

export function report(loaded: Loaded): ReindexReport {
  const c = loaded.engine.corpus;
  return {
    documents: c.documents.length,
    passages: c.passages.length,
    quotes: c.quotes.filter((q) => q.speaker && q.direct).length,
    times: c.times.length,
    stances: c.stances.length,
    warnings: c.warnings,
    ms: loaded.stats.ms,
    extracted: loaded.stats.extracted,
    removed: loaded.stats.removed,
  };
}
