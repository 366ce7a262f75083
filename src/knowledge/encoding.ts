// Bytes → text: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark, and anything else
// as Windows-1252, the usual encoding of older Western text files. Node 20's
// TextDecoder("windows-1252") decodes as Latin-1 (0x80–0x9F become control characters), so the
// 32 bytes that differ are mapped here, as the WHATWG Encoding Standard defines them.

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

// 0x80–0x9F in Windows-1252; the five bytes it leaves undefined keep their C1 code point.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(buf: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < buf.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(buf.length, i + CHUNK);
    for (let k = i; k < end; k++) {
      const b = buf[k]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The text of `buf`, or null when it claims UTF-16 by its byte-order mark but is not. */
export function decodeText(buf: Uint8Array): Decoded | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf, "utf-16le");
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf, "utf-16be");
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(buf), encoding: "windows-1252" };
  }
}

function utf16(buf: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded | null {
  if (buf.length % 2 !== 0) return null;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(buf), encoding };
  } catch {
    return null;
  }
}

/** NUL bytes or many control characters in the first 8 KB mean binary (the same test git uses, plus a ratio). */
export function looksBinary(buf: Uint8Array): boolean {
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

/** The same test on decoded text (UTF-16 files hold NUL bytes by design, so they are tested after decoding). */
export function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32) || c === 127) control++;
  }
  return control / n > 0.1;
}
