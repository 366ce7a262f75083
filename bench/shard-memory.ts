// `npx tsx bench/shard-memory.ts [--knowledge DIR,DIR] [--shards 1,4,16] [--questions N] [--checkout DIR]`
// Resident memory of the sharded bot: starts `npm start` (src/main.ts) with SHARDS=N against the
// local Discord stand-in (loopback, no token), waits for every shard's READY, has each shard
// answer N questions from its own server, then sums the resident memory of the bot's whole process
// tree (one process with worker threads today; a process per shard in older checkouts, which
// --checkout measures the same way). Also the unsharded bot (no SHARDS) as the reference. Linux
// only (/proc).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DiscordStandIn } from "../test/support/discord-standin.js";
import { guildsForShards } from "../test/support/shard-guilds.js";

const HERE = resolve(import.meta.dirname, "..");
const TOKEN = "bench-token.for-the-stand-in.not-a-secret";
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const { values } = parseArgs({
  options: {
    knowledge: { type: "string", default: [join(HERE, "knowledge"), "/work/main/.cache/bench/10000-1/knowledge"].filter(existsSync).join(",") },
    shards: { type: "string", default: "1,4,16" },
    questions: { type: "string", default: "5" },
    checkout: { type: "string", default: HERE },
  },
});
const knowledgeDirs = values.knowledge
  .split(",")
  .filter(Boolean)
  .map((d) => resolve(d));
const shardCounts = values.shards.split(",").map(Number);
const questions = Number(values.questions);
const checkout = resolve(values.checkout);

interface Sample {
  /** Summed VmRSS of the Node processes in the bot's process tree, MB. */
  rssMb: number;
  /** Summed VmHWM (each process' peak), MB. */
  peakMb: number;
  /** Node processes. */
  processes: number;
  /** Threads of every process in the tree. */
  threads: number;
  /** Process names and RSS, MB (which processes make up the tree). */
  parts: string;
}

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, "utf8").split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return out;
}

/** The pid and every descendant's. */
function tree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) for (const [pid, ppid] of parent) if (ppid === found[i]) found.push(pid);
  return found;
}

function sample(pid: number): Sample {
  const kb = (v: string | undefined): number => Number((v ?? "0 kB").split(/\s+/)[0]);
  let rss = 0;
  let peak = 0;
  let threads = 0;
  const pids = tree(pid);
  const parts: string[] = [];
  for (const p of pids) {
    const s = status(p);
    parts.push(`${s.Name} ${Math.round(kb(s.VmRSS) / 1024)}`);
    // tsx's esbuild helper comes and goes while modules load; what stays is Node.
    if (s.Name !== "node") continue;
    rss += kb(s.VmRSS);
    peak += kb(s.VmHWM);
    threads += Number(s.Threads ?? 0);
  }
  return {
    rssMb: Math.round(rss / 102.4) / 10,
    peakMb: Math.round(peak / 102.4) / 10,
    processes: parts.filter((p) => p.startsWith("node ")).length,
    threads,
    parts: parts.join(", "),
  };
}

function startBot(env: Record<string, string>): { child: ChildProcess; stderr: () => string; cleanup: () => void } {
  const cwd = mkdtempSync(join(tmpdir(), "shard-memory-"));
  const child = spawn(process.execPath, ["--import", TSX, join(checkout, "src/main.ts")], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      TSX_TSCONFIG_PATH: join(checkout, "tsconfig.json"),
      NO_COLOR: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  return { child, stderr: () => err, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
}

async function measure(knowledge: string, cache: string, shards: number | null): Promise<Sample & { startMs: number }> {
  const count = shards ?? 1;
  const byShard = guildsForShards(count, 1);
  const guilds = byShard.flat().map((id, i) => ({ id, name: `Server ${i}` }));
  const standIn = await DiscordStandIn.start({ token: TOKEN, shards: count, maxConcurrency: count, guilds });
  const t0 = performance.now();
  const bot = startBot({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: standIn.apiBase,
    KNOWLEDGE_DIR: knowledge,
    CACHE_DIR: cache,
    LOG_LEVEL: "warn",
    COOLDOWN: "1000/10",
    ...(shards ? { SHARDS: String(shards) } : {}),
  });
  try {
    const exited = new Promise<never>((_, reject) => bot.child.once("exit", (code) => reject(new Error(`the bot exited (${code}):\n${bot.stderr()}`))));
    await Promise.race([standIn.waitForReady(count, 300_000), exited]);
    const startMs = Math.round(performance.now() - t0);
    let users = 0;
    for (const [shard, [guildId]] of byShard.entries()) {
      for (let q = 0; q < questions; q++) {
        const sent = await standIn.chatInput("search", [{ name: "query", type: 3, value: q % 2 ? "said" : "minister" }], {
          guildId,
          userId: `${460000000000000000n + BigInt(++users)}`,
        });
        await Promise.race([standIn.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`) && r.status < 300, 30_000), exited]).catch(
          (e: unknown) => {
            throw new Error(`shard ${shard} did not answer: ${(e as Error).message}`);
          },
        );
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    return { ...sample(bot.child.pid!), startMs };
  } finally {
    bot.child.kill("SIGTERM");
    if (bot.child.exitCode === null) await new Promise((r) => bot.child.once("exit", r));
    bot.cleanup();
    await standIn.stop();
  }
}

async function main(): Promise<void> {
  console.log(`checkout ${checkout}; ${questions} questions per shard; RSS of the whole process tree after a 2 s settle`);
  console.log("| knowledge | shards | processes / threads | start to all READY | RSS | peak RSS (sum) | RSS ÷ 1 shard |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const knowledge of knowledgeDirs) {
    const cache = mkdtempSync(join(tmpdir(), "shard-memory-cache-"));
    try {
      await measure(knowledge, cache, null); // builds the index cache, so every measured start loads it
      let one: number | null = null;
      for (const shards of [null, ...shardCounts]) {
        const s = await measure(knowledge, cache, shards);
        if (shards === 1) one = s.rssMb;
        const ratio = shards && one ? `${(s.rssMb / one).toFixed(2)}×` : "";
        console.log(
          `| ${knowledge} | ${shards ?? "none"} | ${s.processes} / ${s.threads} | ${(s.startMs / 1000).toFixed(1)} s | ${s.rssMb} MB | ${s.peakMb} MB | ${ratio} |`,
        );
        console.error(`  (${s.parts})`);
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
