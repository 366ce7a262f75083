// The sample questions of ../shared/eval against the shipped knowledge: the same checks as the
// scorer, so the project's own suite guards them. Read from beside the checkout (where CI puts
// shared/), never copied in: the project holds no sentence of an eval set.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/dispatch.js";
import { Engine } from "../src/runtime/engine.js";
import { toJson } from "../src/render/json.js";
import { cites, has, norm } from "../bench/judge.js";

interface Case {
  id: string;
  command: string;
  query?: string;
  actor?: string;
  topic?: string;
  expect: Expect;
}
/** What a case expects; which fields are set depends on the command (../shared/eval/README.md). */
interface Expect {
  none?: boolean;
  docs: Record<string, { title: string }>;
  speaker: string[];
  role?: string[];
  expression: string[];
  date?: string | null;
  polarity: string[];
  evidence: Array<{ file: string; lines: number[] }>;
  file: string;
  lines: number[];
}
interface Src {
  file: string;
  lineStart: number;
  lineEnd: number;
}

const casesFile = new URL("../../shared/eval/cases.jsonl", import.meta.url);
const cases = existsSync(casesFile)
  ? readFileSync(casesFile, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Case)
  : [];
const engine = Engine.fromFolder("knowledge");
const citesWanted = (src: Src | undefined, want: { file: string; lines: number[] }): boolean => cites(src, want.file, want.lines);

describe.skipIf(cases.length === 0)("shared eval cases on knowledge/ (../shared/eval/cases.jsonl)", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const out = toJson(await answer(engine, c)) as { results: Array<Record<string, unknown> & { source: Src }>; polarity?: string };
    const e = c.expect;
    const rs = out.results;
    if (e.none) return expect(rs).toEqual([]);
    if (c.command === "sources") {
      for (const [file, want] of Object.entries(e.docs)) {
        expect(norm(rs.find((r) => r.file === file)?.title)).toContain(norm(want.title));
      }
      return;
    }
    const top = rs[0]!;
    expect(top).toBeDefined();
    if (c.command === "who-said") {
      expect(has(top.speaker, e.speaker)).toBe(true);
      if (e.role) expect(has(`${top.speaker} ${top.role ?? ""}`, e.role)).toBe(true);
      expect(citesWanted(top.source, e)).toBe(true);
    } else if (c.command === "when") {
      expect(has(top.expression, e.expression)).toBe(true);
      if ("date" in e) {
        if (e.date === null) expect(top.date).toBeNull();
        else expect(String(top.date)).toMatch(new RegExp(`^${e.date}`));
      }
      expect(citesWanted(top.source, e)).toBe(true);
    } else if (c.command === "stance") {
      expect(e.polarity).toContain(out.polarity);
      expect(rs.slice(0, 3).some((r) => e.evidence.some((w) => citesWanted(r.source, w)))).toBe(true);
    } else if (c.command === "search") {
      expect(rs.slice(0, 3).some((r) => citesWanted(r.source, e))).toBe(true);
    }
  });
});
