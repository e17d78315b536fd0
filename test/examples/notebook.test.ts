import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRET, type ListeningApp, startListeningApp } from '../http/listening-app';

const SCRIPT = path.join(__dirname, '..', '..', 'examples', 'notebook', 'network_figures.py');

/** Debian's python3 with python3-pandas (what .ci/run installs), or any python3 on the PATH that has pandas. */
const PYTHON = ['/usr/bin/python3', 'python3'].find(
  (command) => spawnSync(command, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0,
);

function runNotebook(baseUrl: string, key: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      PYTHON!,
      [SCRIPT],
      { env: { ...process.env, API_URL: baseUrl, API_KEY: key }, cwd: path.dirname(SCRIPT) },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!PYTHON)('examples/notebook/network_figures.py against a running server', () => {
  let server: ListeningApp;
  let analystKey: string;
  beforeAll(async () => {
    server = await startListeningApp();
    const created = await server.graphql(
      `mutation { createApiKey(input: { name: "notebook", role: ANALYST }) { key } }`,
      { key: ADMIN_SECRET },
    );
    expect(created.json?.errors).toBeUndefined();
    analystKey = created.json!.data.createApiKey.key;
  });
  afterAll(() => server.close());

  it('pages the members, reads the Arrow exports and recomputes allianceProgress and emissionTotals as the API does', async () => {
    const run = await runNotebook(server.baseUrl, analystKey);
    expect(run.stderr).not.toMatch(/Traceback/);
    expect(run.stdout).toMatch(/allianceProgress: \d+ years, \d+ members/);
    expect(run.stdout).toMatch(/emissionTotals\(groupBy: \[COUNTRY, YEAR\]\): [1-9]\d* groups/);
    expect(run.stdout).toContain('agree with the API');
    expect(run.code).toBe(0);
  });

  it('exits non-zero when a figure the API serves disagrees with the exported rows', async () => {
    // the maintained yearly totals allianceProgress reads (per country, category and membership status) and
    // emissionTotals reads (per country, category and year), changed behind the API's back
    const connection = server.orm.em.fork().getConnection();
    await connection.execute('update network_status_year_total set emissions_tco2e = emissions_tco2e + 1');
    await connection.execute('update network_year_total set emissions_tco2e = emissions_tco2e + 1');
    const run = await runNotebook(server.baseUrl, analystKey);
    expect(run.stdout).toMatch(/^MISMATCH \d{4}: export/m);
    expect(run.stdout).toMatch(/^MISMATCH [A-Z]{2} \d{4}: export/m);
    expect(run.stdout).toMatch(/figures disagree/);
    expect(run.code).toBe(1);
  });
});
