import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { RunAs } from './postgres-user';

/** Runs a PostgreSQL program as `runAs`; resolves on exit 0, rejects with its output otherwise. */
function run(program: string, args: string[], runAs: RunAs | undefined, output: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...runAs, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const collect = (line: string) => {
      lines.push(line);
      output(line);
    };
    readline.createInterface({ input: child.stdout! }).on('line', collect);
    readline.createInterface({ input: child.stderr! }).on('line', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(program)} ended with ${signal ?? `code ${code}`}: ${lines.join('\n')}`));
    });
  });
}

/** Creates the cluster. The password file lives in a private folder of its own, removed whatever happens. */
export async function initialiseCluster(
  bin: string,
  dataDir: string,
  credentials: { user: string; password: string },
  runAs: RunAs | undefined,
  output: (line: string) => void,
): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-initdb-'));
  try {
    const passwordFile = path.join(secrets, 'password');
    fs.writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) {
      for (const owned of [dataDir, secrets, passwordFile]) fs.chownSync(owned, runAs.uid, runAs.gid);
    }
    const args = [`--pgdata=${dataDir}`, '--auth=password', `--username=${credentials.user}`];
    await run(
      path.join(bin, 'initdb'),
      [...args, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      runAs,
      output,
    );
  } finally {
    fs.rmSync(secrets, { recursive: true, force: true });
  }
}

const READY = 'database system is ready to accept connections';

/**
 * Starts the postmaster on 127.0.0.1:`port` (no Unix socket to leave behind) in a process group of its own, so only this
 * process decides when it stops. `ready` resolves once it accepts connections.
 */
export function startPostmaster(
  bin: string,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  output: (line: string) => void,
  settings: Record<string, string> = {},
): { postmaster: ChildProcess; ready: Promise<void> } {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
  const options: SpawnOptions = { ...runAs, cwd: '/', detached: true, stdio: ['ignore', 'ignore', 'pipe'] };
  const postmaster = spawn(path.join(bin, 'postgres'), [...args, '-c', 'lc_messages=C'], options);
  const ready = new Promise<void>((resolve, reject) => {
    const stoppedEarly = () => reject(new Error('PostgreSQL stopped while starting'));
    postmaster.once('error', reject);
    postmaster.once('exit', stoppedEarly);
    readline.createInterface({ input: postmaster.stderr! }).on('line', (line) => {
      output(line);
      if (line.includes(READY)) {
        postmaster.off('exit', stoppedEarly);
        resolve();
      }
    });
  });
  return { postmaster, ready };
}
