// `npm run bench -- [--sizes 1000,10000,100000] [--quick] [--queries N] [--seed S] [--out FILE]`
// Generates (or reuses) news-like corpora of each size under .cache/bench, measures indexing, cold
// start, answer latency against bare MiniSearch, memory and accuracy on the generated answer key,
// prints one table and writes the same figures to bench/results.json. Progress goes to stderr.
// `--store postgres` (or `embedded,postgres`) measures the PostgreSQL store in a throwaway cluster
// beside the embedded one (bench/pg-measure.ts) and prints the two side by side.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { ensureCorpus } from "./generate.js";
import { type Machine, machine, pinToOneCpu } from "./machine.js";
import { measureSize, type SizeResult } from "./measure.js";
import { measurePostgres } from "./pg-measure.js";
import { columnLabel, type EmbeddedAttempt, type StoreColumn, storeNotes, storeTable } from "./pg-report.js";
import { type LoadResult, runChild } from "./procs.js";
import { figures, machineLine, misses, table } from "./report.js";
import { runReal } from "./real-run.js";

const USAGE = `usage: npm run bench -- [options]
  --sizes 1000,10000,100000   corpus sizes in passages (default: all three)
  --quick                     1000 passages only
  --queries N                 latency queries per size, spread over the four commands (default 3000)
  --seed S                    corpus seed (default 1)
  --key N                     answer-key questions per command (default 1000)
  --out FILE                  results file (default bench/results.json)
  --root DIR                  where corpora are generated and kept (default .cache/bench)
  --cpu N                     the CPU to pin to (default: the last one); --no-pin to use all
  --store embedded,postgres   the stores to measure (default embedded); postgres starts a throwaway
                              cluster from the machine's PostgreSQL 15 and removes it at the end
  --pg-copy-from N            postgres at sizes above N: index the N-passage corpus, then copy its
                              rows in SQL up to the size (for 1M when indexing 1M takes too long)
  --pg-index-heap MB          the indexer child's heap limit (default: three quarters of the memory
                              available, at least V8's default 4096)
  --embedded-max N            embedded above N passages (default 200000): only a bounded attempt
                              to load the corpus in a fresh process (--embedded-heap MB, default
                              4096; --embedded-timeout minutes, default 20)
  --corpus synthetic|real     generated news (default), or real articles from ../shared copied with
                              light word changes (default sizes 10000,100000; --shared DIR for ../shared)`;

interface Options {
  sizes: number[];
  queries: number;
  seed: string;
  keyPerKind: number;
  out: string;
  root: string;
  pin: number | null;
  stores: Array<"embedded" | "postgres">;
  pgCopyFrom: number | null;
  pgIndexHeapMB: number | undefined;
  embeddedMax: number;
  embeddedHeapMB: number;
  embeddedTimeoutMin: number;
  corpus: "synthetic" | "real";
  shared: string;
}

function options(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      quick: { type: "boolean", default: false },
      queries: { type: "string" },
      seed: { type: "string" },
      key: { type: "string" },
      out: { type: "string" },
      root: { type: "string" },
      cpu: { type: "string" },
      "no-pin": { type: "boolean", default: false },
      store: { type: "string" },
      "pg-copy-from": { type: "string" },
      "pg-index-heap": { type: "string" },
      "embedded-max": { type: "string" },
      "embedded-heap": { type: "string" },
      "embedded-timeout": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      corpus: { type: "string", default: "synthetic" },
      shared: { type: "string" },
    },
  });
  if (values.help) return null;
  if (values.corpus !== "synthetic" && values.corpus !== "real") throw new Error(`--corpus wants synthetic or real, got ${values.corpus}`);
  const sizes = values.quick
    ? [1000]
    : (values.sizes ?? (values.corpus === "real" ? "10000,100000" : "1000,10000,100000")).split(",").map((x) => Number(x.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 50)) throw new Error(`--sizes wants whole numbers of passages (at least 50), got ${values.sizes}`);
  const int = (v: string | undefined, d: number, name: string): number => {
    const n = v === undefined ? d : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive whole number, got ${v}`);
    return n;
  };
  const stores = (values.store ?? "embedded").split(",").map((x) => x.trim());
  for (const st of stores) if (st !== "embedded" && st !== "postgres") throw new Error(`--store wants embedded and/or postgres, got ${st}`);
  const pgCopyFrom = values["pg-copy-from"] === undefined ? null : int(values["pg-copy-from"], 0, "pg-copy-from");
  if (pgCopyFrom !== null) {
    for (const n of sizes) if (n > pgCopyFrom && n % pgCopyFrom !== 0) throw new Error(`--pg-copy-from ${pgCopyFrom}: size ${n} is not a multiple of it`);
  }
  return {
    stores: [...new Set(stores)] as Options["stores"],
    pgCopyFrom,
    pgIndexHeapMB: values["pg-index-heap"] === undefined ? undefined : int(values["pg-index-heap"], 0, "pg-index-heap"),
    embeddedMax: int(values["embedded-max"], 200000, "embedded-max"),
    embeddedHeapMB: int(values["embedded-heap"], 4096, "embedded-heap"),
    embeddedTimeoutMin: int(values["embedded-timeout"], 20, "embedded-timeout"),
    sizes,
    queries: int(values.queries, 3000, "queries"),
    seed: values.seed ?? "1",
    keyPerKind: int(values.key, 1000, "key"),
    out: values.out ?? join("bench", "results.json"),
    root: values.root ?? join(".cache", "bench"),
    pin: values["no-pin"] ? null : values.cpu !== undefined ? int(values.cpu, 0, "cpu") : cpus().length - 1,
    corpus: values.corpus,
    shared: values.shared ?? join("..", "shared"),
  };
}

function accuracyNotes(results: SizeResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const a = r.accuracy;
    const by = (x: Record<string, { n: number; pct: number }>): string =>
      Object.entries(x)
        .sort((p, q) => q[1].n - p[1].n)
        .map(([k, v]) => `${k} ${v.pct}% (${v.n})`)
        .join(", ");
    out.push(`${r.passagesTarget} passages — who-said by pattern: ${by(a.whoSaid.by)}`);
    out.push(`${r.passagesTarget} passages — when by kind: ${by(a.when.by)}`);
    out.push(`${r.passagesTarget} passages — stance by expected polarity: ${by(a.stance.by)}`);
  }
  const last = results[results.length - 1];
  if (last) {
    for (const [name, s] of [
      ["who-said", last.accuracy.whoSaid],
      ["when", last.accuracy.when],
      ["stance", last.accuracy.stance],
    ] as const) {
      for (const f of s.failures.slice(0, 4)) out.push(`  ✗ ${name} [${f.tag}] "${f.query}" — expected ${f.expected}; got ${f.got}`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  let o: Options | null;
  try {
    o = options(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!o) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const pinned = o.pin !== null && pinToOneCpu(o.pin) ? o.pin : null;
  const m = machine(pinned);
  const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);
  log(machineLine(m));
  if (o.corpus === "real") {
    if (o.stores.includes("postgres")) throw new Error("--store postgres measures the synthetic corpus (its answer key); leave out --corpus real");
    return runReal({ ...o, machine: m, log });
  }
  if (o.stores.includes("postgres") || o.sizes.some((n) => n > o.embeddedMax)) {
    await compareStores(o, m, log);
    return 0;
  }
  const results: SizeResult[] = [];
  for (const passages of o.sizes) {
    results.push(await measureSize({ passages, seed: o.seed, queries: o.queries, root: o.root, keyPerKind: o.keyPerKind, log }));
  }
  const out = [
    `Machine: ${machineLine(m)}, ${loadavg()[0]!.toFixed(2)} at end; ${o.queries} queries per size, seed ${o.seed}`,
    "",
    table(results),
    "",
    ...(misses(results).length
      ? ["Targets missed (at the largest size; the issue sets them at 100k passages):", ...misses(results).map((x) => `  ${x}`), ""]
      : ["All targets met at the largest size.", ""]),
    ...accuracyNotes(results),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  const json = {
    machine: { ...m, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100 },
    options: { sizes: o.sizes, queries: o.queries, seed: o.seed, keyPerKind: o.keyPerKind },
    date: new Date().toISOString(),
    sizes: results.map((r) => ({ passages: r.passagesTarget, figures: figures(r), details: r })),
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(json, null, 1)}\n`);
  log(`wrote ${o.out}`);
  return 0;
}

/** Every size on every store asked for, a column each; the store table, and results.json with the details. */
async function compareStores(o: Options, m: Machine, log: (msg: string) => void): Promise<void> {
  const cols: StoreColumn[] = [];
  for (const passages of o.sizes) {
    if (o.stores.includes("embedded")) {
      if (passages <= o.embeddedMax) {
        cols.push({ store: "embedded", ...(await measureSize({ passages, seed: o.seed, queries: o.queries, root: o.root, keyPerKind: o.keyPerKind, log })) });
      } else {
        cols.push(embeddedAttempt(o, passages, log));
      }
    }
    if (o.stores.includes("postgres")) {
      const copies = o.pgCopyFrom !== null && passages > o.pgCopyFrom ? passages / o.pgCopyFrom : 1;
      cols.push(
        ...(await measurePostgres({
          passages,
          seed: o.seed,
          queries: o.queries,
          root: o.root,
          keyPerKind: o.keyPerKind,
          copies,
          indexHeapMB: o.pgIndexHeapMB,
          log,
        })),
      );
    }
  }
  const out = [
    `Machine: ${machineLine(m)}, ${loadavg()[0]!.toFixed(2)} at end; ${o.queries} queries per size, seed ${o.seed}`,
    "",
    storeTable(cols),
    "",
    ...storeNotes(cols),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  const json = {
    machine: { ...m, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100 },
    options: {
      sizes: o.sizes,
      stores: o.stores,
      queries: o.queries,
      seed: o.seed,
      keyPerKind: o.keyPerKind,
      pgCopyFrom: o.pgCopyFrom,
      pgIndexHeapMB: o.pgIndexHeapMB ?? null,
    },
    date: new Date().toISOString(),
    columns: cols.map((c) => ({ label: columnLabel(c), details: c })),
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(json, null, 1)}\n`);
}

/** The embedded store at a size past --embedded-max: can a fresh process load it at all, within a heap limit and a time? */
function embeddedAttempt(o: Options, passages: number, log: (msg: string) => void): EmbeddedAttempt {
  const g = ensureCorpus({ passages, seed: o.seed, root: o.root, keyPerKind: o.keyPerKind });
  log(`[${passages} embedded] loading from nothing in a fresh process (heap ≤ ${o.embeddedHeapMB} MB, ≤ ${o.embeddedTimeoutMin} min)…`);
  const t0 = performance.now();
  const base = { store: "embedded-attempt" as const, passagesTarget: passages, heapLimitMB: o.embeddedHeapMB, timeoutMin: o.embeddedTimeoutMin };
  try {
    const run = runChild<LoadResult>(["load", "--root", g.knowledge, "--cache", "none"], [`--max-old-space-size=${o.embeddedHeapMB}`], {
      timeoutMs: o.embeddedTimeoutMin * 60000,
    });
    return { ...base, run, failure: null, wallMs: performance.now() - t0 };
  } catch (e) {
    const msg = (e as Error).message;
    const failure = /heap out of memory|Allocation failed/i.test(msg)
      ? "JavaScript heap out of memory"
      : /SIGTERM|ETIMEDOUT/.test(msg)
        ? "timed out"
        : msg.split("\n")[0]!;
    return { ...base, run: null, failure, wallMs: performance.now() - t0 };
  }
}

process.exitCode = await main();
