// Property-based tests (fast-check): arbitrary Unicode, huge and empty strings, and arbitrary JSON
// where Discord sends JSON, fed to everything that reads untrusted text. Nothing may throw, and
// whatever the bot would send must still pass Discord's limits (the stand-in's validation).
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCorrected } from "../src/answer/context.js";
import { answer } from "../src/answer/dispatch.js";
import { QuestionError } from "../src/answer/question.js";
import { EngineHolder } from "../src/runtime/holder.js";
import { route } from "../src/answer/router.js";
import { Answers } from "../src/bot/answers.js";
import type { BotContext } from "../src/bot/command.js";
import { Cooldown } from "../src/bot/cooldown.js";
import { decodeCustomId } from "../src/bot/custom-ids.js";
import { handleInteraction } from "../src/bot/handle.js";
import { CommandOptions } from "../src/bot/options.js";
import type { Reply } from "../src/bot/reply.js";
import { COMMANDS, commandMap } from "../src/bot/registry.js";
import { People } from "../src/extract/people.js";
import { extractQuotes } from "../src/extract/quotes.js";
import { extractStances } from "../src/extract/stance.js";
import { extractTimes } from "../src/extract/times.js";
import { callbackBody } from "../src/http/callback.js";
import { parseInteraction } from "../src/http/interaction.js";
import { parseDocument, type TextFormat } from "../src/knowledge/document.js";
import { toPassages } from "../src/knowledge/passages.js";
import { createLogger } from "../src/log.js";
import { splitSentences } from "../src/text/sentences.js";
import { ROOT } from "./support/bot-process.js";
import { choiceProblems, messageProblems } from "./support/standin-validation.js";

// FUZZ_RUNS scales every property up for a longer local hunt (e.g. FUZZ_RUNS=5000 npx vitest run test/fuzz.test.ts).
const SCALE = Number(process.env.FUZZ_RUNS ?? 0) || 0;
const runs = (n: number): { numRuns: number } => ({ numRuns: SCALE || n });
const RUNS = runs(150);
const TIMEOUT = { timeout: SCALE ? 30 * 60_000 : 30_000 };

/** Text as people (and attackers) type it: any Unicode, with quote marks, newlines and markup mixed in, sometimes very long. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  {
    weight: 3,
    arbitrary: fc.string({ unit: fc.constantFrom(..."ab “”\"'‘’«»—–-:;.,!?\n\t\r<>/*_~`|#@&0123456789HuaweiWangYsaid".split("")), maxLength: 300 }),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\n", "\u0000", "\uD800", "\u202E", "﷽", "👩‍👩‍👧‍👦".repeat(50)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "said ", "“", "Huawei ", "in January 2019 ", "é"), fc.integer({ min: 1000, max: 20_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  },
);

const holder = new EngineHolder(join(ROOT, "knowledge"));
const engine = holder.current;
const bot = (stateless: boolean): BotContext => ({
  holder,
  answers: new Answers(holder, { store: stateless ? null : undefined }),
  cooldown: new Cooldown({ disabled: true }),
  log: createLogger("silent"),
});
const commands = commandMap();

/** Everything Discord would refuse in a reply. */
function replyProblems(reply: Reply): unknown[] {
  const body = callbackBody(reply);
  if (reply.type === "choices") return choiceProblems(body.data);
  if (reply.type === "deferred") return [];
  return messageProblems(body.data);
}

describe("the question router", TIMEOUT, () => {
  it("routes any input to a command, without throwing", () => {
    fc.assert(
      fc.property(text, (input) => {
        const routed = route(input);
        expect(["who-said", "when", "stance", "search", "sources", "help", "empty"]).toContain(routed.command);
      }),
      RUNS,
    );
  });

  it("routes slash-style input with arbitrary option values", () => {
    const slash = fc.tuple(
      fc.constantFrom("/who-said", "/when", "/stance", "/search", "who", "stance", "find"),
      fc.array(fc.tuple(fc.constantFrom("quote", "event", "actor", "topic", "query", "x"), text), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(slash, ([cmd, opts]) => void route(`${cmd} ${opts.map(([k, v]) => `${k}:${v}`).join(" ")}`)),
      RUNS,
    );
  });
});

describe("the extractors and the document parser", TIMEOUT, () => {
  it("parseDocument reads any text in every format", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom<TextFormat>("txt", "md", "html"),
        fc.constantFrom("a.txt", "2019-09-02 news.md", "x/y.html", ""),
        (body, format, file) => {
          const doc = parseDocument(file, format, body);
          expect(typeof doc.title).toBe("string");
          for (const p of doc.passages) expect(p.lineStart).toBeGreaterThanOrEqual(1);
        },
      ),
      runs(100),
    );
  });

  it("extractQuotes, extractTimes and extractStances take any passages", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 0, maxLength: 4 }), fc.constantFrom(null, "2019", "2019-09", "2019-09-02", "not a date"), (texts, docDate) => {
        const passages = toPassages(texts.map((t) => ({ text: t, lineMap: [[0, 1]] as Array<[number, number]> })));
        const people = new People();
        const quotes = extractQuotes(passages, people);
        for (const q of quotes) expect(q.start).toBeLessThanOrEqual(q.end);
        for (const p of passages) extractTimes(p.text, p.sentences, docDate);
        extractStances(passages, quotes, people);
      }),
      runs(100),
    );
  });

  it("extractTimes copes with sentence spans that do not match the text", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        extractTimes(a, splitSentences(b), "2020-01-01");
      }),
      runs(100),
    );
  });
});

describe("the engine", TIMEOUT, () => {
  it("every answer method takes any input (strings or not) and cites real lines", async () => {
    const anything = fc.oneof(text, fc.anything());
    await fc.assert(
      fc.asyncProperty(anything, anything, fc.integer({ min: -5, max: 50 }), async (a, b, limit) => {
        const answers = [
          await engine.whoSaid(a, limit),
          await engine.when(a, limit),
          await engine.stance(a, b, limit),
          await engine.search(a, limit),
          await engine.sources(),
        ];
        for (const ans of answers) for (const r of ans.results) if ("source" in r) expect(r.source.lineStart).toBeGreaterThanOrEqual(1);
        await checkCorrected(engine, a, "query");
        if (typeof a === "string") await engine.backend.suggest(a);
      }),
      RUNS,
    );
  });

  it("the shared dispatch refuses malformed JSON queries with a QuestionError, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            command: fc.oneof(fc.constantFrom("who-said", "when", "stance", "search", "sources"), fc.anything()),
            query: fc.anything(),
            actor: fc.anything(),
            topic: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        async (q) => {
          try {
            await answer(engine, q);
          } catch (e) {
            expect(e).toBeInstanceOf(QuestionError);
          }
        },
      ),
      RUNS,
    );
  });
});

describe("the bot's option parsing and handlers", TIMEOUT, () => {
  const option = fc.record(
    {
      name: fc.oneof(fc.constantFrom("quote", "event", "actor", "topic", "query", "private"), fc.string()),
      type: fc.integer({ min: 0, max: 12 }),
      value: fc.oneof(text, fc.boolean(), fc.double(), fc.anything()),
      focused: fc.boolean(),
    },
    { requiredKeys: ["name"] },
  );
  const options = fc.oneof(fc.array(option, { maxLength: 30 }), fc.anything());
  const from = { userId: "1", guildId: "2" };

  it("every command's option parsing takes any options, and its answer fits Discord's limits", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), options, fc.boolean(), fc.boolean(), async (command, raw, inGuild, stateless) => {
        const reply = await command.run(
          { kind: "command", name: command.data.name, options: new CommandOptions(raw), userId: "1", guildId: inGuild ? "2" : null },
          bot(stateless),
        );
        expect(replyProblems(reply)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("autocomplete takes anything typed and offers at most 25 valid choices", async () => {
    await fc.assert(
      fc.asyncProperty(options, async (raw) => {
        const reply = await handleInteraction({ kind: "autocomplete", name: "stance", options: new CommandOptions(raw), ...from }, bot(false), commands);
        expect(reply.type).toBe("choices");
        expect(replyProblems(reply)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("any button custom_id is decoded or refused, and pressing it answers within the limits", async () => {
    const customId = fc.oneof(
      text,
      fc.tuple(fc.constantFrom("src:", "srh:", "more:", "mork:"), fc.string({ maxLength: 100 })).map(([p, s]) => p + s),
      fc
        .tuple(
          fc.nat(999),
          fc.nat(5000),
          fc.nat(5000),
          fc.constantFrom("-", "0123abcd"),
          fc.constantFrom("002_732ad33b9a9136f5.txt", "../etc/passwd", "a.txt", ""),
        )
        .map(([n, a, b, h, f]) => `src:${n}:${a}:${b}:${h}:${f}`),
      fc.tuple(fc.nat(100), fc.jsonValue()).map(([o, v]) => `more:${o}:${JSON.stringify(v)}`),
    );
    await fc.assert(
      fc.asyncProperty(customId, fc.boolean(), async (id, ephemeral) => {
        decodeCustomId(id);
        const reply = await handleInteraction({ kind: "button", customId: id, messageEphemeral: ephemeral, ...from }, bot(false), commands);
        expect(["message", "update"]).toContain(reply.type);
        expect(replyProblems(reply)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("the HTTP endpoint's interaction parser takes any JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            id: fc.string(),
            token: fc.string(),
            application_id: fc.string(),
            type: fc.integer({ min: 0, max: 6 }),
            data: fc.anything(),
            member: fc.anything(),
            user: fc.anything(),
            message: fc.anything(),
            guild_id: fc.anything(),
          }),
        ),
        async (json) => {
          const parsed = parseInteraction(json);
          if (parsed?.incoming) replyProblems(await handleInteraction(parsed.incoming, bot(true), commands));
        },
      ),
      RUNS,
    );
  });
});
