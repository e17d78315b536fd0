import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/http/explorer/example-queries';
import { ADMIN_SECRET, startListeningApp, type ListeningApp } from './listening-app';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.resolve('test-results');
const installed = existsSync(CHROMIUM);
// in CI a missing browser is a failure (the launch below says why); elsewhere the test says how to get one
const skip = !installed && process.env.CI !== 'true';
if (skip) console.warn(`explorer browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let api: ListeningApp;
let profile: string;
let browser: BrowserContext;
let page: Page;
const leftLocalhost: string[] = [];
const pageProblems: string[] = [];

beforeAll(async () => {
  if (skip) return;
  api = await startListeningApp();
  profile = await mkdtemp(path.join(tmpdir(), 'explorer-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // the page must work offline: every request that leaves this machine is refused and recorded
  await browser.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    leftLocalhost.push(route.request().url());
    return route.abort();
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(message.text());
  });
  page.on('pageerror', (error) => pageProblems.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await api?.close();
});

/** The text of the result pane once it shows `expected`. */
async function resultShowing(expected: string): Promise<string> {
  const result = page.locator('.result-window');
  await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain(expected);
  return result.innerText();
}

describe.skipIf(skip)('the explorer in headless Chromium, offline', () => {
  it('loads from the server alone with the README examples as tabs, and runs the first one', async () => {
    await page.goto(`${api.baseUrl}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(EXAMPLE_QUERIES.length);
    expect(await page.locator('.graphiql-tabs').innerText()).toContain('MembersInLuxembourg');

    const direct = await api.graphql(EXAMPLE_QUERIES[0]!);
    expect(direct.status).toBe(200);
    const { totalCount, nodes } = direct.json!.data.members;
    expect(totalCount).toBeGreaterThan(0);

    await page.locator('.graphiql-execute-button').click();
    const shown = await resultShowing('"totalCount"');
    expect(shown).toContain(`"totalCount": ${totalCount}`);
    expect(shown).toContain(`"name": "${nodes[0].name}"`);

    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'explorer.png'), fullPage: true });
    expect(leftLocalhost).toEqual([]);
    expect(pageProblems).toEqual([]);
  });

  it('asks anonymously until a key follows "Bearer" in the headers, then with that key', async () => {
    await page.locator('.graphiql-tab', { hasText: 'WhoAmI' }).click();
    await page.locator('.graphiql-execute-button').click();
    await resultShowing('"role": "ANONYMOUS"');

    await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`{ "Authorization": "Bearer ${ADMIN_SECRET}" }`);
    await page.locator('.graphiql-execute-button').click();
    await resultShowing('"role": "ADMIN"');
    expect(leftLocalhost).toEqual([]);
  });
});
