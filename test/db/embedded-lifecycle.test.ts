import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../support/embedded-data-dir';
import {
  MAIN,
  isRunning,
  listeningUrl,
  readiness,
  spawnServer,
  waitFor,
  type ServerProcess,
} from '../support/server-process';

const ROOT = path.join(__dirname, '..', '..');
/** How long a cluster may outlive the process that started it. */
const STOP_BOUND_MS = 10_000;

let folder: string;
let dataDir: string;
const started: ServerProcess[] = [];

function server(env: Record<string, string> = {}): ServerProcess {
  const running = spawnServer(process.execPath, [MAIN], { DATA_DIR: dataDir, ...env });
  started.push(running);
  return running;
}

/** The PostgreSQL server process of the data folder, from its lock file. */
function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The watchdog process, as the server logs it once the embedded PostgreSQL is ready. */
function watchdogPid(running: ServerProcess): number {
  return running.lines.find((l) => l.msg === 'the embedded PostgreSQL is ready')!.watchdog as number;
}

/** Starts the server on the data folder, checks it is ready, stops it with SIGTERM: the start was not blocked. */
async function startsAndStops(): Promise<ServerProcess> {
  const running = server();
  const url = await listeningUrl(running);
  const postmaster = postmasterPid();
  expect(await readiness(url)).toBe(200);
  running.child.kill('SIGTERM');
  expect((await running.closed).code, running.stderr()).toBe(0);
  expect(isRunning(postmaster)).toBe(false);
  return running;
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (\`npm test\` does it first)`);
  // under the system temporary folder, which the `postgres` user can reach when the tests run as root
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-lifecycle-'));
  fs.chmodSync(folder, 0o755);
  dataDir = path.join(folder, 'data');
  await prepareDataDir(dataDir);
});

afterAll(async () => {
  for (const running of started) {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await running.closed;
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('the embedded PostgreSQL ends with the server', () => {
  it('stops within the bound after the server is killed with SIGKILL, and the next start is ready', async () => {
    const running = server();
    await listeningUrl(running);
    const postmaster = postmasterPid();
    expect(isRunning(postmaster)).toBe(true);
    running.child.kill('SIGKILL');
    await running.closed;
    const ms = await waitFor(() => !isRunning(postmaster), STOP_BOUND_MS, 'the orphaned cluster to stop');
    expect(ms).toBeLessThan(STOP_BOUND_MS);
    await waitFor(() => !isRunning(watchdogPid(running)), STOP_BOUND_MS, 'the watchdog to end');
    await startsAndStops();
  }, 120_000);

  it('a second SIGINT during shutdown does not cut it short (Ctrl-C under npm start sends two)', async () => {
    const running = server();
    await listeningUrl(running);
    const postmaster = postmasterPid();
    running.child.kill('SIGINT');
    await running.waitForLog((l) => l.msg.startsWith('shutting down'), 10_000);
    running.child.kill('SIGINT');
    expect(await running.closed).toEqual({ code: 0, signal: null });
    expect(running.lines.at(-1)?.msg).toBe('stopped');
    expect(isRunning(postmaster)).toBe(false);
  }, 120_000);

  it('stops when npm start receives SIGTERM, server first', async () => {
    const npm = spawnServer('npm', ['start', '--ignore-scripts'], { DATA_DIR: dataDir }, ROOT);
    started.push(npm);
    const url = await listeningUrl(npm);
    const postmaster = postmasterPid();
    const node = npm.lines.at(-1)!.pid!;
    expect(await readiness(url)).toBe(200);
    npm.child.kill('SIGTERM');
    expect((await npm.closed).code, npm.stderr()).toBe(0);
    expect(npm.lines.at(-1)?.msg).toBe('stopped');
    await waitFor(
      () => !isRunning(node) && !isRunning(postmaster),
      STOP_BOUND_MS,
      'the server and its cluster to stop',
    );
  }, 120_000);

  it('stops when npm is killed outright: the server notices it has lost its parent', async () => {
    const npm = spawnServer('npm', ['start', '--ignore-scripts'], { DATA_DIR: dataDir }, ROOT);
    started.push(npm);
    await listeningUrl(npm);
    const postmaster = postmasterPid();
    const node = npm.lines.at(-1)!.pid!;
    npm.child.kill('SIGKILL');
    await waitFor(
      () => !isRunning(node) && !isRunning(postmaster),
      STOP_BOUND_MS,
      'the server and its cluster to stop',
    );
  }, 120_000);
});

describe('what a crashed run leaves behind never blocks a start', () => {
  it('stops a cluster orphaned with its watchdog gone too, then starts', async () => {
    const crashed = server();
    await listeningUrl(crashed);
    const postmaster = postmasterPid();
    const watchdog = watchdogPid(crashed);
    process.kill(watchdog, 'SIGKILL');
    crashed.child.kill('SIGKILL');
    await crashed.closed;
    await waitFor(() => !isRunning(watchdog), STOP_BOUND_MS, 'the watchdog to end');
    expect(isRunning(postmaster), 'the orphan this test is about').toBe(true);

    const next = await startsAndStops();
    expect(isRunning(postmaster)).toBe(false);
    expect(next.lines.some((l) => l.level === 40 && String(l.msg).includes(`(process ${postmaster})`))).toBe(true);
  }, 120_000);

  it('refuses a second server on a cluster whose server is alive, which goes on serving', async () => {
    const first = server();
    const url = await listeningUrl(first);
    const postmaster = postmasterPid();
    const second = server();
    expect((await second.closed).code).toBe(1);
    expect(second.stderr()).toContain(`Another server (process ${first.child.pid}) is running`);
    expect(isRunning(postmaster)).toBe(true);
    expect(await readiness(url)).toBe(200);
    first.child.kill('SIGTERM');
    expect((await first.closed).code).toBe(0);
  }, 120_000);

  it('ignores a postmaster.pid naming a process that has ended, or one that is not PostgreSQL', async () => {
    const running = server();
    await listeningUrl(running);
    const lockFile = path.join(dataDir, 'postmaster.pid');
    const lock = fs.readFileSync(lockFile, 'utf8').split('\n');
    running.child.kill('SIGTERM');
    expect((await running.closed).code).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);

    const ended = spawnServer(process.execPath, ['-e', '0'], {});
    await ended.closed;
    for (const pid of [ended.child.pid!, process.pid]) {
      fs.writeFileSync(lockFile, [String(pid), ...lock.slice(1)].join('\n'));
      await startsAndStops();
    }
  }, 120_000);
});
