// Discord signs every request it posts to an interactions endpoint: Ed25519 over the timestamp
// header followed by the raw body, with the application's public key. Verified with node:crypto
// alone: the 32-byte key from the Developer Portal is wrapped in the fixed SPKI header for Ed25519.
import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Requests signed longer ago than this (or this far in the future) are refused as replays. */
export const MAX_SIGNATURE_AGE_S = 300;

/** DISCORD_PUBLIC_KEY (64 hex characters) as a key node:crypto can verify with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("the public key must be 64 hex characters");
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

export type Verdict = { ok: true } | { ok: false; reason: "missing signature" | "malformed signature" | "bad signature" | "stale timestamp" };

/**
 * Checks the signature on the exact bytes received (re-serialised JSON would not match), then the
 * timestamp: a validly signed request that is older than five minutes is a replay.
 */
export function verifyRequest(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer, nowMs = Date.now()): Verdict {
  if (!signature || !timestamp) return { ok: false, reason: "missing signature" };
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed signature" };
  let valid: boolean;
  try {
    valid = verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), body]), key, Buffer.from(signature, "hex"));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "bad signature" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return { ok: false, reason: "stale timestamp" };
  return { ok: true };
}
