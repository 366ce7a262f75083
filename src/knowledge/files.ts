// Finding and reading knowledge files defensively: a bad file is reported and skipped, never fatal.
// Containment: only files whose real path (links resolved) lies inside the real knowledge folder
// are read, every real folder and file is visited once, and every link, loop, unreadable folder
// and depth cut that is skipped gets one warning line.
import { createHash } from "node:crypto";
import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, sep } from "node:path";
import type { Format } from "../types.js";
import { decodeText, looksBinary, looksBinaryText } from "./encoding.js";

export { looksBinary } from "./encoding.js";

export const FORMATS: Record<string, Format> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

/** Files larger than this are skipped with a warning (a 100 MB log is not an article). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Folders nested deeper than this are skipped with a warning. */
export const MAX_DEPTH = 32;

export interface FileEntry {
  /** The file's real path (inside `root`). */
  path: string;
  /** Relative to the knowledge folder, with `/` (the name it was found under). */
  file: string;
  format: Format;
  bytes: number;
  mtimeMs: number;
  /** The file's inode: an atomic save (a new file renamed over) changes it even when size and time do not. */
  ino?: number;
  /** The knowledge folder's real path. */
  root: string;
}

export interface FolderListing {
  /** The knowledge folder's real path. */
  root: string;
  files: FileEntry[];
}

export interface ListOptions {
  onWarning?: (message: string) => void;
  maxDepth?: number;
}

export class KnowledgeDirError extends Error {}

/** Every supported file under `root`, recursively, in a stable order. Hidden names are skipped. */
export function listKnowledgeFiles(root: string, opts: ListOptions = {}): FileEntry[] {
  return listKnowledgeFolder(root, opts).files;
}

/** True when `path` is `root` or lies under it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === "" || (r !== ".." && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

const skipName = (name: string): boolean => name.startsWith(".") || name === "node_modules";
const idOf = (s: { dev: number; ino: number }): string => `${s.dev}:${s.ino}`;

/**
 * Walks the folder: real entries first, then links (so a link never claims a file or folder that
 * is also reachable without it). Links are followed only when their target is inside the folder,
 * not hidden, and not visited already.
 */
export function listKnowledgeFolder(root: string, opts: ListOptions = {}): FolderListing {
  const warn = opts.onWarning ?? (() => {});
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    throw new KnowledgeDirError(`knowledge folder not found: ${root}`);
  }
  const st = statSync(realRoot);
  if (!st.isDirectory()) throw new KnowledgeDirError(`knowledge path is not a folder: ${root}`);
  const files: FileEntry[] = [];
  const seenDirs = new Map<string, string>(); // dev:ino → the name it was indexed under
  const seenFiles = new Map<string, string>();
  const links: Array<{ path: string; rel: string; depth: number }> = [];
  const relName = (rel: string): string => rel || ".";
  const child = (rel: string, name: string): string => (rel ? `${rel}/${name}` : name);

  const addFile = (path: string, rel: string, s: { dev: number; ino: number; size: number; mtimeMs: number }, viaLink: boolean): void => {
    const format = FORMATS[extname(rel).toLowerCase()];
    if (!format) return;
    const id = idOf(s);
    const first = seenFiles.get(id);
    if (first !== undefined) {
      warn(`skipped ${viaLink ? "link " : ""}${rel}: the same file as ${first}`);
      return;
    }
    seenFiles.set(id, rel);
    files.push({ path, file: rel, format, bytes: s.size, mtimeMs: s.mtimeMs, ino: s.ino, root: realRoot });
  };

  const walk = (dir: string, rel: string, depth: number, id: string): void => {
    if (depth > maxDepth) {
      warn(`skipped folder ${relName(rel)}: more than ${maxDepth} levels deep`);
      return;
    }
    seenDirs.set(id, relName(rel));
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The folder itself unreadable or gone mid-walk is an error, never an empty folder (a reload
      // would otherwise drop every document).
      if (!rel) throw new KnowledgeDirError(`cannot read the knowledge folder ${root} (${code ?? "error"})`);
      if (code !== "ENOENT") warn(`skipped folder ${relName(rel)}: cannot read it (${code ?? "error"})`); // ENOENT: removed while we walked
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      if (skipName(d.name)) continue;
      const path = join(dir, d.name);
      const name = child(rel, d.name);
      if (d.isSymbolicLink()) {
        links.push({ path, rel: name, depth });
        continue;
      }
      if (!d.isDirectory() && !d.isFile()) continue; // sockets, pipes, devices: never opened
      let s;
      try {
        s = lstatSync(path);
      } catch {
        continue; // removed while we walked
      }
      if (s.isDirectory()) {
        const first = seenDirs.get(idOf(s));
        if (first !== undefined) warn(`skipped folder ${name}: the same folder as ${first} (a loop)`);
        else walk(path, name, depth + 1, idOf(s));
      } else if (s.isFile()) addFile(path, name, s, false);
    }
  };

  const follow = (link: { path: string; rel: string; depth: number }): void => {
    let real: string;
    try {
      real = realpathSync(link.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      warn(`skipped link ${link.rel}: ${code === "ELOOP" ? "a loop of links" : code === "ENOENT" ? "its target does not exist" : `cannot resolve it (${code ?? "error"})`}`);
      return;
    }
    if (!isInside(realRoot, real)) {
      warn(`skipped link ${link.rel}: it points outside the knowledge folder`);
      return;
    }
    const target = relative(realRoot, real).split(sep);
    if (target.some(skipName)) {
      warn(`skipped link ${link.rel}: it points into a hidden folder or file (never indexed)`);
      return;
    }
    let s;
    try {
      s = statSync(real);
    } catch {
      return; // removed while we walked
    }
    if (s.isDirectory()) {
      const first = seenDirs.get(idOf(s));
      if (first !== undefined) warn(`skipped link ${link.rel}: it leads to ${first}, already indexed (a loop or a duplicate)`);
      else walk(real, link.rel, link.depth + 1, idOf(s));
    } else if (s.isFile()) addFile(real, link.rel, s, true);
  };

  walk(realRoot, "", 0, idOf(st));
  // Links found while following links are appended, so this runs until none is left.
  for (let i = 0; i < links.length; i++) follow(links[i]!);
  return { root: realRoot, files };
}

export type ReadResult =
  | { ok: true; text: string; hash: string; warning?: string }
  | { ok: false; reason: string };

export type BytesResult = { ok: true; buf: Buffer } | { ok: false; reason: string };

/**
 * The bytes of a listed file, read only if its real path still lies inside the knowledge folder
 * (the folder may have changed since it was listed) and it is still a regular file, not a link.
 */
export function readFileBytes(entry: FileEntry, maxBytes = DEFAULT_MAX_BYTES): BytesResult {
  const fail = (why: string): BytesResult => ({ ok: false, reason: `skipped ${entry.file}: ${why}` });
  let fd: number | null = null;
  try {
    // The native realpath: one call, where Node's own lstats every folder of the path (per file read).
    const real = realpathSync.native(entry.path);
    if (!isInside(entry.root, real)) return fail("it points outside the knowledge folder");
    if (relative(entry.root, real).split(sep).some(skipName)) return fail("it points into a hidden folder or file (never indexed)");
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    const s = fstatSync(fd);
    if (!s.isFile()) return fail("not a regular file");
    if (s.size > maxBytes) return fail(`${(s.size / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
    const buf = Buffer.allocUnsafe(s.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, buf: buf.subarray(0, off) };
  } catch (e) {
    return fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function contentHash(buf: Uint8Array): string {
  return createHash("sha256").update(buf).digest("hex").slice(0, 32);
}

/** Reads a file as text: rejects binary and oversized files; see encoding.ts for what is decoded how. */
export function readKnowledgeFile(entry: FileEntry, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  if (entry.bytes > maxBytes) {
    return { ok: false, reason: `skipped ${entry.file}: ${(entry.bytes / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(0)} MB limit` };
  }
  const read = readFileBytes(entry, maxBytes);
  if (!read.ok) return read;
  const buf = read.buf;
  const hash = contentHash(buf);
  const decoded = decodeText(buf);
  if (!decoded) return { ok: false, reason: `skipped ${entry.file}: it starts with a UTF-16 byte-order mark but is not UTF-16 text` };
  const binary = decoded.encoding.startsWith("utf-16") ? looksBinaryText(decoded.text) : looksBinary(buf);
  if (binary) return { ok: false, reason: `skipped ${entry.file}: binary content, not text` };
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (decoded.encoding === "windows-1252") return { ok: true, text, hash, warning: `${entry.file} is not valid UTF-8; read it as Windows-1252` };
  return { ok: true, text, hash };
}
