// What every answer is given: the two store interfaces and the citation options. Nothing here knows
// which store it is (MiniSearch in memory, PostgreSQL): answers only ask these.
import type { FactStore, PassageFacts, SearchBackend } from "../store/types.js";
import type { CitationOptions } from "./citation.js";
import { makeQuery } from "./match.js";
import { type Checked, checkQuery } from "./validate.js";

export interface AnswerOptions extends CitationOptions {
  /** How many results an answer carries at most (default 5). */
  limit?: number;
}

export interface AnswerContext {
  readonly backend: SearchBackend;
  readonly facts: FactStore;
  readonly options: AnswerOptions;
}

export const DEFAULT_LIMIT = 5;

export function limitOf(ctx: AnswerContext): number {
  return ctx.options.limit ?? DEFAULT_LIMIT;
}

/**
 * A query checked (length, emptiness) and spell-corrected against the corpus' own words, so
 * "groundles accusatons" finds "groundless accusations".
 */
export async function checkCorrected(ctx: AnswerContext, input: unknown, what: string): Promise<Checked & { corrected?: string; typed?: string }> {
  const checked = checkQuery(input, what);
  if (!checked.ok) return checked;
  const corrected = await ctx.backend.correct(checked.text);
  if (!corrected) return checked;
  return { ok: true, text: corrected, query: makeQuery(corrected), corrected, typed: checked.text };
}

/** The candidate passages for a query, with their facts, best first. */
export async function candidatePassages(ctx: AnswerContext, text: string, limit: number): Promise<PassageFacts[]> {
  return ctx.facts.passages(await ctx.backend.candidates(text, limit));
}

/** One passage with its facts, or null when the store has no such id. */
export async function passageById(ctx: AnswerContext, id: number): Promise<PassageFacts | null> {
  return (await ctx.facts.passages([id]))[0] ?? null;
}
