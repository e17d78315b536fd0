/** One round of load against one server, run by bench/load-runner in a child process. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LoadJob {
  url: string;
  /** POST unless said; a GET sends no body. */
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string;
  /** The status every answer must have (default: any 2xx). */
  expectStatus?: number;
  connections: number;
  seconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors (timeouts included) and answers other than 2xx. */
  failures: number;
  requests: number;
}

const run = promisify(execFile);

export async function runLoad(job: LoadJob): Promise<LoadFigures> {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'load-runner.js'), JSON.stringify(job)], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadFigures;
}
