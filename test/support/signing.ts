// Ed25519 signing as Discord does it for interactions endpoints: the signature covers the
// X-Signature-Timestamp header followed by the raw body. Used by the stand-in to deliver
// interactions over HTTP, and by tests to forge, replay and malform requests on purpose.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export interface KeyPair {
  privateKey: KeyObject;
  /** The 32-byte public key as 64 hex characters: what the Developer Portal shows as "Public Key". */
  publicKeyHex: string;
}

export function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return { privateKey, publicKeyHex: Buffer.from(String(jwk.x), "base64url").toString("hex") };
}

export function signBody(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString("hex");
}

export interface PostOptions {
  /** Unix seconds; default now. An old one makes a replay. */
  timestamp?: string;
  /** Flip a bit of the signature (a forgery). */
  tamper?: boolean;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  /** Send this instead of the correct signature. */
  signature?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface PostResult {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  ms: number;
}

/** POSTs `body` to an interactions endpoint as Discord would (or, with options, as an attacker would). */
export async function signedPost(endpoint: { url: string; privateKey: KeyObject }, body: string | Buffer, opts: PostOptions = {}): Promise<PostResult> {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  let signature = opts.signature ?? signBody(endpoint.privateKey, timestamp, body);
  if (opts.tamper) signature = `${signature[0] === "0" ? "1" : "0"}${signature.slice(1)}`;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
    ...(opts.unsigned ? {} : { "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }),
    ...opts.headers,
  };
  const t0 = performance.now();
  try {
    const res = await fetch(endpoint.url, { method: "POST", headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: the caller looks at text */
    }
    return { status: res.status, text, json, ms: Math.round(performance.now() - t0) };
  } catch (error) {
    return { status: 0, text: (error as Error).message, json: null, ms: Math.round(performance.now() - t0) };
  }
}
