// The terminal prompt: the same commands as the Discord bot, answered locally (no token needed).
import { createInterface } from "node:readline";
import type { Answerer } from "./runtime/answerer.js";
import type { ReindexReport } from "./runtime/holder.js";
import { answer } from "./answer/dispatch.js";
import { route } from "./answer/router.js";
import { askTimeline, routeTimeline } from "./answer/timeline-route.js";
import type { Answer } from "./answer/types.js";
import { HELP_TEXT } from "./help.js";
import { renderText, type TextStyle } from "./render/text.js";
import { renderTimelineText } from "./render/timeline-text.js";

export interface ReplOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  style: TextStyle;
  prompt?: string;
}

export type ReplOutput = { text: string } | { answer: Answer } | null;

/** The engine in use and how to rebuild it (an EngineHolder, or a StoreHolder on PostgreSQL). */
export interface ReplSource {
  readonly current: Answerer;
  readonly root: string;
  reindex(): Promise<ReindexReport>;
}

/** Answers one line of the prompt: text to print, an answer to render, or null to quit. */
export async function replLine(holder: ReplSource, line: string): Promise<ReplOutput> {
  const trimmed = line.trim();
  if (/^(\/?(quit|exit|bye)|:q)$/i.test(trimmed)) return null;
  if (/^\/?reindex$/i.test(trimmed)) {
    const r = await holder.reindex();
    return {
      text: `Reindexed ${r.documents} documents: ${r.passages} passages, ${r.quotes} quotes, ${r.times} time expressions, ${r.stances} stance cues in ${r.ms} ms.`,
    };
  }
  const timeline = routeTimeline(trimmed);
  if (timeline) return { text: renderTimelineText(await askTimeline((actor, topic) => holder.current.timeline(actor, topic), timeline)) };
  const routed = route(trimmed);
  if (routed.command === "empty") return { text: "" };
  if (routed.command === "help") return { text: `${HELP_TEXT}\n\nAlso here: /reindex to reload the folder, /quit to leave.` };
  return { answer: await answer(holder.current, routed) };
}

export async function startRepl(holder: ReplSource, opts: ReplOptions): Promise<void> {
  const output = opts.output ?? process.stdout;
  // Asked before the prompt listens: lines piped in meanwhile would be missed.
  const c = await holder.current.store.stats();
  const rl = createInterface({
    input: opts.input ?? process.stdin,
    output,
    terminal: (opts.input ?? process.stdin) === process.stdin && process.stdin.isTTY === true,
  });
  const write = (s: string): void => void output.write(`${s}\n`);
  write(`Answering from ${c.documents} documents (${c.passages} passages) in ${holder.root}. Type a question, /help, or /quit.`);
  rl.setPrompt(opts.prompt ?? "> ");
  rl.prompt();
  return new Promise((resolve) => {
    // One line at a time, in order, even when lines arrive faster than answers (piped input).
    let chain = Promise.resolve();
    rl.on("line", (line) => {
      chain = chain.then(async () => {
        try {
          const out = await replLine(holder, line);
          if (out === null) {
            rl.close();
            return;
          }
          if ("answer" in out) write(renderText(out.answer, opts.style));
          else if (out.text) write(out.text);
        } catch (e) {
          write(`Something went wrong: ${(e as Error).message}`);
        }
        rl.prompt();
      });
    });
    rl.on("close", () => void chain.then(() => resolve()));
  });
}
