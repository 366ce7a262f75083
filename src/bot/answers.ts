// Questions → pages of rendered answers. The engine answers; this picks the page, and gives the
// renderer the custom_ids for "Show source" and "More".
import type { Engine } from "../answer/engine.js";
import type { EngineHolder } from "../answer/holder.js";
import type { Answer } from "../answer/types.js";
import { PAGE_SIZE, renderAnswer, SOURCES_PAGE_SIZE, type RenderedAnswer } from "../render/discord.js";
import { moreId, sourceId } from "./custom-ids.js";
import { ask, type BotQuery } from "./query.js";
import { QueryStore } from "./query-store.js";

/** Results the bot asks the engine for: five pages of three behind "More". */
export const MAX_RESULTS = 15;

export class Answers {
  private readonly hashes = new WeakMap<Engine, Map<string, string>>();

  constructor(
    readonly holder: EngineHolder,
    readonly store: QueryStore = new QueryStore(),
  ) {}

  /** The engine in use (a reindex swaps it). */
  engine(): Engine {
    return this.holder.current;
  }

  /** Asks for up to MAX_RESULTS results (pages behind "More"); the first are the terminal's. */
  ask(query: BotQuery): Answer {
    return ask(this.engine(), query, MAX_RESULTS);
  }

  /** One page of the answer, from result `offset` on. */
  page(query: BotQuery, offset = 0): RenderedAnswer {
    const engine = this.engine();
    return renderAnswer(ask(engine, query, MAX_RESULTS), {
      offset,
      pageSize: query.command === "sources" ? SOURCES_PAGE_SIZE : PAGE_SIZE,
      ids: {
        // The file's hash goes into "Show source", so a later press can tell the file changed since.
        source: (r, position) => sourceId(r.source, position, this.contentHash(engine, r.source.file)),
        more: (next) => moreId(query, next, this.store),
      },
    });
  }

  private contentHash(engine: Engine, file: string): string | null {
    let byFile = this.hashes.get(engine);
    if (!byFile) {
      byFile = new Map(engine.corpus.documents.map((d) => [d.file, d.hash]));
      this.hashes.set(engine, byFile);
    }
    return byFile.get(file) ?? null;
  }
}
