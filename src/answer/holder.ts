// The engine in use, swapped whole on a rebuild so a query never sees a half-built index.
import type { LoadOptions } from "../knowledge/load.js";
import { Engine, type EngineOptions } from "./engine.js";

export interface ReindexReport {
  documents: number;
  passages: number;
  quotes: number;
  times: number;
  stances: number;
  warnings: string[];
  ms: number;
}

export class EngineHolder {
  private engine: Engine;
  private building: Promise<ReindexReport> | null = null;

  constructor(
    readonly root: string,
    readonly options: EngineOptions & LoadOptions = {},
    engine?: Engine,
  ) {
    this.engine = engine ?? Engine.fromFolder(root, options);
  }

  get current(): Engine {
    return this.engine;
  }

  /** Rebuilds from the folder and swaps the new engine in; concurrent calls share one rebuild. */
  reindex(): Promise<ReindexReport> {
    this.building ??= new Promise<ReindexReport>((resolve, reject) => {
      // Yield first so a caller can acknowledge the request before the CPU-bound rebuild.
      setImmediate(() => {
        try {
          const t0 = performance.now();
          const next = Engine.fromFolder(this.root, this.options);
          this.engine = next;
          resolve(report(next, performance.now() - t0));
        } catch (e) {
          reject(e);
        }
      });
    }).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  replace(engine: Engine): void {
    this.engine = engine;
  }
}

export function report(e: Engine, ms: number): ReindexReport {
  const c = e.corpus;
  return { documents: c.documents.length, passages: c.passages.length, quotes: c.quotes.filter((q) => q.speaker && q.direct).length, times: c.times.length, stances: c.stances.length, warnings: c.warnings, ms: Math.round(ms) };
}
