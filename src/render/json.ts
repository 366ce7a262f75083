// The JSON contract of `ask --json` (../shared/eval/README.md): exactly these fields, in this order.
import type { TimelineAnswer } from "../answer/timeline.js";
import type { Answer } from "../answer/types.js";
import type { Citation } from "../types.js";

// `page` (and `pageEnd` when the lines run onto the next page) only for paged documents (PDF):
// additive, so the fields above keep their order and meaning.
const source = (c: Citation) => ({
  file: c.file,
  lineStart: c.lineStart,
  lineEnd: c.lineEnd,
  excerpt: c.excerpt,
  url: c.url,
  ...(c.page !== undefined ? { page: c.page } : {}),
  ...(c.pageEnd !== undefined ? { pageEnd: c.pageEnd } : {}),
});

export function toJson(a: Answer): Record<string, unknown> {
  switch (a.command) {
    case "who-said":
      // `copies` (other documents carrying the same words) only when there are some: additive.
      return {
        command: a.command,
        results: a.results.map((r) => ({
          speaker: r.speaker,
          role: r.role,
          quote: r.quote,
          source: source(r.source),
          ...(r.copies ? { copies: r.copies } : {}),
        })),
      };
    case "when":
      return { command: a.command, results: a.results.map((r) => ({ expression: r.expression, date: r.date, source: source(r.source) })) };
    case "stance":
      return {
        command: a.command,
        polarity: a.polarity,
        results: a.results.map((r) => ({ actor: r.actor, polarity: r.polarity, cue: r.cue, source: source(r.source) })),
      };
    case "search":
      return { command: a.command, results: a.results.map((r) => ({ score: r.score, source: source(r.source) })) };
    case "sources":
      return { command: a.command, results: a.results.map((r) => ({ file: r.file, title: r.title, date: r.date, url: r.url, passages: r.passages })) };
    case "check":
      return {
        command: a.command,
        verdict: a.verdict,
        results: a.results.map((r) => ({
          speaker: r.speaker,
          role: r.role,
          quote: r.quote,
          diff: r.diff.map((d) => ({ query: d.query, text: d.text })),
          source: source(r.source),
        })),
      };
    case "said":
      return { command: a.command, results: a.results.map((r) => ({ speaker: r.speaker, quote: r.quote, source: source(r.source) })) };
  }
}

export function jsonLine(a: Answer): string {
  return JSON.stringify(toJson(a));
}

/** `{"command":"timeline",…}`: the listed items, dated ones in time order (date null when undated). */
export function timelineJson(a: TimelineAnswer): Record<string, unknown> {
  return {
    command: a.command,
    actor: a.actor,
    topic: a.topic,
    dated: a.points.length,
    undated: a.undated,
    results: a.results.map((r) => ({
      kind: r.kind,
      date: r.date,
      precision: r.span?.precision ?? null,
      dateFrom: r.dateFrom,
      who: r.who,
      text: r.text,
      polarity: r.polarity,
      cue: r.cue,
      source: source(r.source),
    })),
    ...(a.message ? { message: a.message } : {}),
  };
}
