// `npx tsx bench/dump-facts.ts <folder> [out.json]`: every file's extracted entry (passages and
// facts) as JSON, to check that a speed change leaves extraction's output identical (diff two dumps).
import { writeFileSync } from "node:fs";
import { extractEntry } from "../src/corpus.js";
import { listKnowledgeFiles } from "../src/knowledge/files.js";

const [root, out] = process.argv.slice(2);
if (!root) {
  console.error("usage: npx tsx bench/dump-facts.ts <folder> [out.json]");
  process.exit(2);
}
const entries = listKnowledgeFiles(root, { onWarning: () => {} }).map((f) => {
  const e = extractEntry(f, { onWarning: () => {} });
  return e && { file: e.file, hash: e.hash, meta: e.meta, passages: e.passages, facts: e.facts };
});
const json = JSON.stringify(entries, null, 1);
if (out) writeFileSync(out, json);
else process.stdout.write(json);
