// The /check sample set (test/fixtures/check-cases.jsonl) against the shipped knowledge: exact
// quotations, one-word changes, paraphrases, wrong speakers and words no document has. Each case
// passes when the verdict, the cited line, the speaker and (where given) the word diff are right;
// the set's score must stay at or above the bar, and every miss is printed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/dispatch.js";
import { Engine } from "../src/runtime/engine.js";
import { toJson } from "../src/render/json.js";
import { norm } from "../bench/judge.js";

interface Case {
  id: string;
  kind: string;
  query: string;
  speaker?: string;
  expect: { verdict: string; speaker?: string; file?: string; lines?: number[]; diff?: Array<{ query: string; text: string }> };
}
interface Out {
  verdict: string;
  results: Array<{
    speaker: string | null;
    quote: string;
    diff: Array<{ query: string; text: string }>;
    source: { file: string; lineStart: number; lineEnd: number };
  }>;
}

const cases = readFileSync(new URL("./fixtures/check-cases.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);
const engine = Engine.fromFolder("knowledge");

/** Why a case fails, or null when it passes. */
async function miss(c: Case): Promise<string | null> {
  const out = toJson(await answer(engine, { command: "check", query: c.query, speaker: c.speaker })) as unknown as Out;
  const e = c.expect;
  if (out.verdict !== e.verdict) return `verdict ${out.verdict}, expected ${e.verdict}`;
  if (e.verdict === "not-found") return out.results.length === 0 ? null : "not-found with results";
  const top = out.results[0];
  if (!top) return "no result";
  if (e.file && (top.source.file !== e.file || !e.lines!.some((l) => top.source.lineStart <= l && l <= top.source.lineEnd))) {
    return `cites ${top.source.file}:${top.source.lineStart}-${top.source.lineEnd}`;
  }
  if (e.speaker !== undefined && (e.speaker === "" ? top.speaker !== null : !norm(top.speaker).includes(norm(e.speaker)))) return `speaker ${top.speaker}`;
  if (e.diff && JSON.stringify(top.diff.map((d) => [norm(d.query), norm(d.text)])) !== JSON.stringify(e.diff.map((d) => [norm(d.query), norm(d.text)]))) {
    return `diff ${JSON.stringify(top.diff)}`;
  }
  return null;
}

/** The share of the set /check must get right. */
const BAR = 0.9;

describe("check sample set", () => {
  it("has at least 40 cases of every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["absent", "exact", "one-word", "paraphrase", "wrong-speaker"]);
  });

  it(`scores at least ${BAR * 100}%`, async () => {
    const misses = (await Promise.all(cases.map(async (c) => [c, await miss(c)] as const))).filter(([, m]) => m !== null);
    const byKind = new Map<string, [number, number]>();
    for (const c of cases) {
      const k = byKind.get(c.kind) ?? [0, 0];
      k[1]++;
      if (!misses.some(([m]) => m === c)) k[0]++;
      byKind.set(c.kind, k);
    }
    const passed = cases.length - misses.length;
    console.log(
      `check set: ${passed}/${cases.length} (${Math.round((100 * passed) / cases.length)}%) · ${[...byKind].map(([k, [p, n]]) => `${k} ${p}/${n}`).join(" · ")}`,
    );
    for (const [c, m] of misses) console.log(`  miss ${c.id}: ${m}`);
    expect(passed / cases.length).toBeGreaterThanOrEqual(BAR);
    // "Exact" is never said of words the text does not have exactly.
    expect(misses.filter(([, m]) => /^verdict exact/.test(m!)).map(([c]) => c.id)).toEqual([]);
  });
});
