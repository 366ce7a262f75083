// "Show source": the cited lines and a few around them, read fresh from the knowledge folder. The
// file may have changed or gone since the answer was given (the folder is reloaded live, so the
// index may already know); each case gets a clear explanation.
import { realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { lineUrl } from "../answer/citation.js";
import type { Engine } from "../runtime/engine.js";
import { FORMATS, readKnowledgeFile } from "../knowledge/files.js";
import { splitLines } from "../knowledge/units.js";
import type { SourceView } from "../render/discord.js";

export type SourceLookup = { ok: true; view: SourceView } | { ok: false; message: string };

export interface LookupOptions {
  /** Lines shown before and after the cited ones. */
  context?: number;
  /** The start of the file's content hash when the answer was given; without it the index's hash is used. */
  contentHash?: string | null;
}

const ASK_AGAIN = "Ask again for an up-to-date answer.";

export function lookupSource(engine: Engine, file: string, lineStart: number, lineEnd: number, opts: LookupOptions = {}): SourceLookup {
  const context = opts.context ?? 3;
  const root = resolve(engine.corpus.root);
  const path = resolve(root, file);
  const rel = relative(root, path);
  const format = FORMATS[extname(path).toLowerCase()];
  // custom_ids come back from Discord: never read outside the knowledge folder.
  if (!rel || rel.startsWith("..") || isAbsolute(rel) || !format) {
    return { ok: false, message: "That button does not point at a document in the knowledge folder." };
  }
  let stat;
  let realRoot: string;
  try {
    stat = statSync(path);
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, message: `\`${file}\` is no longer in the knowledge folder (moved or deleted since this answer was given). ${ASK_AGAIN}` };
  }
  if (!stat.isFile()) return { ok: false, message: `\`${file}\` is no longer a file in the knowledge folder. ${ASK_AGAIN}` };
  // The reader checks the real path (links resolved) against the real folder: a link never leads out.
  const read = readKnowledgeFile({ path, file, format, bytes: stat.size, mtimeMs: stat.mtimeMs, root: realRoot });
  if (!read.ok) return { ok: false, message: `Cannot show \`${file}\`: ${read.reason}.` };

  const doc = engine.corpus.documents.find((d) => d.file === file) ?? null;
  const lines = splitLines(read.text);
  if (lines.length > 1 && lines.at(-1) === "") lines.pop(); // the newline ending the last line starts no new one
  if (lineStart > lines.length) {
    return { ok: false, message: `\`${file}\` now has ${lines.length} lines, so lines ${lineStart}–${lineEnd} are gone: it changed since this answer was given. ${ASK_AGAIN}` };
  }
  const from = Math.max(1, lineStart - context);
  const to = Math.min(lines.length, lineEnd + context);
  const view: SourceView = {
    file,
    lineStart,
    lineEnd: Math.min(lineEnd, lines.length),
    lines: lines.slice(from - 1, to).map((text, i) => ({ n: from + i, text, cited: from + i >= lineStart && from + i <= lineEnd })),
    title: doc?.title ?? null,
    date: doc?.date ?? null,
    url: doc ? lineUrl(doc, lineStart, lineEnd, engine.options) : null,
  };
  const expected = opts.contentHash ?? doc?.hash ?? null;
  if (expected && !read.hash.startsWith(expected)) view.note = `\`${file}\` changed since this answer was given, so these lines may have moved. ${ASK_AGAIN}`;
  else if (!doc) view.note = `\`${file}\` is not in the current index, so these lines may not be the ones cited. A server manager can run /reindex to reload the folder.`;
  return { ok: true, view };
}
