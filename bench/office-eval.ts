// Prints a knowledge folder of plain-text articles as PDF and as Word files, with a cases file
// whose expected files and lines point at the converted copies, so score.mjs can compare the
// three formats:
//   npx tsx bench/office-eval.ts knowledge ../shared/eval/cases.jsonl /tmp/office-eval
//   node ../shared/eval/score.mjs --cases /tmp/office-eval/pdf/cases.jsonl --knowledge /tmp/office-eval/pdf/knowledge
// PDF lines are lines of a page (score.mjs does not look at `page`); Word lines are paragraphs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { docxFromText, printText } from "../test/support/office-files.js";

const [src, casesPath, out] = process.argv.slice(2);
if (!src || !casesPath || !out) {
  console.error("usage: tsx bench/office-eval.ts KNOWLEDGE_DIR CASES.jsonl OUT_DIR");
  process.exit(2);
}
type LineMap = Map<string, { file: string; lines: (l: number) => number[] }>;
const maps: Record<"pdf" | "docx", LineMap> = { pdf: new Map(), docx: new Map() };
for (const kind of ["pdf", "docx"] as const) mkdirSync(join(out, kind, "knowledge"), { recursive: true });

for (const f of readdirSync(src)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const text = readFileSync(join(src, f), "utf8");
  const base = f.replace(/\.txt$/, "");
  const { pdf, printed } = await printText(text, { header: "Printed copy for review", pageNumbers: true, linesPerPage: 40 });
  writeFileSync(join(out, "pdf", "knowledge", `${base}.pdf`), pdf);
  maps.pdf.set(f, { file: `${base}.pdf`, lines: (l) => (printed[l - 1] ?? []).map((p) => p.line) });
  writeFileSync(join(out, "docx", "knowledge", `${base}.docx`), await docxFromText(text));
  // Paragraph k of the Word file is the k-th non-blank line of the text.
  const paragraphOf: number[] = [];
  let k = 0;
  for (const line of text.split(/\r?\n/)) paragraphOf.push(line.trim() ? ++k : k);
  maps.docx.set(f, { file: `${base}.docx`, lines: (l) => [paragraphOf[l - 1] ?? 0] });
}

const remap = (v: unknown, map: LineMap): unknown => {
  if (Array.isArray(v)) return v.map((x) => remap(x, map));
  if (!v || typeof v !== "object") return v;
  const o = { ...(v as Record<string, unknown>) };
  if (typeof o.file === "string" && map.has(o.file)) {
    const m = map.get(o.file)!;
    if (Array.isArray(o.lines)) o.lines = [...new Set((o.lines as number[]).flatMap(m.lines))];
    o.file = m.file;
  }
  if (o.docs && typeof o.docs === "object") {
    o.docs = Object.fromEntries(Object.entries(o.docs as Record<string, unknown>).map(([file, want]) => [map.get(file)?.file ?? file, want]));
  }
  for (const [key, value] of Object.entries(o)) if (key !== "docs" && typeof value === "object") o[key] = remap(value, map);
  return o;
};
const cases = readFileSync(casesPath, "utf8")
  .split("\n")
  .filter((l) => l.trim());
for (const kind of ["pdf", "docx"] as const) {
  writeFileSync(join(out, kind, "cases.jsonl"), cases.map((l) => JSON.stringify(remap(JSON.parse(l), maps[kind]))).join("\n") + "\n");
}
console.log(`wrote ${join(out, "pdf")} and ${join(out, "docx")}`);
