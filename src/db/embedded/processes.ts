import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Whether a process with this id exists (one of another user's counts too). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function psField(pid: number, field: 'ppid' | 'command'): string | undefined {
  try {
    const value = execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return value.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The command line of a running process (from /proc on Linux, `ps` elsewhere); undefined when it is gone. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return process.platform === 'linux' ? undefined : psField(pid, 'command');
  }
}

/** The parent process id of a running process; undefined when it is gone. */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid ...": the command may hold spaces and parentheses, so count from the last ')'
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    if (process.platform === 'linux') return undefined;
    const ppid = psField(pid, 'ppid');
    return ppid === undefined ? undefined : Number(ppid);
  }
}
