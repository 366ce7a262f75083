// Test helpers: temporary knowledge folders written by the tests themselves.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Engine } from "../src/runtime/engine.js";
import type { Db } from "../src/store/postgres/db.js";

export function tempDir(prefix = "kb-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (path → content) under a new temporary folder. */
export function writeKnowledge(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const t = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = join(t.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return t;
}

/** An engine over the given files; the folder is removed right after indexing. */
export function engineFor(files: Record<string, string>, opts: { sourceBaseUrl?: string } = {}): Engine {
  const t = writeKnowledge(files);
  try {
    return Engine.fromFolder(t.dir, { ...opts, onWarning: () => {} });
  } finally {
    t.cleanup();
  }
}

/** `db`, telling `seen` each statement (and its parameters) before running it: to count what a call sends. */
export function watched(db: Db, seen: (sql: string, params?: unknown[]) => void): Db {
  return Object.assign(Object.create(db) as Db, {
    query: (sql: string, params?: unknown[]) => {
      seen(sql, params);
      return db.query(sql, params);
    },
  });
}
