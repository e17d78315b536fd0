import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES_CONFIG = 'test/fixtures/test-command/vitest.config.mts';

interface Run {
  code: number | null;
  output: string;
  ms: number;
  report?: { numPassedTests: number; numFailedTests: number };
}

let reports: string;

/**
 * `npm test` as a user and CI run it, with the arguments CI adds (a JSON report), on one fixture file: the project's
 * vitest configuration and global setup, only the test files differ. The pretest build is skipped (`--ignore-scripts`):
 * this suite already runs on a fresh build.
 */
function npmTest(fixture: 'failing' | 'passing', testDatabaseUrl: string | undefined): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'TEST_DATABASE_URL' && name !== 'DATABASE_URL',
    ),
  );
  if (testDatabaseUrl) env.TEST_DATABASE_URL = testDatabaseUrl;
  const report = path.join(reports, `${fixture}-${testDatabaseUrl ? 'service' : 'embedded'}.json`);
  const args = ['test', '--ignore-scripts', '--', '--config', FIXTURES_CONFIG];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`, fixture);
  const started = Date.now();
  const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.once('close', (code) =>
      resolve({
        code,
        output,
        ms: Date.now() - started,
        report: fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : undefined,
      }),
    ),
  );
}

const runs: Partial<Record<'failingEmbedded' | 'failingService' | 'passingService', Run>> = {};

beforeAll(async () => {
  reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-test-command-'));
  const service = inject('databaseServerUrl');
  [runs.failingEmbedded, runs.failingService, runs.passingService] = await Promise.all([
    npmTest('failing', undefined),
    npmTest('failing', service),
    npmTest('passing', service),
  ]);
}, 180_000);

afterAll(() => fs.rmSync(reports, { recursive: true, force: true }));

describe('npm test', () => {
  it('exits non-zero when a test fails, on the embedded PostgreSQL the test setup starts', () => {
    const run = runs.failingEmbedded!;
    expect(run.report, run.output).toMatchObject({ numFailedTests: 1, numPassedTests: 0 });
    expect(run.code, run.output).toBe(1);
  });

  it('exits non-zero when a test fails, with TEST_DATABASE_URL', () => {
    const run = runs.failingService!;
    expect(run.report, run.output).toMatchObject({ numFailedTests: 1, numPassedTests: 0 });
    expect(run.code, run.output).toBe(1);
  });

  it('exits 0 when every test passes', () => {
    const run = runs.passingService!;
    expect(run.report, run.output).toMatchObject({ numFailedTests: 0, numPassedTests: 1 });
    expect(run.code, run.output).toBe(0);
  });
});
