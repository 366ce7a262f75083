// "Show source": the cited lines and a few around them, read fresh from the knowledge folder. The
// file may have changed or gone since the answer was given (the folder is reloaded live, so the
// index may already know); each case gets a clear explanation. The document's record comes from
// the store; a process without the folder (PostgreSQL, another machine) shows the stored passages.
import { realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { lineUrl, pageOf, placeLines } from "../answer/citation.js";
import type { Answerer } from "../runtime/answerer.js";
import type { FactStore } from "../store/types.js";
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

export async function lookupSource(
  engine: Answerer,
  folder: string,
  file: string,
  lineStart: number,
  lineEnd: number,
  opts: LookupOptions = {},
): Promise<SourceLookup> {
  const context = opts.context ?? 3;
  const root = resolve(folder);
  const path = resolve(root, file);
  const rel = relative(root, path);
  const format = FORMATS[extname(path).toLowerCase()];
  // custom_ids come back from Discord: never read outside the knowledge folder.
  if (!rel || rel.startsWith("..") || isAbsolute(rel) || !format) {
    return { ok: false, message: "That button does not point at a document in the knowledge folder." };
  }
  const doc = (await engine.store.documentsByFile([file])).get(file) ?? null;
  let stat;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    // No knowledge folder here at all: what was indexed is all there is to show.
    return doc ? storedView(engine.store, doc, lineStart, lineEnd, context) : { ok: false, message: `\`${file}\` is not in the index. ${ASK_AGAIN}` };
  }
  try {
    stat = statSync(path);
  } catch {
    return { ok: false, message: `\`${file}\` is no longer in the knowledge folder (moved or deleted since this answer was given). ${ASK_AGAIN}` };
  }
  if (!stat.isFile()) return { ok: false, message: `\`${file}\` is no longer a file in the knowledge folder. ${ASK_AGAIN}` };
  // The reader checks the real path (links resolved) against the real folder: a link never leads out.
  const read = readSourceLines({ path, file, format, bytes: stat.size, mtimeMs: stat.mtimeMs, root: realRoot });
  if (!read.ok) return { ok: false, message: `Cannot show \`${file}\`: ${read.reason}.` };

  const lines = read.lines;
  if (lineStart > lines.length) {
    return {
      ok: false,
      message: `\`${file}\` now has ${lines.length} lines, so lines ${lineStart}–${lineEnd} are gone: it changed since this answer was given. ${ASK_AGAIN}`,
    };
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
  else if (!doc)
    view.note = `\`${file}\` is not in the current index, so these lines may not be the ones cited. A server manager can run /reindex to reload the folder.`;
  return { ok: true, view };
}

/** The cited lines (and context) as the store holds the document's passages, with the lines between passages left out. */
async function storedView(store: FactStore, doc: DocumentRecord, lineStart: number, lineEnd: number, context: number): Promise<SourceLookup> {
  const byLine = new Map<number, string>();
  for (const { passage } of await store.passages(doc.passageIds)) {
    const map = passage.lineMap;
    map.forEach(([offset, line], i) => {
      if (line < lineStart - context || line > lineEnd + context) return;
      const text = passage.text.slice(offset, map[i + 1]?.[0] ?? passage.text.length).trim();
      byLine.set(line, byLine.has(line) ? `${byLine.get(line)} ${text}` : text);
    });
  }
  if (![...byLine.keys()].some((n) => n >= lineStart && n <= lineEnd))
    return { ok: false, message: `Lines ${lineStart}–${lineEnd} of \`${doc.file}\` are not in the index any more. ${ASK_AGAIN}` };
  const numbers = [...byLine.keys()].sort((a, b) => a - b);
  const view: SourceView = {
    file: doc.file,
    lineStart,
    lineEnd,
    lines: numbers.map((n) => ({ n, text: byLine.get(n)!, cited: n >= lineStart && n <= lineEnd })),
    ...pagedPlace(doc, lineStart, lineEnd),
    title: doc.title,
    date: doc.date,
    url: null,
    note: "The knowledge folder is not on this machine: these are the lines as indexed.",
  };
  if (doc.pageStarts?.length) for (const l of view.lines) l.n = pageOf(doc.pageStarts, l.n).line;
  return { ok: true, view };
}

/** For a paged document: the view's lines and pages as its citations give them. */
function pagedPlace(doc: DocumentRecord, lineStart: number, lineEnd: number): Partial<SourceView> {
  if (!doc.pageStarts?.length) return {};
  const p = placeLines(doc, lineStart, lineEnd);
  return {
    lineStart: p.lineStart,
    lineEnd: p.lineEnd,
    ...(p.page !== undefined ? { page: p.page } : {}),
    ...(p.pageEnd !== undefined ? { pageEnd: p.pageEnd } : {}),
  };
}
