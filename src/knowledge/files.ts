// Finding and reading knowledge files defensively: a bad file is reported and skipped, never fatal.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import type { Format } from "../types.js";

export const FORMATS: Record<string, Format> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
};

/** Files larger than this are skipped with a warning (a 100 MB log is not an article). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface FileEntry {
  path: string;
  /** Relative to the knowledge folder, with `/`. */
  file: string;
  format: Format;
  bytes: number;
  mtimeMs: number;
}

export class KnowledgeDirError extends Error {}

/** Every supported file under `root`, recursively, in a stable order. Hidden folders are skipped. */
export function listKnowledgeFiles(root: string): FileEntry[] {
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new KnowledgeDirError(`knowledge folder not found: ${root}`);
  }
  if (!st.isDirectory()) throw new KnowledgeDirError(`knowledge path is not a folder: ${root}`);
  const out: FileEntry[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const path = join(dir, name);
      let s;
      try {
        s = statSync(path);
      } catch {
        continue; // removed while we walked
      }
      if (s.isDirectory()) walk(path, depth + 1);
      else if (s.isFile()) {
        const format = FORMATS[extname(name).toLowerCase()];
        if (format) out.push({ path, file: relative(root, path).split(sep).join("/"), format, bytes: s.size, mtimeMs: s.mtimeMs });
      }
    }
  };
  walk(root, 0);
  return out;
}

export type ReadResult =
  | { ok: true; text: string; hash: string; warning?: string }
  | { ok: false; reason: string };

/** Reads a file as text: rejects binary and oversized files; decodes non-UTF-8 as Windows-1252. */
export function readKnowledgeFile(entry: FileEntry, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  if (entry.bytes > maxBytes) {
    return { ok: false, reason: `skipped ${entry.file}: ${(entry.bytes / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(0)} MB limit` };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(entry.path);
  } catch (e) {
    return { ok: false, reason: `skipped ${entry.file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (buf.length > maxBytes) return { ok: false, reason: `skipped ${entry.file}: over the size limit` };
  const hash = createHash("sha256").update(buf).digest("hex").slice(0, 32);
  if (looksBinary(buf)) return { ok: false, reason: `skipped ${entry.file}: binary content, not text` };
  let text: string;
  let warning: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder("windows-1252").decode(buf);
    warning = `${entry.file} is not valid UTF-8; read it as Windows-1252`;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return warning ? { ok: true, text, hash, warning } : { ok: true, text, hash };
}

/** NUL bytes or many control characters in the first 8 KB mean binary (the same test git uses, plus a ratio). */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control / n > 0.1;
}
