// The synchronous face of the async parsers: bytes go to binary-worker.mjs and the caller blocks
// until the raw content comes back (synckit: a worker thread and Atomics.wait). The worker starts
// on the first PDF or Word file and stays for the process; it holds no state between calls.
import { fileURLToPath } from "node:url";
import { createSyncFn } from "synckit";
import type { PdfPage } from "./pdf-layout.js";

export interface PdfRaw {
  ok: true;
  kind: "pdf";
  pages: PdfPage[];
  info: { title: string | null; author: string | null; created: string | null; modified: string | null };
}

export interface DocxRaw {
  ok: true;
  kind: "docx";
  html: string;
  coreXml: string | null;
}

export interface RawFailure {
  ok: false;
  /** "encrypted": a password is needed; "invalid": the parser could not read the file. */
  error: "encrypted" | "invalid";
  message: string;
}

/** One file's parse may take this long before it counts as unreadable. */
const TIMEOUT_MS = 120_000;

type Extract = (req: { kind: "pdf" | "docx"; bytes: Uint8Array }) => PdfRaw | DocxRaw | RawFailure;
let extract: Extract | null = null;

export function extractRaw(kind: "pdf" | "docx", bytes: Uint8Array): PdfRaw | DocxRaw | RawFailure {
  extract ??= createSyncFn(fileURLToPath(new URL("./binary-worker.mjs", import.meta.url)), { timeout: TIMEOUT_MS }) as Extract;
  try {
    return extract({ kind, bytes });
  } catch (e) {
    return { ok: false, error: "invalid", message: (e as Error).message };
  }
}
