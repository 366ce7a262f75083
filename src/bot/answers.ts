// Questions → pages of rendered answers. The engine answers; this picks the page, and gives the
// renderer the custom_ids for "Show source" and "More".
import type { Answerer } from "../runtime/answerer.js";
import type { Answer } from "../answer/types.js";
import { fitContent, fitEmbeds, PAGE_SIZE, renderAnswer, SOURCES_PAGE_SIZE, type RenderedAnswer } from "../render/discord.js";
import { moreId, sourceId } from "./custom-ids.js";
import { withFeedbackRow } from "./feedback.js";
import type { EngineSource } from "./engine-source.js";
import { ask, type BotQuery } from "./query.js";
import { QueryStore } from "./query-store.js";

/** Results the bot asks the engine for: five pages of three behind "More". */
export const MAX_RESULTS = 15;

/** Said instead of a "More" button that cannot be made without remembering the question. */
export const NO_MORE_NOTE = 'There are more results, but this question is too long for a "More" button here: ask with fewer words to page through them.';

export interface AnswersOptions {
  /**
   * Remembers questions too long for a button's custom_id. Null makes every answer stateless (the
   * HTTP endpoint, where the next press may reach another copy): such answers get no "More" button
   * and say so instead.
   */
  store?: QueryStore | null;
  /** Shown under /sources, e.g. which shard answered: fixed, or from the server asked in (null in DMs). */
  sourcesFooter?: string | ((guildId: string | null) => string) | null;
  /** 👍/👎 buttons under answers (when votes are recorded). */
  feedback?: boolean;
}

export class Answers {
  readonly store: QueryStore | null;
  private readonly sourcesFooter: string | ((guildId: string | null) => string) | null;
  private readonly feedback: boolean;

  constructor(
    readonly holder: EngineSource,
    options: AnswersOptions = {},
  ) {
    this.store = options.store === undefined ? new QueryStore() : options.store;
    this.sourcesFooter = options.sourcesFooter ?? null;
    this.feedback = options.feedback ?? false;
  }

  /** The engine in use (a reindex swaps it). */
  engine(): Answerer {
    return this.holder.current;
  }

  /** Asks for up to MAX_RESULTS results (pages behind "More"); the first are the terminal's. */
  ask(query: BotQuery): Promise<Answer> {
    return ask(this.engine(), query, MAX_RESULTS);
  }

  /** One page of the answer, from result `offset` on; `guildId` is where it was asked (null in DMs). */
  async page(query: BotQuery, offset = 0, guildId: string | null = null): Promise<RenderedAnswer> {
    const engine = this.engine();
    let droppedMore = false;
    const answer = await ask(engine, query, MAX_RESULTS);
    // The cited files' content hashes, in one look-up: each "Show source" carries its file's.
    const files = answer.results.flatMap((r) => ("source" in r && r.source ? [r.source.file] : []));
    const docs = await engine.store.documentsByFile(files);
    const page = renderAnswer(answer, {
      offset,
      pageSize: query.command === "sources" ? SOURCES_PAGE_SIZE : PAGE_SIZE,
      ids: {
        // The file's hash goes into "Show source", so a later press can tell the file changed since.
        source: (r, position) => sourceId(r.source, position, docs.get(r.source.file)?.hash ?? null),
        more: (next) => {
          const id = moreId(query, next, this.store);
          droppedMore = id === null;
          return id ?? ""; // the renderer leaves out a button without an id
        },
      },
    });
    if (droppedMore) page.message.content = fitContent(page.message.content ? `${page.message.content}\n${NO_MORE_NOTE}` : NO_MORE_NOTE);
    if (this.feedback && page.found && query.command !== "sources") page.message.components = withFeedbackRow(page.message.components, query, this.store);
    if (query.command === "sources" && this.sourcesFooter && page.found && page.message.embeds[0]) {
      const text = typeof this.sourcesFooter === "string" ? this.sourcesFooter : this.sourcesFooter(guildId);
      page.message.embeds = fitEmbeds([{ ...page.message.embeds[0], footer: { text } }, ...page.message.embeds.slice(1)]);
    }
    return page;
  }
}
