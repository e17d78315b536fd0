import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
/** Where browser tests leave their screenshots (not committed). */
export const TEST_OUTPUT = path.resolve('test-results');

/**
 * Whether a browser test skips: only outside CI when there is no Chromium (in CI a missing browser is a failure, and
 * the launch says why); says how to get one.
 */
export function skipWithoutChromium(what: string): boolean {
  const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
  if (skip) console.warn(`${what} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return skip;
}

export interface OfflineBrowser {
  page: Page;
  /** Every request the page tried to send off this machine (all refused). */
  leftLocalhost: string[];
  /** Console errors and uncaught exceptions of the page. */
  pageProblems: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium on a fresh profile in which every request to anything but 127.0.0.1 or localhost is refused and
 * recorded: the pages under test must work offline.
 */
export async function launchOfflineChromium(): Promise<OfflineBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'test-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
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
  const leftLocalhost: string[] = [];
  const pageProblems: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    leftLocalhost.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(message.text());
  });
  page.on('pageerror', (error) => pageProblems.push(error.message));
  return {
    page,
    leftLocalhost,
    pageProblems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
