// The soak, end to end: start the real bot (or the HTTP endpoint) as a child process against the
// stand-in, warm it up, then fire a burst of a few hundred interactions and DMs from 20 users with
// REST faults and a gateway drop (or, for the endpoint, interleaved forged, replayed, unsigned,
// malformed and oversized requests), and report what came back. Used by test/soak.test.ts (which
// asserts) and by `npm run soak` (which prints the figures).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "../../src/runtime/engine.js";
import { ROOT, runTs, type ChildRun } from "./bot-process.js";
import { atOrdinaryPriority } from "./cpu-hog.js";
import { DiscordStandIn } from "./discord-standin.js";
import { newKeyPair, signedPost, type PostResult } from "./signing.js";
import { counted, expectedAnswers, planSoak, type Action, type PlanOptions } from "./soak-plan.js";
import { awaitAnswers, evaluate, fireBurst, isCallback, isChannelPost, isOriginalEdit, type SoakFigures } from "./soak-run.js";

// Bounds, not measurements: generous enough for a machine whose every core is busy with other work
// (the soak test runs a CPU hog beside itself). A late answer may be completed within 15 minutes.
const STARTUP_MS = 180_000;
const SETTLE_MS = 180_000;
/**
 * Discord's is 41.25 s. A short one would have a starved bot miss heartbeats and resume over and
 * over (each time holding back events), which is the harness's doing, not a real gateway's.
 */
const HEARTBEAT_MS = 15_000;

export const SOAK_TOKEN = "fake-token.for-the-stand-in.never-real";
/** The soak's per-user limit: ordinary users stay under it, hammerers go far over. */
export const SOAK_COOLDOWN = { limit: 25, seconds: 10 };

export interface SoakOptions {
  users: number;
  hammerers: number;
  interactions: number;
  dmsPerUser: number;
  warmupInteractions: number;
  /** The burst is spread over this long (ms). */
  spreadMs: number;
  seed: number;
  /** Inject REST faults and the gateway drop (default); false measures a quiet burst. */
  faults?: boolean;
}

export const DEFAULT_SOAK: SoakOptions = { users: 20, hammerers: 2, interactions: 500, dmsPerUser: 2, warmupInteractions: 150, spreadMs: 4000, seed: 5 };

export type Stats = Record<string, number>;

export interface SoakReport {
  mode: "gateway" | "http";
  warmup: SoakFigures;
  burst: SoakFigures;
  before: Stats;
  after: Stats;
  /** Gateway: RESUMEs and IDENTIFYs the stand-in saw; HTTP: attack requests and how they were answered. */
  resumes?: number;
  identifies?: number;
  attacks?: { sent: number; byStatus: Record<string, number>; answered: number };
  elapsedMs: number;
  stderr: string;
}

/** Asks the process for a stats line (SIGUSR2, see src/bot/stats.ts) and parses it. */
export async function requestStats(run: ChildRun, label = "stats"): Promise<Stats> {
  const pattern = new RegExp(`^${label} (\\{.*\\})$`, "gm");
  const before = [...run.stderr.matchAll(pattern)].length;
  run.child.kill("SIGUSR2");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const lines = [...run.stderr.matchAll(pattern)];
    if (lines.length > before) return JSON.parse(lines.at(-1)![1]!) as Stats;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${label} line after SIGUSR2; stderr:\n${run.stderr.slice(-2000)}`);
}

async function plan(o: SoakOptions, engine: Engine, extra: Partial<PlanOptions>): Promise<Action[]> {
  const actions = await planSoak(
    {
      users: o.users,
      hammerers: o.hammerers,
      interactions: o.interactions,
      dmsPerUser: o.dmsPerUser,
      reindexes: 1,
      seed: o.seed,
      userBase: 420000000000000000n,
      ...extra,
    },
    engine,
  );
  // The plan must leave ordinary users under the cooldown whatever the timing, or the check below is unfair.
  const perUser = new Map<string, number>();
  for (const a of actions) if (counted(a)) perUser.set(a.userId, (perUser.get(a.userId) ?? 0) + 1);
  const hammerers = hammererIds(extra.userBase ?? 420000000000000000n, o.hammerers);
  for (const [user, n] of perUser)
    if (!hammerers.has(user) && n > SOAK_COOLDOWN.limit)
      throw new Error(`soak plan: user ${user} has ${n} counted actions, over the limit of ${SOAK_COOLDOWN.limit}`);
  return actions;
}

const hammererIds = (base: bigint, n: number): Set<string> => new Set(Array.from({ length: n }, (_, i) => String(base + BigInt(i))));

function knowledgeCopy(): { dir: string; cache: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "soak-knowledge-"));
  const cache = mkdtempSync(join(tmpdir(), "soak-cache-"));
  cpSync(join(ROOT, "knowledge"), dir, { recursive: true });
  return { dir, cache, cleanup: () => [dir, cache].forEach((d) => rmSync(d, { recursive: true, force: true })) };
}

const botEnv = (knowledge: string, cache: string): Record<string, string> => ({
  KNOWLEDGE_DIR: knowledge,
  CACHE_DIR: cache,
  LOG_LEVEL: "info",
  COOLDOWN: `${SOAK_COOLDOWN.limit}/${SOAK_COOLDOWN.seconds}`,
  // Lets the stats hook collect garbage first, so "heap after" is what is really retained.
  NODE_OPTIONS: "--expose-gc",
});

/** The gateway bot: 429s and 500s on callbacks, edits and DM replies, and one gateway drop mid-burst. */
export async function gatewaySoak(o: SoakOptions = DEFAULT_SOAK): Promise<SoakReport> {
  const kb = knowledgeCopy();
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: HEARTBEAT_MS, token: SOAK_TOKEN });
  const bot = runTs("src/main.ts", { DISCORD_TOKEN: SOAK_TOKEN, DISCORD_API_BASE: standIn.apiBase, ...botEnv(kb.dir, kb.cache) });
  atOrdinaryPriority(bot.child.pid);
  try {
    await bot.waitForStderr(/Logged in as /, STARTUP_MS);
    const engine = Engine.fromFolder(kb.dir);
    const expect = expectedAnswers(engine, false);
    const t0 = Date.now();

    const { warmup } = await warmUp(standIn, o, engine, expect, 1);
    const before = await requestStats(bot);

    const actions = await plan(o, engine, {});
    await expect.prepare(actions);
    const sent = await fireBurst(
      standIn,
      actions,
      o.faults === false
        ? { spreadMs: o.spreadMs }
        : {
            spreadMs: o.spreadMs,
            dropAt: 0.4,
            faults: [
              { at: 0.1, match: isCallback, response: { status: 429, retryAfter: 0.2 } },
              { at: 0.15, match: isCallback, response: { status: 500 }, times: 2 },
              { at: 0.3, match: isChannelPost, response: { status: 429, retryAfter: 0.2 } },
              { at: 0.5, match: isCallback, response: { status: 502 } },
              { at: 0.55, match: isChannelPost, response: { status: 500 } },
              { at: 0.7, match: isCallback, response: { status: 429, retryAfter: 0.1 } },
              { at: 0.45, match: isOriginalEdit, response: { status: 500 } }, // just before the /reindex in the middle
              { at: 0.8, match: isCallback, response: { status: 503 } },
            ],
          },
    );
    await awaitAnswers(standIn, sent, expect, SETTLE_MS);
    const burst = evaluate(standIn, sent, expect, (u) => hammererIds(420000000000000000n, o.hammerers).has(u));
    const after = await requestStats(bot);
    return {
      mode: "gateway",
      warmup,
      burst,
      before,
      after,
      resumes: standIn.resumes.length,
      identifies: standIn.identifies.length,
      elapsedMs: Date.now() - t0,
      stderr: bot.stderr,
    };
  } finally {
    bot.kill("SIGTERM");
    await bot.exit(15_000).catch(() => bot.kill("SIGKILL"));
    await standIn.stop();
    kb.cleanup();
  }
}

/** A first, smaller burst (one /reindex in it) so that the measured burst starts warm. */
async function warmUp(standIn: DiscordStandIn, o: SoakOptions, engine: Engine, expect: ReturnType<typeof expectedAnswers>, dmsPerUser: number) {
  const warmActions = await plan({ ...o, interactions: o.warmupInteractions, dmsPerUser }, engine, {
    seed: o.seed + 1,
    reindexes: 1,
    userBase: 430000000000000000n,
  });
  await expect.prepare(warmActions);
  const warmSent = await fireBurst(standIn, warmActions, { spreadMs: o.spreadMs / 2 });
  await awaitAnswers(standIn, warmSent, expect, SETTLE_MS);
  return { warmSent, warmup: evaluate(standIn, warmSent, expect, (u) => hammererIds(430000000000000000n, o.hammerers).has(u)) };
}

/** The HTTP endpoint: the same mix, signed, with forged, replayed, unsigned, malformed and oversized requests in between. */
export async function httpSoak(o: SoakOptions = DEFAULT_SOAK): Promise<SoakReport> {
  const kb = knowledgeCopy();
  const keys = newKeyPair();
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: HEARTBEAT_MS });
  const server = runTs("src/http/main.ts", {
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_BASE: standIn.apiBase,
    PORT: "0",
    HOST: "127.0.0.1",
    ...botEnv(kb.dir, kb.cache),
  });
  atOrdinaryPriority(server.child.pid);
  try {
    const line = await server.waitForStderr(/Serving Discord interactions on http:\/\/127\.0\.0\.1:\d+\//, STARTUP_MS);
    const endpoint = { url: `http://127.0.0.1:${/:(\d+)\//.exec(line)![1]}/`, privateKey: keys.privateKey };
    const problems = await standIn.verifyInteractionsEndpoint(endpoint);
    if (problems.length) throw new Error(`the endpoint failed Discord's URL check: ${problems.join("; ")}`);
    standIn.setInteractionsEndpoint(endpoint);
    const engine = Engine.fromFolder(kb.dir);
    const expect = expectedAnswers(engine, true);
    const t0 = Date.now();

    const { warmup, warmSent } = await warmUp(standIn, o, engine, expect, 0);
    const before = await requestStats(server);

    // Attacks: each is a request Discord did not sign (or signed long ago); none may be answered.
    const captured = warmSent.filter((s) => s.payload).map((s) => JSON.stringify(s.payload));
    const stale = String(Math.floor(Date.now() / 1000) - 600);
    const attacks: Array<Promise<PostResult>> = [];
    const attack = (i: number): void => {
      if (i % 5 !== 0) return;
      const body = captured[i % captured.length]!;
      const kind = (i / 5) % 7;
      if (kind === 0) attacks.push(signedPost(endpoint, body, { tamper: true }));
      else if (kind === 1) attacks.push(signedPost(endpoint, body, { timestamp: stale }));
      else if (kind === 2) attacks.push(signedPost(endpoint, body, { unsigned: true }));
      else if (kind === 3) attacks.push(signedPost(endpoint, `${body.slice(0, -1)},`));
      else if (kind === 4) attacks.push(signedPost(endpoint, JSON.stringify({ ...JSON.parse(body), padding: "x".repeat(70_000) })));
      else if (kind === 5) attacks.push(signedPost({ ...endpoint, privateKey: newKeyPair().privateKey }, body));
      else attacks.push(signedPost(endpoint, body)); // replayed within its five minutes: answered already
    };
    const actions = await plan({ ...o, dmsPerUser: 0 }, engine, {});
    await expect.prepare(actions);
    const sent = await fireBurst(standIn, actions, {
      spreadMs: o.spreadMs,
      alongside: attack,
      faults: [{ at: 0.5, match: isOriginalEdit, response: { status: 500 } }],
    });
    await awaitAnswers(standIn, sent, expect, SETTLE_MS);
    const burst = evaluate(standIn, sent, expect, (u) => hammererIds(420000000000000000n, o.hammerers).has(u));
    const results = await Promise.all(attacks);
    const byStatus: Record<string, number> = {};
    for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const answered = results.filter((r) => r.status === 200 || (r.json && typeof r.json.type === "number")).length;
    const after = await requestStats(server);
    return {
      mode: "http",
      warmup,
      burst,
      before,
      after,
      attacks: { sent: results.length, byStatus, answered },
      elapsedMs: Date.now() - t0,
      stderr: server.stderr,
    };
  } finally {
    server.kill("SIGTERM");
    await server.exit(15_000).catch(() => server.kill("SIGKILL"));
    await standIn.stop();
    kb.cleanup();
  }
}

/** The figures worth printing, one block per mode. */
export function formatReport(r: SoakReport): string {
  const b = r.burst;
  const lines = [
    `${r.mode === "gateway" ? "Gateway bot" : "HTTP endpoint"} soak (${(r.elapsedMs / 1000).toFixed(1)} s incl. warm-up):`,
    `  interactions ${b.interactions}: answered ${b.answered} (exactly once: ${b.answered - b.duplicated}), real answers ${b.realAnswers}, cooldown notices ${b.cooldownNotices}, deferred ${b.deferred}, late (placeholder first, then the answer) ${b.late}`,
    `  missing ${b.missing}, duplicated ${b.duplicated}, wrong ${b.wrong}, refused by Discord ${b.refused}`,
  ];
  if (r.mode === "gateway") lines.push(`  DMs ${b.dms}: answered ${b.dmAnswered}`, `  gateway: ${r.identifies} IDENTIFY, ${r.resumes} RESUME after the drop`);
  if (r.attacks)
    lines.push(
      `  attacks ${r.attacks.sent} (forged, stale, unsigned, malformed, oversized, wrong key, replayed): ${JSON.stringify(r.attacks.byStatus)}, answered ${r.attacks.answered}`,
    );
  lines.push(
    `  faults ridden out: ${JSON.stringify(b.faults)}`,
    `  latency through the stand-in: p50 ${b.latencyMs.p50} ms, p90 ${b.latencyMs.p90} ms, p99 ${b.latencyMs.p99} ms, max ${b.latencyMs.max} ms`,
    `  memory: peak RSS ${r.after.peakRssMb} MB; heap after GC ${r.before.heapUsedMb} MB before the burst, ${r.after.heapUsedMb} MB after; RSS ${r.before.rssMb} → ${r.after.rssMb} MB`,
  );
  const keys = Object.keys(r.after).filter((k) => /Listeners|cooldown|queryStore|cached|pending/.test(k));
  lines.push(`  growth-prone counts before → after: ${keys.map((k) => `${k} ${r.before[k]}→${r.after[k]}`).join(", ")}`);
  if (b.problems.length) lines.push("  problems:", ...b.problems.map((p) => `    ${p}`));
  return lines.join("\n");
}
