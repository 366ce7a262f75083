// Encodings: Windows-1252 read as Windows-1252 (curly quotes, dashes, € and … intact), UTF-16 with
// a byte-order mark, and a UTF-8 byte-order mark dropped; the quotations in them are then found.
import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../src/runtime/engine.js";
import { decodeText, decodeWindows1252 } from "../src/knowledge/encoding.js";
import { writeKnowledge } from "./helpers.js";

const ascii = (s: string): Buffer => Buffer.from(s, "latin1");
// Windows-1252 bytes for the punctuation that Latin-1 leaves as control characters.
const CP = { ldq: 0x93, rdq: 0x94, lsq: 0x91, rsq: 0x92, en: 0x96, em: 0x97, euro: 0x80, ellipsis: 0x85 };
const cp = (...parts: Array<string | number>): Buffer => Buffer.concat(parts.map((p) => (typeof p === "number" ? Buffer.from([p]) : ascii(p))));

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function engineWith(files: Record<string, Buffer>) {
  const t = writeKnowledge(files);
  cleanup = t.cleanup;
  const warnings: string[] = [];
  return { engine: Engine.fromFolder(t.dir, { onWarning: (w) => warnings.push(w) }), warnings };
}

describe("Windows-1252", () => {
  it("maps 0x80–0x9F to the characters Windows-1252 defines", () => {
    expect(decodeWindows1252(Buffer.from([0x93, 0x94, 0x91, 0x92, 0x96, 0x97, 0x80, 0x85, 0x99, 0x8a]))).toBe("“”‘’–—€…™Š");
    // Bytes outside that range are Latin-1, and the five undefined bytes keep their code point.
    expect(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xa0, 0xff, 0x81, 0x9d]))).toBe("Aé\u00a0ÿ\u0081\u009d");
    expect(decodeText(cp("Caf", 0xe9, " ", CP.ldq, "ok", CP.rdq))).toEqual({ text: "Café “ok”", encoding: "windows-1252" });
  });

  it("finds the quotation in a Windows-1252 file, with its punctuation and line", async () => {
    const file = cp(
      "Harbour plan splits the council\r\n\r\n",
      CP.ldq,
      "The harbour will cost ",
      CP.euro,
      "40 million ",
      CP.en,
      " and it will pay for itself",
      CP.ellipsis,
      " eventually,",
      CP.rdq,
      " said Marta Keller, the mayor",
      CP.rsq,
      "s deputy, on Monday.\r\n",
    );
    const { engine, warnings } = engineWith({ "old.txt": file });
    expect(warnings).toEqual(["old.txt is not valid UTF-8; read it as Windows-1252"]);
    const [r] = (await engine.whoSaid("harbour will cost")).results;
    expect(r?.speaker).toBe("Marta Keller");
    expect(r?.quote).toContain("€40 million – and it will pay for itself… eventually");
    expect(r?.source.lineStart).toBe(3);
  });
});

describe("UTF-16 and byte-order marks", () => {
  const text = "Bridge repairs approved\n\n“The bridge reopens in June,” said Tomas Berg, the engineer, on Friday.\n";

  it("reads UTF-16 LE with a byte-order mark, and finds its quotation", async () => {
    const { engine, warnings } = engineWith({ "le.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) });
    expect(warnings).toEqual([]);
    const [r] = (await engine.whoSaid("bridge reopens")).results;
    expect(r?.speaker).toBe("Tomas Berg");
    expect(r?.source.lineStart).toBe(3);
    expect((await engine.sources()).results[0]?.title).toBe("Bridge repairs approved");
  });

  it("reads UTF-16 BE with a byte-order mark, and finds its quotation", async () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    const { engine, warnings } = engineWith({ "be.txt": Buffer.concat([Buffer.from([0xfe, 0xff]), be]) });
    expect(warnings).toEqual([]);
    expect((await engine.whoSaid("bridge reopens")).results[0]?.speaker).toBe("Tomas Berg");
  });

  it("drops a UTF-8 byte-order mark before the title", async () => {
    const { engine } = engineWith({ "bom.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# ${text}`)]) });
    expect((await engine.sources()).results[0]?.title).toBe("Bridge repairs approved");
  });

  it("skips a file with a UTF-16 byte-order mark that is not UTF-16, with one warning", async () => {
    const { engine, warnings } = engineWith({ "odd.txt": Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]) });
    expect((await engine.sources()).results).toEqual([]);
    expect(warnings).toEqual(["skipped odd.txt: it starts with a UTF-16 byte-order mark but is not UTF-16 text"]);
  });
});
