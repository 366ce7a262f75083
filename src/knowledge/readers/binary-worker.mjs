// Runs the async parsers (pdfjs-dist, mammoth) in a worker thread so the loader can stay
// synchronous: synckit blocks the caller until this answers. Plain JavaScript on purpose (a worker
// started from tsx or vitest would not understand TypeScript). It only extracts raw content; all
// layout decisions are made by the pure TypeScript readers (pdf-layout.ts, docx.ts).
import { runAsWorker } from "synckit";

/** @param {{ kind: "pdf" | "docx", bytes: Uint8Array }} req */
runAsWorker(async (req) => {
  try {
    return req.kind === "pdf" ? await readPdf(req.bytes) : await readDocx(req.bytes);
  } catch (e) {
    const name = e && typeof e === "object" && "name" in e ? String(e.name) : "";
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: name === "PasswordException" ? "encrypted" : "invalid", message };
  }
});

async function readPdf(bytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(import.meta.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [a, b, , d, x, y] = it.transform;
        items.push({ str: it.str, x, y, w: it.width, h: Math.abs(d) || Math.hypot(a, b) || it.height, eol: it.hasEOL });
      }
      pages.push({ width, height, items });
      page.cleanup();
    }
    return {
      ok: true,
      kind: "pdf",
      pages,
      info: { title: str(info?.Title), author: str(info?.Author), created: str(info?.CreationDate), modified: str(info?.ModDate) },
    };
  } finally {
    await doc.destroy();
  }
}

async function readDocx(bytes) {
  const mammoth = (await import("mammoth")).default;
  const JSZip = (await import("jszip")).default;
  const buffer = Buffer.from(bytes);
  const zip = await JSZip.loadAsync(buffer);
  const core = zip.file("docProps/core.xml");
  const coreXml = core ? await core.async("string") : null;
  const { value } = await mammoth.convertToHtml({ buffer });
  return { ok: true, kind: "docx", html: value, coreXml };
}

function str(v) {
  return typeof v === "string" && v.trim() ? v : null;
}
