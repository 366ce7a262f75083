// The facts a timeline reads, fetched from the store up front: the actor's quotations (by the
// speakers that fit the name) and stance facts (by the actor keys sharing a word with it), or, for
// a topic alone, the facts of the passages the search backend finds for the topic. Fetching first
// keeps answerTimeline a plain function over data, the same on every store.
import type { DocumentRecord, Passage, Quote, StanceFact, TimeExpression } from "../types.js";
import { actorKey } from "../extract/actors.js";
import type { PassageFacts } from "../store/types.js";
import { type AnswerContext, limitOf } from "./context.js";
import { speakerMatcher } from "./speaker-match.js";
import { checkQuery } from "./validate.js";
import { answerTimeline, EVENT_PASSAGES, type TimelineAnswer, type TimelineFacts } from "./timeline.js";

/** The timeline of an actor and/or a topic (either may be empty), over any store. */
export async function answerTimelineIn(ctx: AnswerContext, actorInput: unknown, topicInput?: unknown, limit = limitOf(ctx)): Promise<TimelineAnswer> {
  const actor = typeof actorInput === "string" && actorInput.trim() ? actorInput.trim() : null;
  const topic = typeof topicInput === "string" && topicInput.trim() ? topicInput.trim() : null;
  // Bad input (too long, no words) is answered by answerTimeline's own checks, with nothing fetched.
  const valid = (actor || topic) && [actor, topic].every((v) => v === null || checkQuery(v, "words").ok);
  const facts = valid ? await gatherTimelineFacts(ctx, actor, topic) : emptyFacts(ctx);
  return answerTimeline(facts, actorInput, topicInput, limit);
}

export async function gatherTimelineFacts(ctx: AnswerContext, actor: string | null, topic: string | null): Promise<TimelineFacts> {
  let quotes: Quote[] = [];
  let stances: StanceFact[] = [];
  let about: number[] = [];
  if (actor) {
    const fits = speakerMatcher(actor);
    const speakers = (await ctx.facts.speakers()).filter((s) => fits(s.speaker, s.role) !== "none").map((s) => s.speaker);
    quotes = await ctx.facts.quotesBySpeakers(speakers);
    // The words of the key's display name, then the name's as asked: one lookup, as the stance answer's.
    stances = await ctx.facts.stancesByActors(await ctx.facts.actorsSharingWord(`${actorKey(actor).name} ${actor}`));
  } else if (topic) {
    about = await ctx.backend.candidates(topic, EVENT_PASSAGES);
    const found = await ctx.facts.passages(about);
    quotes = found.flatMap((p) => p.quotes);
    stances = await ctx.facts.stancesInPassages(about);
  }
  const wanted = new Set<number>(about);
  for (const q of quotes) {
    wanted.add(q.passageId);
    if (q.attribution) wanted.add(q.attribution.passageId);
  }
  for (const s of stances) wanted.add(s.passageId);
  const byId = new Map<number, PassageFacts>((await ctx.facts.passages([...wanted])).map((p) => [p.passage.id, p]));
  const documents: DocumentRecord[] = [];
  for (const p of byId.values()) documents[p.document.id] = p.document;
  return {
    documents,
    passage: (id: number): Passage => byId.get(id)!.passage,
    quotes,
    stances,
    timesIn: (id: number): readonly TimeExpression[] => byId.get(id)?.times ?? [],
    passagesAbout: () => about,
    citation: ctx.options,
  };
}

function emptyFacts(ctx: AnswerContext): TimelineFacts {
  return {
    documents: [],
    passage: () => {
      throw new Error("no passages");
    },
    quotes: [],
    stances: [],
    timesIn: () => [],
    passagesAbout: () => [],
    citation: ctx.options,
  };
}
