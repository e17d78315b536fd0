import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/http/explorer/example-queries';
import {
  launchOfflineChromium,
  skipWithoutChromium,
  TEST_OUTPUT,
  type OfflineBrowser,
} from '../support/headless-chromium';
import { ADMIN_SECRET, startListeningApp, type ListeningApp } from './listening-app';

const skip = skipWithoutChromium('explorer browser test');

let api: ListeningApp;
let browser: OfflineBrowser;
let page: Page;
let leftLocalhost: string[];
let pageProblems: string[];

beforeAll(async () => {
  if (skip) return;
  api = await startListeningApp();
  browser = await launchOfflineChromium();
  ({ page, leftLocalhost, pageProblems } = browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
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

    await mkdir(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'explorer.png'), fullPage: true });
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
