import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { RunAs } from './postgres-user';

/**
 * A shell that stops the cluster once this process has ended, however it ended: its stdin is a pipe from this process,
 * which the kernel closes even after SIGKILL or an out-of-memory kill. Detached, so a Ctrl-C meant for the server (which
 * still needs its database to finish in-flight requests) does not reach it; it holds no reference on the event loop.
 */
export function startWatchdog(pgCtl: string, dataDir: string, runAs?: RunAs): ChildProcess {
  const watchdog = spawn('/bin/sh', ['-c', 'read -r _; exec "$0" stop -D "$1" -m fast -s', pgCtl, dataDir], {
    ...runAs,
    cwd: '/',
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as Socket).unref();
  return watchdog;
}
