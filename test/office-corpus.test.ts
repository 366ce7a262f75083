// The shipped articles printed as PDF (with a running header and page numbers) and saved as Word
// files answer the sample questions of ../shared/eval the same as the .txt originals: the same
// speakers, expressions, dates and polarities, citing the same words, with page and line places.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../src/answer/dispatch.js";
import { Engine } from "../src/runtime/engine.js";
import { toJson } from "../src/render/json.js";
import { writeKnowledge } from "./helpers.js";
import { docxFromText, printable, printText } from "./support/office-files.js";

interface Case {
  id: string;
  command: string;
  query?: string;
  actor?: string;
  topic?: string;
}
type Result = Record<string, unknown> & { source?: { file: string; excerpt: string; lineStart: number; lineEnd: number; page?: number } };

const casesFile = new URL("../../shared/eval/cases.jsonl", import.meta.url);
const cases = existsSync(casesFile)
  ? readFileSync(casesFile, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Case)
  : [];
const articles = readdirSync("knowledge")
  .filter((f) => f.endsWith(".txt"))
  .sort();

/**
 * What must not change with the format: everything but the file name and the line numbers. The
 * PDFs are printed with a standard font, which draws the few characters outside Windows-1252 as
 * "?", so excerpts are compared as printed.
 */
let asPrinted: (text: string) => string = (t) => t;
function comparable(out: Record<string, unknown>): unknown {
  const results = (out.results as Result[]).map(({ source, file, url, ...rest }) => ({
    ...rest,
    excerpt: source && asPrinted(source.excerpt),
    file: typeof file === "string" ? file.replace(/\.\w+$/, "") : undefined,
    url,
  }));
  return { ...out, results };
}

describe.skipIf(cases.length === 0)("the shipped articles as PDF and Word files", { timeout: 120_000 }, () => {
  const engines: Record<string, Engine> = {};
  const cleanups: Array<() => void> = [];
  beforeAll(async () => {
    asPrinted = await printable();
    const pdfs: Record<string, Buffer> = {};
    const docs: Record<string, Buffer> = {};
    for (const f of articles) {
      const text = readFileSync(join("knowledge", f), "utf8");
      const base = f.replace(/\.txt$/, "");
      pdfs[`${base}.pdf`] = Buffer.from((await printText(text, { header: "Printed copy for review", pageNumbers: true, linesPerPage: 40 })).pdf);
      docs[`${base}.docx`] = await docxFromText(text);
    }
    engines.txt = await Engine.fromFolder("knowledge", { onWarning: () => {} });
    for (const [kind, files] of [
      ["pdf", pdfs],
      ["docx", docs],
    ] as const) {
      const t = writeKnowledge(files);
      cleanups.push(t.cleanup);
      engines[kind] = await Engine.fromFolder(t.dir, { onWarning: () => {} });
    }
  }, 120_000); // printing ten files and indexing three folders: slow on a busy machine, never timed
  afterAll(() => cleanups.forEach((c) => c()));

  it("indexes every article in both formats with the same titles, dates and passage counts", async () => {
    const list = async (kind: string) =>
      (toJson(await answer(engines[kind]!, { command: "sources" })).results as Array<Record<string, unknown>>).map((r) => ({
        ...r,
        file: String(r.file).replace(/\.\w+$/, ""),
      }));
    const txt = await list("txt");
    expect(txt).toHaveLength(articles.length);
    expect(await list("pdf")).toEqual(txt);
    expect(await list("docx")).toEqual(txt);
  });

  it.each(cases.filter((c) => c.command !== "sources").map((c) => [c.id, c] as const))("%s answers the same", async (_id, c) => {
    const txt = toJson(await answer(engines.txt!, c));
    const pdf = toJson(await answer(engines.pdf!, c));
    const docx = toJson(await answer(engines.docx!, c));
    expect(comparable(pdf)).toEqual(comparable(txt));
    expect(comparable(docx)).toEqual(comparable(txt));
    for (const r of pdf.results as Result[]) {
      expect(r.source!.file).toMatch(/\.pdf$/);
      expect(r.source!.page).toBeGreaterThanOrEqual(1);
      expect(r.source!.lineStart).toBeGreaterThanOrEqual(2); // line 1 of every page is the running header
    }
    for (const r of docx.results as Result[]) expect(r.source).not.toHaveProperty("page");
  });
});
