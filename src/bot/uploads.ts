// Files added from Discord (/add) and removed again (/remove). They live in KNOWLEDGE_DIR/added/
// under a safe name (no folders, no hidden names, only plain characters), are downloaded only
// from Discord's file servers with a size cap, must look like what their name says, and never
// replace a file already there. Nothing here touches the index: the commands reindex after.
import { randomBytes } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, readdirSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { looksBinary } from "../knowledge/files.js";
import type { AttachmentRef } from "./options.js";

export const ADDED_FOLDER = "added";
/** What /add takes: the formats the loader reads. */
export const UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md", ".html", ".htm"];
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Where Discord serves attachments from. */
export const DISCORD_FILE_ORIGINS = ["https://cdn.discordapp.com", "https://media.discordapp.net"];

export interface UploadSettings {
  /** Origins attachments may be downloaded from (Discord's CDN; a stand-in's address in tests). */
  allowedOrigins: string[];
  maxBytes: number;
}

/** Discord's file servers, plus the API base's origin when one is configured (a stand-in or proxy). */
export function uploadSettings(apiBase: string | undefined, maxBytes = DEFAULT_UPLOAD_MAX_BYTES): UploadSettings {
  const origins = [...DISCORD_FILE_ORIGINS];
  if (apiBase) origins.push(new URL(apiBase).origin);
  return { allowedOrigins: origins, maxBytes };
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

const MB = (n: number): string => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 1)} MB`;

/**
 * The name a file is saved under: the attachment's base name with anything but letters, digits,
 * dots, dashes and underscores made a dash, no leading dot, at most 100 characters, and one of
 * the allowed extensions. Null when nothing usable is left.
 */
export function safeFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const ext = extname(base).toLowerCase();
  if (!UPLOAD_TYPES.includes(ext)) return null;
  const stem = base
    .slice(0, base.length - ext.length)
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, 100 - ext.length);
  return stem ? `${stem}${ext}` : null;
}

/** Checks what Discord says about the attachment before downloading anything. */
export function checkAttachment(ref: AttachmentRef, settings: UploadSettings): Outcome<{ name: string }> {
  const name = safeFileName(ref.filename);
  if (!name)
    return {
      ok: false,
      reason: `\`${ref.filename.slice(0, 100)}\` is not a file type I can index: send a PDF, a Word file (.docx), or a .txt, .md or .html file.`,
    };
  if (ref.size > settings.maxBytes) return { ok: false, reason: `\`${name}\` is ${MB(ref.size)}, over the ${MB(settings.maxBytes)} limit for added files.` };
  let origin: string;
  try {
    origin = new URL(ref.url).origin;
  } catch {
    return { ok: false, reason: "That attachment has no valid address." };
  }
  if (!settings.allowedOrigins.includes(origin)) return { ok: false, reason: "That attachment is not on Discord's file servers, so I will not fetch it." };
  return { ok: true, name };
}

/** Downloads at most maxBytes (the size Discord reported is not trusted), then checks the content. */
export async function downloadAttachment(
  ref: AttachmentRef,
  name: string,
  settings: UploadSettings,
  fetchImpl: typeof fetch = fetch,
): Promise<Outcome<{ bytes: Buffer }>> {
  let res: Response;
  try {
    res = await fetchImpl(ref.url, { redirect: "error", signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    return { ok: false, reason: `Could not download \`${name}\` (${(e as Error).name === "TimeoutError" ? "it took too long" : "network error"}).` };
  }
  if (!res.ok || !res.body) return { ok: false, reason: `Could not download \`${name}\` (Discord answered ${res.status}).` };
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > settings.maxBytes) return { ok: false, reason: `\`${name}\` is over the ${MB(settings.maxBytes)} limit for added files.` };
    chunks.push(Buffer.from(chunk));
  }
  const bytes = Buffer.concat(chunks);
  const problem = contentProblem(name, bytes);
  return problem ? { ok: false, reason: problem } : { ok: true, bytes };
}

/** A file must be what its name says: a PDF starts with %PDF-, a .docx is a zip, text is not binary. */
export function contentProblem(name: string, bytes: Buffer): string | null {
  const ext = extname(name).toLowerCase();
  if (bytes.length === 0) return `\`${name}\` is empty.`;
  if (ext === ".pdf" && !bytes.subarray(0, 1024).includes("%PDF-")) return `\`${name}\` is not a PDF file.`;
  if (ext === ".docx" && !bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return `\`${name}\` is not a Word (.docx) file.`;
  if (![".pdf", ".docx"].includes(ext) && looksBinary(bytes)) return `\`${name}\` is binary, not a text file.`;
  return null;
}

/** KNOWLEDGE_DIR/added/, created on first use; it must be a real folder inside the knowledge folder. */
function addedDir(root: string, create: boolean): string | null {
  const dir = join(resolve(root), ADDED_FOLDER);
  if (create) mkdirSync(dir, { recursive: true });
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && realpathSync(dir) === join(realpathSync(root), ADDED_FOLDER) ? dir : null;
  } catch {
    return null;
  }
}

/** Writes the file under a hidden temporary name, then links it into place: an existing file is never replaced. */
export function saveUpload(root: string, name: string, bytes: Buffer): Outcome<{ file: string }> {
  const dir = addedDir(root, true);
  if (!dir) return { ok: false, reason: `The knowledge folder's \`${ADDED_FOLDER}\` is not a plain folder; not saving there.` };
  const tmp = join(dir, `.upload-${randomBytes(6).toString("hex")}`);
  writeFileSync(tmp, bytes, { flag: "wx" });
  try {
    linkSync(tmp, join(dir, name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      return { ok: false, reason: `\`${ADDED_FOLDER}/${name}\` already exists. Remove it first with /remove, or rename your file.` };
    throw e;
  } finally {
    unlinkSync(tmp);
  }
  return { ok: true, file: `${ADDED_FOLDER}/${name}` };
}

/** The files in KNOWLEDGE_DIR/added/ that /remove may delete (`added/name`), sorted. */
export function addedFiles(root: string): string[] {
  const dir = addedDir(root, false);
  if (!dir) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith(".") && UPLOAD_TYPES.includes(extname(d.name).toLowerCase()))
    .map((d) => `${ADDED_FOLDER}/${d.name}`)
    .sort();
}

/** Deletes one added file; only names addedFiles lists are accepted. */
export function removeUpload(root: string, file: string): Outcome<{ file: string }> {
  const wanted = file.startsWith(`${ADDED_FOLDER}/`) ? file : `${ADDED_FOLDER}/${file}`;
  if (!addedFiles(root).includes(wanted)) return { ok: false, reason: `\`${file.slice(0, 120)}\` is not a file added with /add. Pick one from the list.` };
  unlinkSync(join(resolve(root), wanted));
  return { ok: true, file: wanted };
}

/** Removes a file that was saved but could not be indexed. */
export function discardUpload(root: string, file: string): void {
  try {
    unlinkSync(join(resolve(root), file));
  } catch {
    // already gone
  }
}
