// Button custom_ids (at most 100 characters). They carry everything a press needs, so buttons keep
// working across restarts; only what does not fit falls back to a short key or a file-name hash.
//
//   src:<n>:<lineStart>:<lineEnd>:<h>:<file>         "Show source" (n keeps ids on one message unique;
//                                                   h = the file's content hash when answered, or -)
//   srh:<n>:<lineStart>:<lineEnd>:<h>:<sha256(file)> the same, for a file name too long to fit
//   more:<offset>:<JSON [code, …args]>              "More": the query itself
//   mork:<offset>:<key>                             "More": a key into the QueryStore
//   pub:<JSON [code, …args]>                        "Post publicly" (under a private answer): the query
//   pubk:<key>                                      "Post publicly": a key into the QueryStore
//   fb:<u|d>:<JSON [code, …args]>                   👍 / 👎 on an answer: the vote and the query
//   fbk:<u|d>:<key>                                 the same, with a key into the QueryStore
import { createHash } from "node:crypto";
import type { Citation } from "../types.js";
import type { BotQuery } from "./query.js";
import type { QueryStore } from "./query-store.js";

export const MAX_CUSTOM_ID = 100;

export type ButtonAction =
  | { kind: "source"; file: string; lineStart: number; lineEnd: number; contentHash: string | null }
  | { kind: "source-hashed"; fileHash: string; lineStart: number; lineEnd: number; contentHash: string | null }
  | { kind: "more"; query: BotQuery; offset: number }
  | { kind: "more-ref"; key: string; offset: number }
  | { kind: "publish"; query: BotQuery }
  | { kind: "publish-ref"; key: string }
  | { kind: "feedback"; vote: "up" | "down"; query: BotQuery }
  | { kind: "feedback-ref"; vote: "up" | "down"; key: string };

const CODES = { "who-said": "w", when: "n", stance: "t", search: "s", sources: "o", check: "c", said: "d" } as const;

export function fileHash(file: string): string {
  return createHash("sha256").update(file).digest("base64url").slice(0, 16);
}

/** How much of the file's content hash a button keeps: enough to notice the file changed. */
export const CONTENT_HASH_CHARS = 8;

/** `contentHash`: the cited file's hash when the answer was given (DocumentRecord.hash), if known. */
export function sourceId(source: Citation, position: number, contentHash?: string | null): string {
  const hash = contentHash && /^[0-9a-f]{8,}$/.test(contentHash) ? contentHash.slice(0, CONTENT_HASH_CHARS) : "-";
  // Paged documents (PDF) cite lines per page; the button carries the document-wide lines.
  const [lineStart, lineEnd] = source.docLines ?? [source.lineStart, source.lineEnd];
  const head = `${position}:${lineStart}:${lineEnd}:${hash}`;
  const plain = `src:${head}:${source.file}`;
  return plain.length <= MAX_CUSTOM_ID ? plain : `srh:${head}:${fileHash(source.file)}`;
}

/** "More" with the query inline, else a key into `store`; null when it does not fit and there is no store. */
export function moreId(query: BotQuery, offset: number, store: QueryStore): string;
export function moreId(query: BotQuery, offset: number, store: QueryStore | null): string | null;
export function moreId(query: BotQuery, offset: number, store: QueryStore | null): string | null {
  const args = moreArgs(query);
  const inline = `more:${offset}:${JSON.stringify([CODES[query.command], ...args])}`;
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  return store ? `mork:${offset}:${store.put(query)}` : null;
}

/** "Post publicly" with the query inline, else a key into `store`; null when it does not fit and there is no store. */
export function publishId(query: BotQuery, store: QueryStore | null): string | null {
  const inline = `pub:${JSON.stringify([CODES[query.command], ...moreArgs(query)])}`;
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  return store ? `pubk:${store.put(query)}` : null;
}

/** 👍 (up) or 👎 (down) on the answer to `query`; null when it does not fit and there is no store. */
export function feedbackId(query: BotQuery, vote: "up" | "down", store: QueryStore | null): string | null {
  const v = vote === "up" ? "u" : "d";
  const inline = `fb:${v}:${JSON.stringify([CODES[query.command], ...moreArgs(query)])}`;
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  return store ? `fbk:${v}:${store.put(query)}` : null;
}

/** The arguments a "More" id carries after the command's code. */
function moreArgs(query: BotQuery): Array<string | null> {
  switch (query.command) {
    case "stance":
      return [query.actor, query.topic];
    case "sources":
      return [];
    case "check":
      return [query.query, query.speaker];
    case "said":
      return [query.speaker, query.topic];
    default:
      return [query.query];
  }
}

/** The action a custom_id stands for, or null for anything this bot did not make (or made long ago). */
export function decodeCustomId(id: string): ButtonAction | null {
  let m = /^(src|srh):\d{1,3}:(\d{1,9}):(\d{1,9}):([0-9a-f]{8}|-):(.+)$/s.exec(id);
  if (m) {
    const lineStart = Number(m[2]);
    const lineEnd = Number(m[3]);
    const contentHash = m[4] === "-" ? null : m[4]!;
    if (lineStart < 1 || lineEnd < lineStart) return null;
    return m[1] === "src"
      ? { kind: "source", file: m[5]!, lineStart, lineEnd, contentHash }
      : { kind: "source-hashed", fileHash: m[5]!, lineStart, lineEnd, contentHash };
  }
  if ((m = /^fbk:([ud]):([\w-]{1,40})$/.exec(id))) return { kind: "feedback-ref", vote: m[1] === "u" ? "up" : "down", key: m[2]! };
  if ((m = /^fb:([ud]):(\[.*\])$/s.exec(id))) {
    const query = queryFromArgs(m[2]!);
    return query ? { kind: "feedback", vote: m[1] === "u" ? "up" : "down", query } : null;
  }
  if ((m = /^pubk:([\w-]{1,40})$/.exec(id))) return { kind: "publish-ref", key: m[1]! };
  if ((m = /^pub:(\[.*\])$/s.exec(id))) {
    const query = queryFromArgs(m[1]!);
    return query ? { kind: "publish", query } : null;
  }
  if ((m = /^mork:(\d{1,6}):([\w-]{1,40})$/.exec(id))) return { kind: "more-ref", key: m[2]!, offset: Number(m[1]) };
  if ((m = /^more:(\d{1,6}):(\[.*\])$/s.exec(id))) {
    const query = queryFromArgs(m[2]!);
    return query ? { kind: "more", query, offset: Number(m[1]) } : null;
  }
  return null;
}

function queryFromArgs(json: string): BotQuery | null {
  let args: unknown;
  try {
    args = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(args)) return null;
  const [code, a, b] = args as unknown[];
  const str = (v: unknown): v is string => typeof v === "string";
  switch (code) {
    case "w":
      return str(a) ? { command: "who-said", query: a } : null;
    case "n":
      return str(a) ? { command: "when", query: a } : null;
    case "s":
      return str(a) ? { command: "search", query: a } : null;
    case "t":
      return str(a) && (b === null || str(b)) ? { command: "stance", actor: a, topic: b } : null;
    case "o":
      return { command: "sources" };
    case "c":
      return str(a) && (b === null || str(b)) ? { command: "check", query: a, speaker: b } : null;
    case "d":
      return str(a) && (b === null || str(b)) ? { command: "said", speaker: a, topic: b } : null;
    default:
      return null;
  }
}
