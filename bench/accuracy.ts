// Answer accuracy on the generated answer key, judged as ../shared/eval/score.mjs judges its
// cases: the first result's speaker (or expression and date) and the lines it cites; for stance,
// the overall polarity (and, reported apart, whether one of the first three results cites a
// sentence that shows it).
import { answer } from "../src/answer/dispatch.js";
import type { AnswerContext } from "../src/answer/context.js";
import type { StanceAnswer, WhenAnswer, WhoSaidAnswer } from "../src/answer/types.js";
import type { Citation } from "../src/types.js";
import { cites, has } from "./judge.js";
import type { AnswerKey } from "./key.js";

export interface Failure {
  query: string;
  expected: string;
  got: string;
  /** Pattern (who-said) or kind (when) of the question. */
  tag: string;
}

export interface Score {
  n: number;
  pass: number;
  pct: number;
  /** Pass rate per attribution pattern or time-expression kind. */
  by: Record<string, { n: number; pass: number; pct: number }>;
  failures: Failure[];
}

export interface Accuracy {
  whoSaid: Score;
  when: Score;
  stance: Score;
  /** Stance answers whose polarity matches and whose first three results cite a proving line. */
  stanceWithEvidence: { n: number; pass: number; pct: number };
}

const pct = (pass: number, n: number): number => (n ? Math.round((pass / n) * 1000) / 10 : NaN);

class Tally {
  n = 0;
  pass = 0;
  readonly by: Record<string, { n: number; pass: number; pct: number }> = {};
  readonly failures: Failure[] = [];

  add(tag: string, ok: boolean, failure: () => Failure): void {
    this.n++;
    const b = (this.by[tag] ??= { n: 0, pass: 0, pct: 0 });
    b.n++;
    if (ok) {
      this.pass++;
      b.pass++;
    } else if (this.failures.length < 200) {
      this.failures.push(failure());
    }
  }

  score(): Score {
    for (const b of Object.values(this.by)) b.pct = pct(b.pass, b.n);
    return { n: this.n, pass: this.pass, pct: pct(this.pass, this.n), by: this.by, failures: this.failures };
  }
}

const where = (src: Citation | undefined): string => (src ? `${src.file}:${src.lineStart}${src.lineEnd !== src.lineStart ? `-${src.lineEnd}` : ""}` : "-");

export async function measureAccuracy(engine: AnswerContext, key: AnswerKey): Promise<Accuracy> {
  const who = new Tally();
  for (const k of key.whoSaid) {
    const a = (await answer(engine, { command: "who-said", query: k.query })) as WhoSaidAnswer;
    const top = a.results[0];
    const ok = !!top && has(top.speaker, k.speakers) && cites(top.source, k.file, k.lines);
    who.add(k.pattern, ok, () => ({
      query: k.query,
      tag: k.pattern,
      expected: `${k.speaker} @ ${k.file}:${k.lines.join(",")}`,
      got: top ? `${top.speaker} @ ${where(top.source)}` : `no result${a.message ? ` (${a.message})` : ""}`,
    }));
  }

  const when = new Tally();
  for (const k of key.when) {
    const a = (await answer(engine, { command: "when", query: k.query })) as WhenAnswer;
    const top = a.results[0];
    const dateOk = (got: string | null): boolean => (k.values === null ? got === null : typeof got === "string" && k.values.some((v) => got.startsWith(v)));
    const ok = !!top && has(top.expression, [k.expression]) && dateOk(top.date) && cites(top.source, k.file, k.lines);
    when.add(`${k.kind}${k.dated ? "" : " (undated)"}`, ok, () => ({
      query: k.query,
      tag: k.kind,
      expected: `"${k.expression}" = ${k.values ? k.values[0] : "null"} @ ${k.file}:${k.lines.join(",")}`,
      got: top ? `"${top.expression}" = ${top.date} @ ${where(top.source)}` : "no result",
    }));
  }

  const stance = new Tally();
  let evidencePass = 0;
  for (const k of key.stance) {
    const a = (await answer(engine, { command: "stance", actor: k.actor, topic: k.topic })) as StanceAnswer;
    const ok = a.polarity === k.polarity;
    if (ok && a.results.slice(0, 3).some((r) => k.evidence.some((e) => cites(r.source, e.file, e.lines)))) evidencePass++;
    stance.add(k.polarity, ok, () => ({
      query: `${k.actor} / ${k.topic}`,
      tag: k.polarity,
      expected: `${k.polarity} @ ${k.evidence
        .map((e) => `${e.file}:${e.lines.join(",")}`)
        .slice(0, 2)
        .join(" ")}`,
      got: `${a.polarity}${a.results[0] ? ` (${a.results[0].actor}: ${a.results[0].cue} @ ${where(a.results[0].source)})` : a.message ? ` (${a.message})` : ""}`,
    }));
  }
  return {
    whoSaid: who.score(),
    when: when.score(),
    stance: stance.score(),
    stanceWithEvidence: { n: key.stance.length, pass: evidencePass, pct: pct(evidencePass, key.stance.length) },
  };
}
