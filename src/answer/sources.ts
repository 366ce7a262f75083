// sources: what the bot knows: each document with its title, date and size.
import { lineUrl } from "./citation.js";
import type { AnswerContext } from "./context.js";
import type { SourcesAnswer } from "./types.js";

export async function answerSources(ctx: AnswerContext): Promise<SourcesAnswer> {
  const results = (await ctx.facts.documents()).map((d) => ({
    file: d.file,
    title: d.title,
    date: d.date,
    url: ctx.options.sourceBaseUrl ? lineUrl(d, 1, 1, ctx.options)!.replace(/#(?:L1|page=1)$/, "") : d.url,
    passages: d.passageIds.length,
    quotes: d.quotes,
    format: d.format,
  }));
  return results.length ? { command: "sources", results } : { command: "sources", results, message: "The knowledge folder has no readable documents yet." };
}
