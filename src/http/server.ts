// The HTTP half of the interactions endpoint: routing, the body cap, signature and replay checks,
// JSON parsing, and writing the callback. What to answer is decided elsewhere (endpoint.ts), so this
// file is only about refusing everything Discord did not sign:
//   401 missing, malformed or wrong signature, or a timestamp older than five minutes (a replay)
//   413 a body over the cap (64 KB; Discord's interactions are a few KB)
//   400 signed but not JSON, or not an interaction
//   409 an interaction answered already (a signed request replayed within its five minutes)
// The only state kept between requests is the answered ids (replay.ts), per process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { KeyObject } from "node:crypto";
import type { Logger } from "../log.js";
import { describeError } from "../bot/errors.js";
import { readBody } from "./body.js";
import type { Outcome } from "./endpoint.js";
import { AnsweredIds } from "./replay.js";
import { verifyRequest } from "./verify.js";

export const MAX_BODY_BYTES = 64 * 1024;
/** Paths Discord may be told to post to: the root, or /interactions behind a shared host. */
const INTERACTION_PATHS = new Set(["/", "/interactions"]);

export interface ServerOptions {
  publicKey: KeyObject;
  answer: (json: unknown) => Outcome | Promise<Outcome>;
  health: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  log: Logger;
  maxBodyBytes?: number;
  now?: () => number;
}

/** Requests refused, by reason: a soak (or an attack) shows up here rather than in a flood of log lines. */
export interface Refusals {
  unsigned: number;
  forged: number;
  stale: number;
  tooLarge: number;
  malformed: number;
  replayed: number;
}

export interface InteractionsServer {
  server: Server;
  refusals: Refusals;
  /** Deferred answers still being completed. */
  readonly pending: number;
  /** Interaction ids remembered against replays. */
  readonly answeredIds: number;
  /** Resolves when every deferred answer has been completed (for a clean shutdown). */
  drain(): Promise<void>;
}

export function createInteractionsServer(opts: ServerOptions): InteractionsServer {
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = opts.now ?? Date.now;
  const refusals: Refusals = { unsigned: 0, forged: 0, stale: 0, tooLarge: 0, malformed: 0, replayed: 0 };
  const answeredIds = new AnsweredIds(now);
  const pending = new Set<Promise<void>>();

  const send = (res: ServerResponse, status: number, body: unknown, after?: () => Promise<void>): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...(status === 413 ? { connection: "close" } : {}),
    });
    res.end(text, () => {
      if (!after) return;
      // Only now has Discord got the acknowledgement that lets the follow-up edit it.
      const work = after().finally(() => pending.delete(work));
      pending.add(work);
    });
  };

  const onInteraction = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const read = await readBody(req, maxBody);
    if (!read.ok) {
      if (read.status === 413) refusals.tooLarge++;
      else refusals.malformed++;
      opts.log.debug(`refused a request: ${read.reason}`);
      send(res, read.status, { error: read.status === 413 ? "request body too large" : "unreadable request body" });
      return;
    }
    const verdict = verifyRequest(opts.publicKey, header(req, "x-signature-ed25519"), header(req, "x-signature-timestamp"), read.body, now());
    if (!verdict.ok) {
      if (verdict.reason === "stale timestamp") refusals.stale++;
      else if (verdict.reason === "bad signature") refusals.forged++;
      else refusals.unsigned++;
      opts.log.debug(`refused a request: ${verdict.reason}`);
      send(res, 401, { error: "invalid request signature" });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(read.body.toString("utf8"));
    } catch {
      refusals.malformed++;
      send(res, 400, { error: "malformed JSON" });
      return;
    }
    const id = interactionId(json);
    if (id !== null && !answeredIds.claim(id, Number(header(req, "x-signature-timestamp")))) {
      refusals.replayed++;
      opts.log.debug(`refused a request: interaction ${id} was answered already`);
      send(res, 409, { error: "interaction already answered" });
      return;
    }
    const outcome = await opts.answer(json);
    if (!outcome.ok) {
      refusals.malformed++;
      send(res, 400, { error: outcome.reason });
      return;
    }
    send(res, 200, outcome.body, outcome.after);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = path === "/healthz" ? "health" : INTERACTION_PATHS.has(path) ? "interactions" : null;
    if (!route) return send(res, 404, { error: "not found" });
    if (route === "health") {
      if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
      Promise.resolve(opts.health()).then(
        (h) => send(res, 200, { status: "ok", ...h }),
        (error: unknown) => {
          opts.log.error(`health check failed: ${describeError(error)}`);
          send(res, 503, { status: "unavailable" });
        },
      );
      return;
    }
    if (req.method !== "POST") return methodNotAllowed(res, "POST");
    onInteraction(req, res).catch((error: unknown) => {
      opts.log.error(`interaction request failed: ${describeError(error)}`);
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  });
  // A slow client cannot hold a connection open indefinitely.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  function methodNotAllowed(res: ServerResponse, allow: string): void {
    res.setHeader("allow", allow);
    send(res, 405, { error: "method not allowed" });
  }

  return {
    server,
    refusals,
    get pending() {
      return pending.size;
    },
    get answeredIds() {
      return answeredIds.size;
    },
    async drain() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

/** The id of an interaction to answer (not a PING, which Discord may well send again). */
function interactionId(json: unknown): string | null {
  if (typeof json !== "object" || json === null) return null;
  const { id, type } = json as { id?: unknown; type?: unknown };
  return typeof id === "string" && type !== 1 ? id : null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
