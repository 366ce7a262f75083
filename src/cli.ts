// `npm run ask -- [--json] [--knowledge DIR] [--batch FILE] <command> <words…>`
// Answers one query (or a JSONL batch) from the terminal. Answers go to stdout, logs to stderr.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { answer } from "./answer/dispatch.js";
import type { Question } from "./answer/question.js";
import type { AnswerContext } from "./answer/context.js";
import { route } from "./answer/router.js";
import { answerTimelineIn } from "./answer/timeline-facts.js";
import type { Answer } from "./answer/types.js";
import { configOrReport } from "./config.js";
import { openEngine } from "./runtime/engine-loader.js";
import { KnowledgeDirError } from "./knowledge/files.js";
import { createLogger } from "./log.js";
import { jsonLine, timelineJson } from "./render/json.js";
import { chartInput, timelinePng } from "./render/timeline-chart.js";
import { renderTimelineText } from "./render/timeline-text.js";
import { renderText, styleFor } from "./render/text.js";
import { HELP_TEXT } from "./help.js";

const USAGE = `usage: npm run ask -- [--json] [--knowledge DIR] [--batch FILE] <command> <words…>

  who-said "words of the quote"      who said it, with the excerpt and the line
  when "words about the event"       when it happened, as written and as a date
  stance "actor" ["topic"]           an actor's stance (also --topic "…")
  search "words"                     passages that contain the words
  sources                            the documents and their dates
  check "words" [--speaker "name"]   is this quotation in the documents, word for word, and whose?
  said "speaker" ["topic"]           what a speaker said (also --topic "…")
  timeline "actor" ["topic"]         dated statements in time order (--topic alone works;
                                     --out FILE.png draws the picture)
  "who said …?" / "when did …?"      plain questions work too

  --json        one JSON answer per query (the contract of ../shared/eval/README.md)
  --batch FILE  one JSON query per line, e.g. {"command":"who-said","query":"…"}
  --knowledge   the folder to index (default: KNOWLEDGE_DIR or knowledge/)
  --no-cache    index from scratch, without reading or writing .cache/`;

/** Ends the store's connections (STORE=postgres) once the answers are out. */
let closeStore = async (): Promise<void> => undefined;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        knowledge: { type: "string" },
        batch: { type: "string" },
        topic: { type: "string" },
        speaker: { type: "string" },
        limit: { type: "string" },
        out: { type: "string" },
        "no-cache": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || (!values.batch && positionals.length === 0)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = configOrReport();
  if (!config) return 1;
  const log = createLogger(config.LOG_LEVEL);
  const root = values.knowledge ?? config.KNOWLEDGE_DIR;
  let engine: AnswerContext;
  try {
    const limit = values.limit ? Math.max(1, Math.min(50, Number(values.limit) || 5)) : undefined;
    const options = {
      sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
      cacheDir: values["no-cache"] ? null : config.CACHE_DIR,
      onWarning: (w: string) => log.warn(w),
      onLog: (m: string) => log.info(m),
      ...(limit ? { limit } : {}),
    };
    if (config.STORE === "postgres") {
      // Loaded only with STORE=postgres. The folder is indexed first unless the served generation holds it already.
      const { connectPg } = await import("./store/postgres/db.js");
      const { indexFolder, openPostgres } = await import("./runtime/postgres.js");
      const db = await connectPg(config.DATABASE_URL!);
      const opened = await indexFolder(db, root, options)
        .then(() => openPostgres(config.DATABASE_URL!, options, db))
        .catch(async (e: unknown) => {
          await db.close?.();
          throw e;
        });
      engine = opened;
      closeStore = opened.close;
    } else engine = (await openEngine(root, options)).engine;
  } catch (e) {
    if (e instanceof KnowledgeDirError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const print = (a: Answer): void => {
    process.stdout.write(`${values.json ? jsonLine(a) : renderText(a, styleFor(process.stdout))}\n`);
  };

  if (values.batch) {
    let lines: string[];
    try {
      lines = readFileSync(values.batch, "utf8").split(/\r?\n/);
    } catch (e) {
      process.stderr.write(`cannot read batch file ${values.batch}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 1;
    }
    for (const line of lines) {
      if (!line.trim()) continue;
      let out: string;
      try {
        const q = JSON.parse(line) as unknown;
        // answer() parses the line's object as a Question, and says what is wrong with it; a timeline has its own shape.
        out = isTimeline(q) ? JSON.stringify(timelineJson(await timelineOf(engine, q))) : jsonLine(await answer(engine, q));
      } catch (e) {
        out = JSON.stringify({ error: (e as Error).message });
      }
      process.stdout.write(`${out}\n`);
    }
    return 0;
  }

  const [first, ...rest] = positionals;
  if (first === "timeline") {
    const a = await answerTimelineIn(engine, rest[0] ?? "", values.topic ?? (rest.length > 1 ? rest.slice(1).join(" ") : undefined));
    process.stdout.write(`${values.json ? JSON.stringify(timelineJson(a)) : renderTimelineText(a, styleFor(process.stdout))}\n`);
    if (values.out) {
      const image = await timelinePng(chartInput(a));
      try {
        writeFileSync(values.out, image.png);
      } catch (e) {
        process.stderr.write(`cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return 1;
      }
      process.stderr.write(`wrote ${values.out} (${image.width}×${image.height} px)\n`);
    }
    return 0;
  }
  let q: Question;
  switch (first) {
    case "who-said":
    case "when":
    case "search":
      q = { command: first, query: rest.join(" ") };
      break;
    case "stance":
      q = { command: "stance", actor: rest[0] ?? "", topic: values.topic ?? (rest.length > 1 ? rest.slice(1).join(" ") : null) };
      break;
    case "sources":
      q = { command: "sources" };
      break;
    case "check":
      q = { command: "check", query: rest.join(" "), speaker: values.speaker ?? null };
      break;
    case "said":
      q = { command: "said", speaker: values.speaker ?? rest[0] ?? "", topic: values.topic ?? (rest.length > 1 ? rest.slice(1).join(" ") : null) };
      break;
    default: {
      const r = route(positionals.join(" "));
      if (r.command === "help" || r.command === "empty") {
        process.stdout.write(`${HELP_TEXT}\n`);
        return 0;
      }
      q = r;
    }
  }
  try {
    print(await answer(engine, q));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

function isTimeline(q: unknown): q is Record<string, unknown> {
  return typeof q === "object" && q !== null && (q as { command?: unknown }).command === "timeline";
}

/** A batch line's timeline query: actor and topic are each optional, but must be strings when given. */
function timelineOf(engine: AnswerContext, q: Record<string, unknown>): ReturnType<typeof answerTimelineIn> {
  for (const field of ["actor", "topic"] as const) {
    const v = q[field];
    if (v !== undefined && v !== null && typeof v !== "string") throw new Error(`field "${field}" must be a string`);
  }
  return answerTimelineIn(engine, (q.actor as string | null | undefined) ?? "", (q.topic as string | null | undefined) ?? undefined);
}

main(process.argv.slice(2)).then(
  async (code) => {
    await closeStore();
    process.exitCode = code;
  },
  async (e: unknown) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    await closeStore().catch(() => undefined);
    process.exitCode = 1;
  },
);
