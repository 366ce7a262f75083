// A database indexed by older extracting code is indexed again when the same files are met by new
// code: the facts are the code's, not only the files'. (The code's fingerprint is what changes
// between versions; here it is set by hand.)
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../src/store/postgres/db.js";
import { tempDir } from "./helpers.js";

const code = vi.hoisted(() => ({ fingerprint: "code-a" }));
vi.mock("../src/index/cache.js", async (original) => ({
  ...(await original<typeof import("../src/index/cache.js")>()),
  extractorFingerprint: () => code.fingerprint,
}));
const { indexFolder } = await import("../src/runtime/postgres.js");

vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

const tmp = tempDir("pg-new-extractor-");
afterAll(() => tmp.cleanup());

describe("indexFolder on a database the same files were indexed into", () => {
  it("does nothing for the same code, and extracts again for new code", async () => {
    const root = join(tmp.dir, "docs");
    mkdirSync(root);
    writeFileSync(join(root, "mill.txt"), 'Mill reopens\n\n"The looms run again from Monday," said Ida Berg, the mill owner.\n');
    const db = new PGlite({ extensions: { pg_trgm, unaccent } }) as unknown as Db;
    try {
      const first = await indexFolder(db, root, { cacheDir: null, onWarning: () => {} });
      expect(first.indexed).toBe(true);
      const again = await indexFolder(db, root, { cacheDir: null, onWarning: () => {} });
      expect(again.indexed).toBe(false);
      code.fingerprint = "code-b";
      const newCode = await indexFolder(db, root, { cacheDir: null, onWarning: () => {} });
      expect(newCode.indexed).toBe(true);
      expect(newCode.generation).toBeGreaterThan(first.generation);
    } finally {
      await (db as unknown as PGlite).close();
    }
  });
});
