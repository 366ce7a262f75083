// Answer latency, one query at a time after load, next to a bare MiniSearch search() of the same
// words on the same passage index: the difference is what the engine adds on top of retrieval.
import type { AnswerContext } from "../src/answer/context.js";
import { answer } from "../src/answer/dispatch.js";
import type { Engine } from "../src/runtime/engine.js";
import { fuzzy, prefix } from "../src/index/search-index.js";
import { type Summary, summarize } from "./stats.js";
import { type Command, COMMANDS, type Query } from "./workload.js";

export interface Latency {
  /** Per command, all variants together. */
  answer: Record<Command, Summary>;
  /** Per command and variant (exact, typo, absent), for finding where time goes. */
  byVariant: Record<string, Summary>;
  /** MiniSearch search() with the index's default options, per command's query words and overall. */
  bareDefault: Record<Command | "all", Summary>;
  /** The same with fuzzy and prefix matching as the engine sets them. */
  bareFuzzy: Record<Command | "all", Summary>;
}

export interface AnswerLatency {
  answer: Record<Command, Summary>;
  byVariant: Record<string, Summary>;
}

const warmCount = (queries: Query[]): number => Math.min(200, Math.ceil(queries.length / 10));

/**
 * Answer latency alone, per command and per command/variant, through any store: a few queries
 * untimed first so the timed ones do not pay for compilation (or a cold database cache).
 */
export async function measureAnswers(ctx: AnswerContext, queries: Query[]): Promise<AnswerLatency> {
  for (const q of queries.slice(0, warmCount(queries))) await answer(ctx, q.input);
  const times = new Map<string, number[]>();
  const note = (k: string, ms: number): void => {
    let list = times.get(k);
    if (!list) times.set(k, (list = []));
    list.push(ms);
  };
  for (const q of queries) {
    const t0 = performance.now();
    await answer(ctx, q.input);
    const ms = performance.now() - t0;
    note(q.command, ms);
    note(`${q.command}/${q.variant}`, ms);
  }
  const answerBy = {} as Record<Command, Summary>;
  for (const c of COMMANDS) answerBy[c] = summarize(times.get(c) ?? []);
  const byVariant: Record<string, Summary> = {};
  for (const k of [...times.keys()].filter((k) => k.includes("/")).sort()) byVariant[k] = summarize(times.get(k)!);
  return { answer: answerBy, byVariant };
}

/** Bare MiniSearch searches of a few queries untimed, so the first timed ones do not pay for compilation. */
function warmUpBare(engine: Engine, queries: Query[]): void {
  for (const q of queries) {
    engine.index.passages.search(q.text);
    engine.index.passages.search(q.text, { fuzzy, prefix });
  }
}

export async function measureLatency(engine: Engine, queries: Query[]): Promise<Latency> {
  const answers = await measureAnswers(engine, queries);
  warmUpBare(engine, queries.slice(0, warmCount(queries)));
  const times = new Map<string, number[]>();
  const note = (k: string, ms: number): void => {
    let list = times.get(k);
    if (!list) times.set(k, (list = []));
    list.push(ms);
  };
  // Bare searches in their own pass, so the two measurements do not share cache effects query by query.
  for (const q of queries) {
    let t0 = performance.now();
    engine.index.passages.search(q.text);
    note(`default/${q.command}`, performance.now() - t0);
    t0 = performance.now();
    engine.index.passages.search(q.text, { fuzzy, prefix });
    note(`fuzzy/${q.command}`, performance.now() - t0);
  }
  const get = (k: string): Summary => summarize(times.get(k) ?? []);
  const per = (prefix: string): Record<Command | "all", Summary> => {
    const out = { all: summarize(COMMANDS.flatMap((c) => times.get(`${prefix}/${c}`) ?? [])) } as Record<Command | "all", Summary>;
    for (const c of COMMANDS) out[c] = get(`${prefix}/${c}`);
    return out;
  };
  return { ...answers, bareDefault: per("default"), bareFuzzy: per("fuzzy") };
}
