// Votes on answers (👍 / 👎), one JSON line each, appended to FEEDBACK_FILE. The file is rotated
// when it would pass its size limit (file → file.1 → file.2 …, the oldest dropped), so it never
// grows without bound. User ids are stored as keyed hashes (HMAC with a random key kept in
// FEEDBACK_FILE.key): votes can be told apart, but not traced to people by hashing known ids.
import { createHmac, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Vote {
  /** ISO time of the vote. */
  time: string;
  command: string;
  /** The question as asked, e.g. `/said speaker:Huawei topic:toolbox`. */
  question: string;
  /** The answer's first result when the vote was cast (null when there was none). */
  file: string | null;
  lines: [number, number] | null;
  vote: "up" | "down";
  /** HMAC-SHA256 of the user id under the log's key, shortened. */
  user: string;
}

export interface FeedbackLogOptions {
  /** Rotate before the file passes this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  keep?: number;
}

export function hashUser(userId: string, key: Buffer): string {
  return createHmac("sha256", key).update(userId).digest("hex").slice(0, 16);
}

const KEY_BYTES = 32;

export class FeedbackLog {
  readonly maxBytes: number;
  readonly keep: number;
  private key: Buffer | null = null;

  constructor(
    readonly file: string,
    options: FeedbackLogOptions = {},
  ) {
    this.maxBytes = Math.max(256, options.maxBytes ?? 5 * 1024 * 1024);
    this.keep = Math.max(1, options.keep ?? 3);
  }

  /** Appends one vote (rotating first when the line would not fit). Throws when the file cannot be written. */
  record(vote: Vote): void {
    const line = `${JSON.stringify(vote)}\n`;
    mkdirSync(dirname(this.file), { recursive: true });
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
    appendFileSync(this.file, line);
  }

  /** The user id as this log stores it. */
  hashUser(userId: string): string {
    return hashUser(userId, this.userKey());
  }

  /** The hashing key: made once per log, shared by every process writing to it (it survives restarts). */
  private userKey(): Buffer {
    if (this.key) return this.key;
    const path = `${this.file}.key`;
    if (!existsSync(path)) {
      mkdirSync(dirname(this.file), { recursive: true });
      // Written aside and linked into place, so a concurrent writer never reads a half-written key.
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(tmp, randomBytes(KEY_BYTES), { mode: 0o600 });
      try {
        linkSync(tmp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      } finally {
        unlinkSync(tmp);
      }
    }
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) throw new Error(`${path} is not a feedback key (${key.length} bytes); remove it to make a new one`);
    this.key = key;
    return key;
  }

  /** The current file and the rotated ones, oldest first: every vote still kept. */
  files(): string[] {
    const rotated = Array.from({ length: this.keep }, (_, i) => `${this.file}.${this.keep - i}`);
    return [...rotated, this.file].filter((f) => existsSync(f));
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    renameSync(this.file, `${this.file}.1`);
  }
}

/** Every readable vote in the files; a damaged line is skipped, not fatal. */
export function readVotes(files: string[]): Vote[] {
  const out: Vote[] = [];
  for (const f of files) {
    for (const line of readFileSync(f, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const v = JSON.parse(line) as Vote;
        if (v && (v.vote === "up" || v.vote === "down") && typeof v.question === "string") out.push(v);
      } catch {
        // a half-written line after a crash
      }
    }
  }
  return out;
}
