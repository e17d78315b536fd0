import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './embedded-postgres-error';
import type { RunAs } from './postgres-user';
import { commandLineOf, isAlive, parentOf } from './processes';

const OWNER_FILE = 'climate-alliance-owner.pid';

/** Notes which process runs the cluster, so a later start can tell a live server's cluster from an orphan. */
export function recordOwner(dataDir: string): void {
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), String(process.pid));
}

export function clearOwner(dataDir: string): void {
  fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

function readNumber(file: string): number | undefined {
  try {
    const value = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Clears what a crashed run left in `dataDir`, so it never blocks a restart: a postmaster still running without the
 * server that started it (killed with SIGKILL, or by the out-of-memory killer) is stopped; a lock file naming a process
 * that is not this cluster's postmaster (gone, or its id since reused) is removed. A cluster whose server is alive is
 * left alone and the start refused. Returns what was done, for the log.
 */
export async function clearStaleCluster(dataDir: string, pgCtl: string, runAs?: RunAs): Promise<string | undefined> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const pid = readNumber(lockFile);
  if (pid === undefined) return undefined;
  const command = isAlive(pid) ? commandLineOf(pid) : undefined;
  if (!command?.includes('postgres') || !command.includes(dataDir)) {
    fs.rmSync(lockFile, { force: true });
    return `removed a stale lock file naming process ${pid}, which is not this cluster's PostgreSQL`;
  }
  const owner = readNumber(path.join(dataDir, OWNER_FILE));
  if (owner !== undefined && owner !== process.pid && parentOf(pid) === owner) {
    throw new EmbeddedPostgresError(
      `Another server (process ${owner}) is running on the embedded PostgreSQL in ${dataDir}: ` +
        `stop it first, or give this one its own DATA_DIR.`,
    );
  }
  try {
    await promisify(execFile)(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60', '-s'], {
      ...runAs,
      cwd: '/',
    });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `A PostgreSQL left running by an earlier run (process ${pid}) holds ${dataDir} and did not stop ` +
        `(${(error as Error).message.trim()}). Stop it with "kill ${pid}" and start again.`,
    );
  }
  return `stopped the PostgreSQL left running by an earlier run that ended without stopping it (process ${pid})`;
}
