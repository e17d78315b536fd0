import { execFileSync } from 'node:child_process';
import { EmbeddedPostgresError } from './embedded-postgres-error';

/** The user the PostgreSQL processes run as, when it is not the current one. */
export interface RunAs {
  uid: number;
  gid: number;
}

function idOf(flag: '-u' | '-g'): number | undefined {
  try {
    return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}

function lookUp(): RunAs | undefined {
  const uid = idOf('-u');
  const gid = idOf('-g');
  return uid === undefined || gid === undefined ? undefined : { uid, gid };
}

/** PostgreSQL refuses to run as root: as root, its processes run as the `postgres` system user (created if missing). */
export function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUp();
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot run as root and there is no "postgres" user to run it as; creating one failed ` +
        `(${(error as Error).message}). Create it (useradd --system postgres) or start the server as another user.`,
    );
  }
  const created = lookUp();
  if (!created) throw new EmbeddedPostgresError('Created the "postgres" user but cannot look it up (id -u postgres).');
  return created;
}
