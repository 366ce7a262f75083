// "Show source": the cited lines and a few around them, read fresh from the knowledge folder. The
// file may have changed or gone since the answer was given (the folder is reloaded live, so the
// index may already know); each case gets a clear explanation.
import { realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { lineUrl, pageOf, placeLines } from "../answer/citation.js";
import type { Engine } from "../runtime/engine.js";
import { FORMATS } from "../knowledge/files.js";
import { readSourceLines } from "../knowledge/source-lines.js";
import type { DocumentRecord } from "../types.js";
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
  const read = readSourceLines({ path, file, format, bytes: stat.size, mtimeMs: stat.mtimeMs, root: realRoot });
  if (!read.ok) return { ok: false, message: `Cannot show \`${file}\`: ${read.reason}.` };

  const doc = engine.corpus.documents.find((d) => d.file === file) ?? null;
  const lines = read.lines;
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
    ...(doc ? pagedPlace(doc, lineStart, Math.min(lineEnd, lines.length)) : {}),
    title: doc?.title ?? null,
    date: doc?.date ?? null,
    url: doc ? lineUrl(doc, lineStart, lineEnd, engine.options) : null,
  };
  const expected = opts.contentHash ?? doc?.hash ?? null;
  // A paged document (PDF) numbers lines per page, as its citations do.
  if (doc?.pageStarts?.length) for (const l of view.lines) l.n = pageOf(doc.pageStarts, l.n).line;
  if (expected && !read.hash.startsWith(expected)) view.note = `\`${file}\` changed since this answer was given, so these lines may have moved. ${ASK_AGAIN}`;
  else if (!doc) view.note = `\`${file}\` is not in the current index, so these lines may not be the ones cited. A server manager can run /reindex to reload the folder.`;
  return { ok: true, view };
}

/** For a paged document: the view's lines and pages as its citations give them. */
function pagedPlace(doc: DocumentRecord, lineStart: number, lineEnd: number): Partial<SourceView> {
  if (!doc.pageStarts?.length) return {};
  const p = placeLines(doc, lineStart, lineEnd);
  return { lineStart: p.lineStart, lineEnd: p.lineEnd, ...(p.page !== undefined ? { page: p.page } : {}), ...(p.pageEnd !== undefined ? { pageEnd: p.pageEnd } : {}) };
}
