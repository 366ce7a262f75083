// sources: what the bot knows: each document with its title, date and size.
import { lineUrl } from "./citation.js";
import type { Engine } from "./engine.js";
import type { SourcesAnswer } from "./types.js";

export function answerSources(engine: Engine): SourcesAnswer {
  const quotes = new Map<number, number>();
  for (const q of engine.corpus.quotes) if (q.speaker && q.direct) {
    const d = engine.passage(q.passageId).docId;
    quotes.set(d, (quotes.get(d) ?? 0) + 1);
  }
  const results = engine.corpus.documents.map((d) => ({
    file: d.file,
    title: d.title,
    date: d.date,
    url: engine.options.sourceBaseUrl ? lineUrl(d, 1, 1, engine.options)!.replace(/#(?:L1|page=1)$/, "") : d.url,
    passages: d.passageIds.length,
    quotes: quotes.get(d.id) ?? 0,
    format: d.format,
  }));
  return results.length
    ? { command: "sources", results }
    : { command: "sources", results, message: "The knowledge folder has no readable documents yet." };
}
