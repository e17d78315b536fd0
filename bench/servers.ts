/** Starting the three servers as child processes on free ports, waiting until they answer, and stopping them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';

export type ServerName = 'ours' | 'postgraphile' | 'floor';

export interface RunningServer {
  name: ServerName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerCommand {
  name: ServerName;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** How to ask whether it is ready: a GET path, or a GraphQL POST of `{ __typename }`. */
  ready: { get: string } | { graphql: string };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string, ready: ServerCommand['ready']): Promise<boolean> {
  try {
    const response =
      'get' in ready
        ? await fetch(url + ready.get)
        : await fetch(url + ready.graphql, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
    return response.ok;
  } catch {
    return false;
  }
}

const START_TIMEOUT_MS = 120_000;

export async function startServer(spec: ServerCommand): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(spec.command, spec.args, {
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (!(await answers(url, spec.ready))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited before it was ready:\n${stderr}`);
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`${spec.name} was not ready within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: spec.name,
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Peak resident memory since the last reset (Linux's VmHWM), in MB; undefined where /proc does not tell. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a new peak (so start-up does not count as load); quietly nothing where the kernel does not allow it. */
export function resetPeakRss(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // the peak then includes start-up, which the report cannot tell apart
  }
}
