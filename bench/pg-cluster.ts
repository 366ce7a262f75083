// A throwaway PostgreSQL cluster for the bench, as .ci/with-postgres makes one: initdb into a temp
// dir, socket only, fsync off; removed by stop(). Run as root, the server runs as the `postgres`
// user (initdb refuses root). Needs the machine's PostgreSQL 15 (`apt-get install postgresql-15`).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}

function asServerUser(cmd: string, args: string[]): void {
  const root = userInfo().uid === 0;
  execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Starts a cluster; throws a clear error when PostgreSQL is not installed. */
export function startCluster(): Cluster {
  if (!existsSync(join(BIN, "initdb"))) {
    throw new Error(`PostgreSQL's initdb is not in ${BIN} (install postgresql-15, or set PG_BIN to its bin directory)`);
  }
  const dir = mkdtempSync("/tmp/pg-bench-");
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, uid);
  }
  const data = join(dir, "data");
  let started = false;
  const stop = (): void => {
    if (started) {
      try {
        asServerUser(join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asServerUser(join(BIN, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    // Settings a dedicated small server would have; durability off because the cluster is thrown away.
    const settings = `-c listen_addresses='' -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c work_mem=16MB -c maintenance_work_mem=256MB -c max_wal_size=4GB`;
    asServerUser(join(BIN, "pg_ctl"), ["-D", data, "-w", "-l", join(dir, "log"), "-o", settings, "start"]);
    started = true;
  } catch (e) {
    stop();
    throw new Error(`could not start a throwaway PostgreSQL cluster: ${(e as Error).message}`);
  }
  return { url: `postgresql://postgres@localhost/postgres?host=${dir}`, dir, stop };
}
