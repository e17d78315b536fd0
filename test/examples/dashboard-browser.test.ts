import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRET, startListeningApp, type ListeningApp } from '../http/listening-app';
import {
  launchOfflineChromium,
  skipWithoutChromium,
  TEST_OUTPUT,
  type OfflineBrowser,
} from '../support/headless-chromium';

const skip = skipWithoutChromium('dashboard browser test');
const CONFIG = path.resolve('examples/dashboard/vite.config.mts');
const COUNTRY = 'DE';

/** The figures the page must show, asked of the API directly (not the page's query). */
const FIGURES = `query ($country: String!) {
  members(filter: { countryCodes: [$country], statuses: [ACTIVE] }, first: 20) {
    totalCount
    nodes {
      id
      inventories { year }
      progress { status baselineYear baselineEmissionsTco2e latestYear latestEmissionsTco2e charterPathTco2e }
      timberCommitment { policyLevel }
    }
  }
}`;

interface ExpectedMember {
  id: string;
  inventories: { year: number }[];
  progress: {
    status: string;
    baselineYear: number | null;
    baselineEmissionsTco2e: number | null;
    latestYear: number | null;
    latestEmissionsTco2e: number | null;
    charterPathTco2e: number | null;
  };
  timberCommitment: { policyLevel: string } | null;
}

/** What one member's card shows, read from the rendered page. */
interface ShownMember {
  status: string;
  points: { year: number; tco2e: number }[];
  pathAtLatest: { year: number; tco2e: number } | null;
  pathFrom: { year: number; tco2e: number } | null;
  timber: string;
}

let site: PreviewServer;
let api: ListeningApp;
let browser: OfflineBrowser;
let partnerKey: string;

beforeAll(async () => {
  if (skip) return;
  await build({ configFile: CONFIG, logLevel: 'warn' });
  site = await preview({ configFile: CONFIG, logLevel: 'warn', preview: { port: 0, strictPort: false } });
  const siteUrl = site.resolvedUrls!.local[0];
  api = await startListeningApp({ CORS_ORIGINS: new URL(siteUrl).origin });
  const created = await api.graphql(
    'mutation { createApiKey(input: { name: "Dashboard test", role: PARTNER }) { key } }',
    { key: ADMIN_SECRET },
  );
  expect(created.json?.errors).toBeUndefined();
  partnerKey = created.json!.data.createApiKey.key;
  browser = await launchOfflineChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

async function expectedFigures(): Promise<{ totalCount: number; nodes: ExpectedMember[] }> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${partnerKey}` },
    body: JSON.stringify({ query: FIGURES, variables: { country: COUNTRY } }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data.members;
}

describe.skipIf(skip)('the dashboard example in headless Chromium', () => {
  it('shows each member of the country with the trajectory, path and status the API gives, from one request', async () => {
    const { page, leftLocalhost, pageProblems } = browser;
    const graphqlRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(api.baseUrl) && request.method() === 'POST') graphqlRequests.push(request.url());
    });
    await page.goto(
      `${site.resolvedUrls!.local[0]}#api=${encodeURIComponent(`${api.baseUrl}/graphql`)}&country=${COUNTRY}`,
    );
    await page.locator('input[name=key]').fill(partnerKey);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => document.body.dataset.state && document.body.dataset.state !== 'loading');
    expect(await page.locator('#summary').innerText()).not.toMatch(/error|refused|unknown/i);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    expect(graphqlRequests).toHaveLength(1);

    const expected = await expectedFigures();
    const shown: Record<string, ShownMember> = await page.evaluate(() => {
      const figure = (node: Element | null) =>
        node ? { year: Number(node.getAttribute('data-year')), tco2e: Number(node.getAttribute('data-tco2e')) } : null;
      return Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('article.member')].map((card) => {
          const path = card.querySelector('.charter-path');
          return [
            card.dataset.memberId!,
            {
              status: card.querySelector<HTMLElement>('.status')!.dataset.status!,
              points: [...card.querySelectorAll('circle.inventory')].map((dot) => figure(dot)!),
              pathAtLatest: figure(card.querySelector('circle.path-at-latest')),
              pathFrom: path
                ? {
                    year: Number(path.getAttribute('data-baseline-year')),
                    tco2e: Number(path.getAttribute('data-baseline-tco2e')),
                  }
                : null,
              timber: card.querySelector('.timber')!.textContent!,
            },
          ];
        }),
      );
    });

    expect(Object.keys(shown).sort()).toEqual(expected.nodes.map((member) => member.id).sort());
    const withProgress = expected.nodes.filter((member) => member.progress.status !== 'NO_DATA');
    expect(withProgress.length).toBeGreaterThan(0);
    for (const member of expected.nodes) {
      const card = shown[member.id];
      const { progress } = member;
      expect(card.status).toBe(progress.status);
      // one point per inventory year, oldest first
      expect(card.points.map((point) => point.year)).toEqual([...new Set(member.inventories.map((i) => i.year))]);
      expect(card.timber).toContain(member.timberCommitment ? 'Timber:' : 'No timber commitment');
      if (progress.status === 'NO_DATA') continue;
      // the chart's baseline and latest points are the API's own E(B) and E(latest), the marker its Charter path
      expect(card.points.find((point) => point.year === progress.baselineYear)?.tco2e).toBe(
        progress.baselineEmissionsTco2e,
      );
      expect(card.points.find((point) => point.year === progress.latestYear)?.tco2e).toBe(
        progress.latestEmissionsTco2e,
      );
      expect(card.pathFrom).toEqual({ year: progress.baselineYear, tco2e: progress.baselineEmissionsTco2e });
      expect(card.pathAtLatest).toEqual({ year: progress.latestYear, tco2e: progress.charterPathTco2e });
    }
    expect(await page.locator('#summary').innerText()).toContain(`of ${expected.totalCount} active members`);

    await mkdir(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'dashboard.png'), fullPage: true });
    expect(leftLocalhost).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
