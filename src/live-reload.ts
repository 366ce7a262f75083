// Live reload: keeps the engine in step with the knowledge folder by looking at the folder again
// every few seconds and comparing what it finds with what the current engine was built from
// (size, time and inode of every file; the content hash of a file written too recently for its
// time to tell). Looking again cannot go deaf the way file-system events can (an editor's atomic
// save, `sed -i`, a folder moved away and back, an exhausted watch limit, a network drive): any
// change is seen at the next look, and only the changed files are re-extracted.
import type { ReindexReport } from "./runtime/holder.js";
import type { FolderState } from "./runtime/load-engine.js";
import { contentHash, listKnowledgeFolder, readFileBytes } from "./knowledge/files.js";

/** What is kept in step: the embedded EngineHolder, or the StoreHolder of a shared store. */
export interface Reloadable {
  readonly root: string;
  /** What the engine in use was built from. */
  readonly folder: FolderState;
  refresh(suspects: Iterable<string>): Promise<ReindexReport>;
  onReindex(listener: () => void): () => void;
}

export interface LiveReloadOptions {
  onReload(report: ReindexReport): void;
  /** A look or a reload failed (the folder is gone, say); each distinct message is reported once until a look succeeds. */
  onError(error: Error): void;
  /** /reindex restarted watching. */
  onRestart?(): void;
  /** The least time between two looks. */
  intervalMs?: number;
}

export interface LiveReload {
  stop(): void;
  /** Starts looking afresh (what /reindex does through the holder). */
  restart(): void;
}

export const DEFAULT_INTERVAL_MS = 2000;
/** A look that took t ms is followed by a pause of at least 50·t, so looking costs at most ~2% of a core. */
const PAUSE_PER_LOOK_MS = 50;
/** File systems with coarse clocks (FAT: 2 s) can give two writes within this time the same mtime. */
const RACY_MS = 2000;
/** An mtime further ahead than this is a wrong clock, not a recent write: its file is not re-read at every look. */
const MAX_CLOCK_AHEAD_MS = 60_000;

export function startLiveReload(holder: Reloadable, opts: LiveReloadOptions): LiveReload {
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let generation = 0;
  let lastError: string | null = null;
  // Files whose content was found unchanged after their mtime had settled: keyed by file, the state seen.
  const settled = new Map<string, string>();

  const schedule = (ms: number): void => {
    timer = setTimeout(() => void look(generation), ms);
    timer.unref(); // watching alone never keeps the process alive (the prompt or the bot does)
  };

  const look = async (gen: number): Promise<void> => {
    timer = null;
    let pause = interval;
    try {
      const t0 = performance.now();
      const changed = changesSince(holder.folder, holder.root, settled);
      pause = Math.max(interval, (performance.now() - t0) * PAUSE_PER_LOOK_MS);
      if (changed.length) {
        const report = await holder.refresh(changed);
        if (!stopped) opts.onReload(report);
      }
      lastError = null;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if (error.message !== lastError && !stopped) opts.onError(error);
      lastError = error.message;
    }
    if (!stopped && gen === generation) schedule(pause);
  };

  const restart = (): void => {
    if (stopped) return;
    generation++; // a look still running finishes but schedules no next one
    if (timer) clearTimeout(timer);
    lastError = null;
    settled.clear();
    opts.onRestart?.();
    schedule(interval);
  };
  const unsubscribe = holder.onReindex(restart);
  schedule(interval);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      unsubscribe();
    },
    restart,
  };
}

/** Files added, removed or changed since `folder` was listed (names relative to the folder). */
export function changesSince(folder: FolderState, root: string, settled = new Map<string, string>(), now = Date.now()): string[] {
  const before = new Map(folder.files.map((f) => [f.file, f]));
  const changed: string[] = [];
  for (const f of listKnowledgeFolder(root).files) {
    const b = before.get(f.file);
    before.delete(f.file);
    if (!b || b.bytes !== f.bytes || b.mtimeMs !== f.mtimeMs || b.ino !== f.ino || b.path !== f.path) {
      changed.push(f.file);
      continue;
    }
    // Written so close to the listing that a later write may share its mtime: compare contents.
    if (!b.hash || f.mtimeMs < folder.listedAt - RACY_MS || f.mtimeMs > now + MAX_CLOCK_AHEAD_MS) continue;
    const state = `${f.bytes}:${f.mtimeMs}:${f.ino}`;
    if (settled.get(f.file) === state) continue;
    const read = readFileBytes(f);
    if (!read.ok || contentHash(read.buf) !== b.hash) changed.push(f.file);
    else if (now > f.mtimeMs + RACY_MS) settled.set(f.file, state);
  }
  changed.push(...before.keys());
  return changed;
}
