// The little the PostgreSQL store needs from a connection: parameterized queries and transactions.
// A `pg` pool (loaded only when STORE=postgres) and PGlite (the tests) both fit it.

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `listener` on every NOTIFY on `channel`; returns a function that stops listening. */
  listen?(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  close?(): Promise<void>;
}

/** A connection pool to DATABASE_URL through the `pg` client, imported only now. */
export async function connectPg(url: string): Promise<Db> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Connections held by listeners: closing releases them, or pool.end() would wait for them forever.
  const listening = new Set<{ release(): void }>();
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn({ query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as R[] }) });
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel: string, listener: (payload: string) => void) {
      const client = await pool.connect();
      const onNotification = (n: { channel: string; payload?: string }): void => {
        if (n.channel === channel) listener(n.payload ?? "");
      };
      client.on("notification", onNotification);
      await client.query(`LISTEN ${channel}`);
      listening.add(client);
      return async () => {
        if (!listening.delete(client)) return;
        // The connection goes back to the pool: whoever gets it next must not call this listener.
        client.off("notification", onNotification);
        await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
        client.release();
      };
    },
    close: async () => {
      for (const client of listening) client.release();
      listening.clear();
      await pool.end();
    },
  };
}

/** Inserts rows with one multi-row INSERT per `batchSize` rows (each statement its own transaction outside one). */
export async function insertRows(db: Queryable, table: string, columns: string[], rows: Iterable<readonly unknown[]>, batchSize: number): Promise<void> {
  let batch: Array<readonly unknown[]> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const values = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(", ")})`);
    batch = [];
    await db.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`, params);
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}
