// Firing a soak plan at the stand-in (over the gateway, or to an interactions endpoint when one is
// set), arming faults on the way, and checking the outcome: every interaction answered exactly
// once with the expected answer, every DM answered exactly once, and how long it all took.
import { setTimeout as sleep } from "node:timers/promises";
import type { DiscordStandIn, FaultResponse, RecordedRequest } from "./discord-standin.js";
import { COOLDOWN_NOTICE, normalize, normalizeMessage, type Action, type Expectation, type WireAnswer } from "./soak-plan.js";
import type { Json } from "./standin-payloads.js";

export interface Fault {
  /** Armed just before the action at this fraction of the burst (0–1). */
  at: number;
  match: (r: { method: string; path: string }) => boolean;
  response: FaultResponse;
  times?: number;
}

export interface BurstOptions {
  /** The actions are spread evenly over this long. */
  spreadMs: number;
  faults?: Fault[];
  /** Drop the gateway (close 4000) once, at this fraction of the burst. */
  dropAt?: number;
  /** Called at each action's turn as well (e.g. to interleave forged requests). */
  alongside?: (index: number) => void;
}

export interface Sent {
  action: Action;
  /** Interaction id, or the DM's message id. */
  id: string;
  token?: string;
  /** The interaction as delivered (for replaying it later). */
  payload?: Json;
  channelId?: string;
  sentAt: number;
}

export const isCallback = (r: { method: string; path: string }): boolean => r.method === "POST" && r.path.endsWith("/callback");
export const isChannelPost = (r: { method: string; path: string }): boolean => r.method === "POST" && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path);
export const isOriginalEdit = (r: { method: string; path: string }): boolean => r.method === "PATCH" && r.path.endsWith("/messages/@original");
/** A follow-up message (POST to the interaction's webhook): a late answer after a silent deferred update. */
export const isFollowUp = (r: { method: string; path: string }): boolean => r.method === "POST" && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path);

export async function fireBurst(standIn: DiscordStandIn, actions: Action[], opts: BurstOptions): Promise<Sent[]> {
  const at = (fraction: number): number => Math.min(actions.length - 1, Math.floor(fraction * actions.length));
  const faults = new Map<number, Fault[]>();
  for (const f of opts.faults ?? []) faults.set(at(f.at), [...(faults.get(at(f.at)) ?? []), f]);
  const drop = opts.dropAt === undefined ? -1 : at(opts.dropAt);
  const t0 = performance.now();
  const pending: Array<Promise<Sent>> = [];
  for (const [i, action] of actions.entries()) {
    const wait = t0 + (i * opts.spreadMs) / actions.length - performance.now();
    if (wait > 1) await sleep(wait);
    for (const f of faults.get(i) ?? []) standIn.failNext(f.match, f.response, f.times ?? 1);
    if (i === drop) void standIn.dropGateway(4000);
    opts.alongside?.(i);
    pending.push(send(standIn, action));
  }
  return Promise.all(pending);
}

async function send(standIn: DiscordStandIn, a: Action): Promise<Sent> {
  const sentAt = Date.now();
  if (a.kind === "dm") {
    const message = await standIn.messageCreate({ content: a.content, dm: true, userId: a.userId });
    return { action: a, id: message.id, channelId: message.channel_id, sentAt };
  }
  const ctx = { userId: a.userId, dm: a.dm, ...(a.kind === "command" && a.permissions ? { permissions: a.permissions } : {}) };
  const sent =
    a.kind === "command"
      ? await standIn.chatInput(a.name, a.options, ctx)
      : a.kind === "autocomplete"
        ? await standIn.autocomplete(a.name, a.options, ctx)
        : await standIn.button(a.customId, { flags: a.ephemeralMessage ? 64 : 0, components: [] }, ctx);
  return { action: a, id: sent.id, token: sent.token, payload: sent.payload, sentAt };
}

interface Index {
  callbacks: Map<string, RecordedRequest[]>;
  edits: Map<string, RecordedRequest[]>;
  followUps: Map<string, RecordedRequest[]>;
  posts: Map<string, RecordedRequest[]>;
}

function index(standIn: DiscordStandIn, sent: Sent[]): Index {
  const byToken = new Map(sent.filter((s) => s.token).map((s) => [s.token!, s.id]));
  const idx: Index = { callbacks: new Map(), edits: new Map(), followUps: new Map(), posts: new Map() };
  const add = (m: Map<string, RecordedRequest[]>, k: string, r: RecordedRequest): void => void m.set(k, [...(m.get(k) ?? []), r]);
  for (const r of standIn.requests) {
    let m: RegExpExecArray | null;
    if (isCallback(r) && (m = /\/interactions\/(\d+)\//.exec(r.path))) add(idx.callbacks, m[1]!, r);
    else if (isOriginalEdit(r) && (m = /\/webhooks\/\d+\/([^/]+)\/messages/.exec(r.path)) && byToken.has(m[1]!)) add(idx.edits, byToken.get(m[1]!)!, r);
    else if (isFollowUp(r) && (m = /\/webhooks\/\d+\/([^/]+)$/.exec(r.path)) && byToken.has(m[1]!)) add(idx.followUps, byToken.get(m[1]!)!, r);
    else if (isChannelPost(r) && r.body?.message_reference?.message_id) add(idx.posts, String(r.body.message_reference.message_id), r);
  }
  return idx;
}

const ok = (r: RecordedRequest): boolean => r.status >= 200 && r.status < 300;

function settled(s: Sent, idx: Index): boolean {
  if (s.action.kind === "dm") return (idx.posts.get(s.id) ?? []).some(ok);
  const callback = (idx.callbacks.get(s.id) ?? []).find(ok);
  if (!callback) return false;
  const placeholder = [5, 6].includes(normalize(callback.body).type);
  // A placeholder (a deferred answer, or one that came late) is settled once it is completed.
  return !placeholder || (idx.edits.get(s.id) ?? []).some(ok) || (idx.followUps.get(s.id) ?? []).some(ok);
}

/** Waits until everything sent has its answer (or the timeout), then settles a little for stragglers (duplicates). */
export async function awaitAnswers(standIn: DiscordStandIn, sent: Sent[], expect: (a: Action) => Expectation, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const idx = index(standIn, sent);
    if (sent.every((s) => settled(s, idx))) break;
    await sleep(50);
  }
  await sleep(300);
}

export interface SoakFigures {
  interactions: number;
  answered: number;
  /** Interactions answered with the expected answer (the rest: cooldown notices, or wrong). */
  realAnswers: number;
  cooldownNotices: number;
  missing: number;
  duplicated: number;
  wrong: number;
  dms: number;
  dmAnswered: number;
  /** Deferred by design (/reindex), completed by an edit. */
  deferred: number;
  /** Deferred because the answer's turn came late, then completed (how many depends on the machine). */
  late: number;
  /** Fault responses the bot rode out (429, 5xx), by status. */
  faults: Record<string, number>;
  /** Callbacks, edits and posts Discord would have refused (400, 404…): must stay 0. */
  refused: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  problems: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Checks every answer against its expectation. A cooldown notice is accepted instead only for
 * users `mayBeRefused` says could be refused (the hammerers).
 */
export function evaluate(standIn: DiscordStandIn, sent: Sent[], expect: (a: Action) => Expectation, mayBeRefused: (userId: string) => boolean): SoakFigures {
  const idx = index(standIn, sent);
  const f: SoakFigures = {
    interactions: 0,
    answered: 0,
    realAnswers: 0,
    cooldownNotices: 0,
    missing: 0,
    duplicated: 0,
    wrong: 0,
    dms: 0,
    dmAnswered: 0,
    deferred: 0,
    late: 0,
    faults: {},
    refused: 0,
    latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
    problems: [],
  };
  const latencies: number[] = [];
  const problem = (text: string): void => void (f.problems.length < 20 && f.problems.push(text));
  const tally = (records: RecordedRequest[]): void => {
    for (const r of records) {
      if (r.status === 429 || r.status >= 500) f.faults[r.status] = (f.faults[r.status] ?? 0) + 1;
      else if (!ok(r)) {
        f.refused++;
        problem(`${r.method} ${r.path.replace(/\/[\w-]{60,}/, "/[token]")} -> ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    }
  };
  for (const s of sent) {
    const a = s.action;
    const records =
      a.kind === "dm" ? (idx.posts.get(s.id) ?? []) : [...(idx.callbacks.get(s.id) ?? []), ...(idx.edits.get(s.id) ?? []), ...(idx.followUps.get(s.id) ?? [])];
    tally(records);
    const answers = (a.kind === "dm" ? records : (idx.callbacks.get(s.id) ?? [])).filter(ok);
    if (a.kind === "dm") f.dms++;
    else f.interactions++;
    if (answers.length === 0) {
      f.missing++;
      problem(`no answer to ${describe(a)}`);
      continue;
    }
    if (answers.length > 1) {
      f.duplicated++;
      problem(`${answers.length} answers to ${describe(a)}`);
    }
    if (a.kind === "dm") f.dmAnswered++;
    else f.answered++;
    latencies.push(answers[0]!.at - s.sentAt);
    const want = expect(a);
    let got: WireAnswer = a.kind === "dm" ? normalizeMessage(answers[0]!.body) : normalize(answers[0]!.body);
    if ((got.type === 5 || got.type === 6) && want.answer.type !== 5) {
      // Came late: acknowledged with a placeholder, then completed exactly once with the answer.
      f.late++;
      const completions = [...(idx.edits.get(s.id) ?? []), ...(idx.followUps.get(s.id) ?? [])].filter(ok);
      if (completions.length !== 1) {
        if (completions.length > 1) f.duplicated++;
        else f.missing++;
        problem(`late ${describe(a)} was completed ${completions.length} times`);
        continue;
      }
      const placeholderProblem = checkPlaceholder(a, got, want.answer);
      if (placeholderProblem) {
        f.wrong++;
        problem(`late ${describe(a)}: ${placeholderProblem}`);
        continue;
      }
      got = completedAnswer(got, completions[0]!, want.answer);
    }
    if (isCooldownNotice(got) && mayBeRefused(a.userId)) {
      f.cooldownNotices++;
      continue;
    }
    if (!same(got, want.answer)) {
      f.wrong++;
      problem(`wrong answer to ${describe(a)}: got ${JSON.stringify(got).slice(0, 300)}, expected ${JSON.stringify(want.answer).slice(0, 300)}`);
      continue;
    }
    if (a.kind !== "dm") f.realAnswers++;
    if (want.edit) {
      f.deferred++;
      const edits = (idx.edits.get(s.id) ?? []).filter(ok);
      if (edits.length !== 1 || !want.edit.test(String(edits[0]!.body?.content ?? ""))) {
        f.wrong++;
        problem(`deferred ${describe(a)} was completed ${edits.length} times: ${JSON.stringify(edits.map((e) => e.body?.content))}`);
      }
    }
  }
  const sorted = latencies.sort((x, y) => x - y);
  f.latencyMs = { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
  return f;
}

/**
 * The placeholder a late answer was acknowledged with must not show more than the answer would: a
 * public placeholder only for a public answer or one that found nothing (whose privacy was not
 * asked for); a private answer asked for must have a private placeholder; paging in place is a
 * silent deferred update.
 */
function checkPlaceholder(a: Action, placeholder: WireAnswer, want: WireAnswer): string | null {
  if (want.type === 7) return placeholder.type === 6 ? null : `placeholder type ${placeholder.type} for an in-place update`;
  if (placeholder.type === 6) return a.kind === "button" ? null : "a deferred update for a command";
  const publicPlaceholder = !((placeholder.flags ?? 0) & 64);
  const askedPrivate = a.kind === "command" && a.options.some((o) => o.name === "private" && o.value === true);
  if (publicPlaceholder && (askedPrivate || a.kind === "button")) return "a public placeholder for a private answer";
  if (!publicPlaceholder && !((want.flags ?? 0) & 64)) return "a private placeholder for a public answer";
  return null;
}

/** The answer as the user ends up seeing it, in the form of the expected callback. */
function completedAnswer(placeholder: WireAnswer, completion: RecordedRequest, want: WireAnswer): WireAnswer {
  if (isFollowUp(completion)) return normalize({ type: 4, data: completion.body });
  const edited = normalize({ type: placeholder.type === 6 ? 7 : 4, data: completion.body });
  // A placeholder's privacy is the answer's; a not-found answer keeps the placeholder's (checked above).
  const flags = placeholder.type === 6 ? undefined : want.flags;
  return { ...edited, ...(flags ? { flags } : {}) };
}

function isCooldownNotice(a: WireAnswer): boolean {
  return a.type === 4 && a.flags === 64 && COOLDOWN_NOTICE.test(a.content ?? "") && !a.embeds;
}

function same(a: WireAnswer, b: WireAnswer): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}

export function describe(a: Action): string {
  switch (a.kind) {
    case "dm":
      return `DM "${a.content}" from ${a.userId}`;
    case "button":
      return `button ${a.customId} from ${a.userId}`;
    default:
      return `${a.kind} /${a.name} ${JSON.stringify(a.options)} from ${a.userId}${a.dm ? " (DM)" : ""}`;
  }
}
