// Votes on answers (👍 / 👎), one JSON line each, appended to FEEDBACK_FILE. The file is rotated
// when it would pass its size limit (file → file.1 → file.2 …, the oldest dropped), so it never
// grows without bound. User ids are stored hashed: votes can be told apart, not traced to people.
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
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
  /** sha256 of the user id, shortened. */
  user: string;
}

export interface FeedbackLogOptions {
  /** Rotate before the file passes this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  keep?: number;
}

export function hashUser(userId: string): string {
  return createHash("sha256").update(`evidence-bot feedback\u0000${userId}`).digest("hex").slice(0, 16);
}

export class FeedbackLog {
  readonly maxBytes: number;
  readonly keep: number;

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
