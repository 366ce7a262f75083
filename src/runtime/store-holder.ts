// The engine in use on a shared store (STORE=postgres): one Answerer over the store for the life
// of the process, and an indexer that replaces the store's contents when the folder changes or on
// /reindex. The process holds no index and no corpus: answers are queries; the indexer (in this
// process or another) replaces the served generation, and every process hears of it (onChange).
import type { Answerer } from "./answerer.js";
import type { ReindexReport } from "./holder.js";
import type { FolderState } from "./load-engine.js";

/** What an index run did, with the store's counts after it. */
export interface IndexReport extends ReindexReport {
  generation: number;
  /** False when the served generation was already built from these files. */
  indexed: boolean;
  /** The folder as listed before indexing (live reload compares against it). */
  folder: FolderState;
}

/** Indexes the folder into the store: `force` rewrites it even when nothing changed. */
export type Indexer = (opts: { force: boolean }) => Promise<IndexReport>;

export class StoreHolder {
  private running: Promise<IndexReport> | null = null;
  private queued: { force: boolean; next: Promise<IndexReport> } | null = null;
  private readonly reindexListeners = new Set<() => void>();
  /** The last index run's report (start-up, a change, /reindex). */
  lastReport: IndexReport;
  /** The folder as the last index run listed it (live reload compares against it). */
  folder: FolderState;

  private constructor(
    readonly root: string,
    readonly current: Answerer,
    private readonly indexer: Indexer,
    first: IndexReport,
  ) {
    this.lastReport = first;
    this.folder = first.folder;
  }

  /** Brings the store up to date with the folder (nothing is read when its listing is unchanged), then serves it. */
  static async start(root: string, answerer: Answerer, indexer: Indexer): Promise<StoreHolder> {
    return new StoreHolder(root, answerer, indexer, await indexer({ force: false }));
  }

  /** Re-extracts the whole folder and replaces the store's contents (/reindex); tells `onReindex` listeners first. */
  reindex(): Promise<ReindexReport> {
    for (const listener of this.reindexListeners) listener();
    return this.schedule(true);
  }

  /** Picks up changes to the folder (live reload); the names it passes are listed again anyway. */
  refresh(_suspects: Iterable<string> = []): Promise<ReindexReport> {
    return this.schedule(false);
  }

  /** Calls `listener` whenever a reindex is requested (the folder watcher restarts then). Returns an unsubscribe. */
  onReindex(listener: () => void): () => void {
    this.reindexListeners.add(listener);
    return () => this.reindexListeners.delete(listener);
  }

  /** One index run at a time; requests arriving meanwhile share one more run after it. */
  private schedule(force: boolean): Promise<IndexReport> {
    if (!this.running) return (this.running = this.run(force));
    if (this.queued) {
      this.queued.force ||= force;
      return this.queued.next;
    }
    const queued = { force, next: null as unknown as Promise<IndexReport> };
    queued.next = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return (this.running = this.run(queued.force));
      });
    this.queued = queued;
    return queued.next;
  }

  private async run(force: boolean): Promise<IndexReport> {
    try {
      const report = await this.indexer({ force });
      this.lastReport = report;
      this.folder = report.folder;
      return report;
    } finally {
      this.running = null;
    }
  }
}
