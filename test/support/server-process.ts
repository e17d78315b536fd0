import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The built server (`npm test` builds it first). */
export const MAIN = path.join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface LogLine {
  level: number;
  msg: string;
  pid?: number;
  [key: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcess;
  lines: LogLine[];
  stderr(): string;
  /** The first log line matching; rejects after `ms`, or as soon as the output has closed without it. */
  waitForLog(match: (line: LogLine) => boolean, ms: number): Promise<LogLine>;
  /** Settles once the process has exited and all its output has been read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `command` (the built server, or npm start) with JSON logs at info level on a free port of 127.0.0.1, on the
 * embedded PostgreSQL unless `env` says otherwise: DATABASE_URL and TEST_DATABASE_URL of the test run are not passed on.
 */
export function spawnServer(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd?: string,
): ServerProcess {
  const inherited = { ...process.env, DATABASE_URL: undefined, TEST_DATABASE_URL: undefined };
  const child = spawn(command, args, {
    cwd,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let stderr = '';
  let outputClosed = false;
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const complete = (buffered + chunk.toString('utf8')).split('\n');
    buffered = complete.pop()!;
    for (const line of complete.filter(Boolean)) {
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        lines.push({ level: 0, msg: line });
      }
    }
    for (const check of waiters) check();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      outputClosed = true;
      for (const check of waiters) check();
      resolve({ code, signal });
    }),
  );
  const waitForLog = (match: (line: LogLine) => boolean, ms: number) =>
    new Promise<LogLine>((resolve, reject) => {
      const done = () => {
        waiters.delete(check);
        clearTimeout(timer);
      };
      const fail = (why: string) => {
        done();
        reject(new Error(`log line not seen: ${why}; stderr: ${stderr}\nlog: ${lines.map((l) => l.msg).join(' | ')}`));
      };
      const check = () => {
        const found = lines.find(match);
        if (found) {
          done();
          resolve(found);
        } else if (outputClosed) fail('the process ended');
      };
      const timer = setTimeout(() => fail(`not within ${ms} ms`), ms);
      waiters.add(check);
      check();
    });
  return { child, lines, stderr: () => stderr, waitForLog, closed };
}

/** The server's address, once it listens. */
export async function listeningUrl(server: ServerProcess, ms = 60_000): Promise<string> {
  const line = await server.waitForLog((l) => /^Server listening at http:\/\/127\.0\.0\.1:/.test(l.msg), ms);
  return /(http:\/\/\S+)/.exec(line.msg)![1];
}

/** GET /health/ready until it answers 200 (a loaded machine may need a moment); the last status otherwise. */
export async function readiness(url: string, ms = 30_000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { status } = await fetch(`${url}/health/ready`);
    if (status === 200 || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a process runs (a zombie, dead but not yet reaped by its parent, does not). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    if (process.platform === 'linux') return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** Polls `check` until it holds; returns how long that took, or throws after `ms`. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}
