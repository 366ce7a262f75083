// The soak's workload: a deterministic mix of slash commands, buttons, autocomplete and DMs from a
// set of users, and the answer each one should get, computed by the bot's own handler in this
// process (cooldown off). A soak then only has to prove the transport lost, duplicated or changed
// nothing: under load and faults, every answer must equal the one given here.
import type { Engine } from "../../src/runtime/engine.js";
import type { ReindexReport } from "../../src/runtime/holder.js";
import { route } from "../../src/answer/router.js";
import { Answers } from "../../src/bot/answers.js";
import type { BotContext } from "../../src/bot/command.js";
import { Cooldown } from "../../src/bot/cooldown.js";
import { handleInteraction } from "../../src/bot/handle.js";
import { discordHelp } from "../../src/bot/help.js";
import type { Incoming } from "../../src/bot/incoming.js";
import { CommandOptions } from "../../src/bot/options.js";
import { fromRouted } from "../../src/bot/query.js";
import { QueryStore } from "../../src/bot/query-store.js";
import { commandMap } from "../../src/bot/registry.js";
import { callbackBody } from "../../src/http/callback.js";
import { createLogger } from "../../src/log.js";
import type { DiscordMessage } from "../../src/render/discord.js";
import { EVERYONE_PERMISSIONS, type Json } from "./standin-payloads.js";

export type Action =
  | {
      kind: "command";
      userId: string;
      dm: boolean;
      name: string;
      options: Json[];
      /** Member permission bits (decimal), if not the defaults. */ permissions?: string;
    }
  | { kind: "autocomplete"; userId: string; dm: boolean; name: string; options: Json[] }
  | { kind: "button"; userId: string; dm: boolean; customId: string; ephemeralMessage: boolean }
  | { kind: "dm"; userId: string; content: string };

export interface PlanOptions {
  /** Users in all; the first `hammerers` of them fire far above the cooldown. */
  users: number;
  hammerers: number;
  interactions: number;
  /** Plain-text DMs per ordinary user (the gateway only). */
  dmsPerUser: number;
  /** Requests a /reindex (deferred answer) this many times. */
  reindexes: number;
  seed: number;
  /** Distinguishes the users of one plan from another's (a warm-up must not eat the burst's cooldown). */
  userBase: bigint;
}

/** A small deterministic PRNG (mulberry32): the same seed always gives the same plan. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const str = (name: string, value: string, focused = false): Json => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
const bool = (name: string, value: boolean): Json => ({ name, type: 5, value });

const QUOTES = ["groundless accusations", "political purposes", "purple elephants dancing", "security risks", "Huawei", "trust"];
const EVENTS = ["Huawei sacked an executive in Poland", "Wang Yi branded western suspicions", "US bar Huawei", "the toolbox"];
const ACTORS = ["Huawei", "Wang Yi", "United States", "European Commission", "China", "Nobody Atall"];
const TOPICS = ["EU toolbox", "5G", null, "security"];
const SEARCHES = ["Huawei", "spectrum auctions", "5G security", "Prague summit", "groundles accusatons", "!!!"];
const TYPED = ["", "hu", "wa", "eu", "zz", "ch"];
const DMS = [
  "who said groundless accusations?",
  "when did Huawei sack an executive in Poland?",
  "what's Huawei's stance on the EU toolbox?",
  "Prague summit",
  "help",
  "sources",
];

/** The permission /reindex needs. */
const MANAGE_SERVER = String(1 << 5);

/** The part of all interactions the hammerers send (with 2 of 20 users: 75 each, far over any sane limit). */
const HAMMER_SHARE = 0.3;

/** Counted by the cooldown (autocomplete is not). */
export const counted = (a: Action): boolean => a.kind !== "autocomplete";

export async function planSoak(o: PlanOptions, engine: Engine): Promise<Action[]> {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const buttons = await buttonIds(engine);
  const userId = (u: number): string => String(o.userBase + BigInt(u));
  const interaction = (u: number): Action => {
    const user = userId(u);
    const dm = rnd() < 0.15;
    const priv = rnd() < 0.2 ? [bool("private", true)] : [];
    const r = rnd();
    if (r < 0.14) return { kind: "command", userId: user, dm, name: "who-said", options: [str("quote", pick(QUOTES)), ...priv] };
    if (r < 0.26) return { kind: "command", userId: user, dm, name: "when", options: [str("event", pick(EVENTS)), ...priv] };
    if (r < 0.38) {
      const topic = pick(TOPICS);
      return { kind: "command", userId: user, dm, name: "stance", options: [str("actor", pick(ACTORS)), ...(topic ? [str("topic", topic)] : []), ...priv] };
    }
    if (r < 0.52) return { kind: "command", userId: user, dm, name: "search", options: [str("query", pick(SEARCHES)), ...priv] };
    if (r < 0.56) return { kind: "command", userId: user, dm, name: "sources", options: priv };
    if (r < 0.59) return { kind: "command", userId: user, dm, name: "help", options: [] };
    if (r < 0.6) return { kind: "command", userId: user, dm, name: "frobnicate", options: [] };
    if (r < 0.72) return { kind: "autocomplete", userId: user, dm, name: "stance", options: [str("actor", pick(TYPED), true)] };
    return { kind: "button", userId: user, dm, customId: pick(buttons), ephemeralMessage: rnd() < 0.4 };
  };

  const perUser = new Map<number, Action[]>();
  for (let i = 0; i < o.interactions; i++) {
    // Hammerers send 30% of everything; the rest is spread evenly over ordinary users.
    const u = o.hammerers > 0 && rnd() < HAMMER_SHARE ? Math.floor(rnd() * o.hammerers) : o.hammerers + (i % Math.max(1, o.users - o.hammerers));
    perUser.set(u, [...(perUser.get(u) ?? []), interaction(u)]);
  }
  for (let u = o.hammerers; u < o.users; u++)
    for (let d = 0; d < o.dmsPerUser; d++) perUser.get(u)?.push({ kind: "dm", userId: userId(u), content: pick(DMS) });
  const reindexUser = o.users; // a member of staff of their own, so the cooldown never refuses it
  const all = [...perUser.values()].flat();
  // Interleave users as a crowd would: a stable shuffle of everything.
  const order = all
    .map((a) => ({ a, k: rnd() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.a);
  for (let r = 0; r < o.reindexes; r++)
    order.splice(Math.floor(((r + 1) * order.length) / (o.reindexes + 1)), 0, {
      kind: "command",
      userId: userId(reindexUser),
      dm: false,
      name: "reindex",
      options: [],
      permissions: MANAGE_SERVER,
    });
  return order;
}

/** Real "Show source" and "More" ids, as the engine's answers carry them, plus a stale one. */
async function buttonIds(engine: Engine): Promise<string[]> {
  const answers = new Answers({ current: engine, root: engine.corpus.root, reindex: () => Promise.reject(new Error("unused")) });
  const ids = new Set<string>(["vote:yes", "mork:3:AAAAAAAAAAAA"]);
  for (const q of [
    { command: "who-said" as const, query: "groundless accusations" },
    { command: "search" as const, query: "Huawei" },
    { command: "when" as const, query: "Huawei sacked an executive in Poland" },
    { command: "search" as const, query: "5G security" },
  ]) {
    for (const row of (await answers.page(q)).message.components) for (const b of row.components) if ("custom_id" in b) ids.add(b.custom_id);
  }
  return [...ids];
}

// ------------------------------------------------------------------ expected answers

/** What one answer looks like on the wire, stripped of what differs only in form (empty lists, flags 0). */
export interface WireAnswer {
  type: number;
  content?: string;
  embeds?: Json[];
  components?: Json[];
  flags?: number;
  choices?: Json[];
}

export function normalize(callback: Json): WireAnswer {
  const data = callback?.data ?? {};
  const out: WireAnswer = { type: Number(callback?.type) };
  if (typeof data.content === "string" && data.content !== "") out.content = data.content;
  if (Array.isArray(data.embeds) && data.embeds.length) out.embeds = JSON.parse(JSON.stringify(data.embeds));
  if (Array.isArray(data.components) && data.components.length) out.components = JSON.parse(JSON.stringify(data.components));
  if (Number(data.flags ?? 0)) out.flags = Number(data.flags);
  if (Array.isArray(data.choices)) out.choices = JSON.parse(JSON.stringify(data.choices));
  return out;
}

/** A bot message posted in a channel (a DM answer), in the same normal form. */
export function normalizeMessage(body: Json): WireAnswer {
  return normalize({ type: 0, data: body });
}

export interface Expectation {
  /** The answer, or for a deferred one the placeholder (type 5). */
  answer: WireAnswer;
  /** A deferred answer is completed by an edit that must match this. */
  edit?: RegExp;
}

/** The expected answer of each action, worked out beforehand (answers are async) by `prepare`. */
export interface ExpectedAnswers {
  (a: Action): Expectation;
  prepare(actions: readonly Action[]): Promise<void>;
}

/**
 * The answers the bot must give, from its own handler. `stateless` matches the HTTP endpoint (no
 * query store). The cooldown is off here; a soak accepts a cooldown notice instead only where the
 * plan made that possible.
 */
export function expectedAnswers(engine: Engine, stateless: boolean): ExpectedAnswers {
  const holder = { current: engine, root: engine.corpus.root, reindex: (): Promise<ReindexReport> => Promise.reject(new Error("not in the expectation")) };
  const bot: BotContext = {
    holder,
    answers: new Answers(holder, { store: stateless ? null : new QueryStore() }),
    cooldown: new Cooldown({ disabled: true }),
    log: createLogger("silent"),
  };
  const commands = commandMap();
  const compute = async (a: Action): Promise<Expectation> => {
    if (a.kind === "dm") {
      const query = fromRouted(route(a.content));
      const message: DiscordMessage = query ? (await bot.answers.page(query, 0)).message : discordHelp();
      return { answer: normalizeMessage(message) };
    }
    const permissions = a.kind === "command" && a.permissions ? BigInt(a.permissions) : a.dm ? null : BigInt(EVERYONE_PERMISSIONS);
    const from = { userId: a.userId, guildId: a.dm ? null : "1", memberPermissions: permissions };
    const input: Incoming =
      a.kind === "button"
        ? { kind: "button", customId: a.customId, messageEphemeral: a.ephemeralMessage, ...from }
        : { kind: a.kind, name: a.name, options: new CommandOptions(a.options), ...from };
    const reply = await handleInteraction(input, bot, commands);
    if (reply.type === "deferred") return { answer: normalize(callbackBody(reply)), edit: /^Reindexed \*\*\d+\*\* documents/ };
    return { answer: normalize(callbackBody(reply)) };
  };
  const known = new Map<Action, Expectation>();
  const lookup = (a: Action): Expectation => {
    const e = known.get(a);
    if (!e) throw new Error("soak: an action was not prepared");
    return e;
  };
  return Object.assign(lookup, {
    prepare: async (actions: readonly Action[]): Promise<void> => {
      for (const a of actions) if (!known.has(a)) known.set(a, await compute(a));
    },
  });
}

export const COOLDOWN_NOTICE = /^You're asking quickly \(\d+ questions per \d+ s\)\. Try again in \d+ s\.$/;
