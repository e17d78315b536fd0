import { Script } from 'node:vm';
import { readFileSync } from 'node:fs';
import { parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/http/explorer/example-queries';
import { EXPLORER_CSP } from '../../src/http/explorer/explorer-page';
import { startTestApp, type TestApp } from '../support/test-app';

let development: TestApp;
let production: TestApp;
beforeAll(async () => {
  development = await startTestApp();
  production = await startTestApp({ production: true });
});
afterAll(async () => {
  await development?.close();
  await production?.close();
});

const page = (api: TestApp) => api.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });

describe('the development explorer', () => {
  it('is the page of GET /graphql, with a CSP allowing this origin only and no address elsewhere', async () => {
    const answer = await page(development);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toContain('<div id="explorer">');
    expect(answer.headers['content-security-policy']).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).toContain("script-src 'self'");
    expect(answer.body).not.toMatch(/https?:\/\//);
    expect(answer.body).not.toMatch(/<script>|<style>/);
  });

  it('serves every script and stylesheet the page names, from the server itself', async () => {
    const html = (await page(development)).body;
    const files = [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((match) => match[1]!);
    expect(files).toHaveLength(6);
    for (const url of files) {
      const asset = await development.app.inject({ method: 'GET', url });
      expect(asset.statusCode, url).toBe(200);
      expect(asset.headers['content-type'], url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.body.length, url).toBeGreaterThan(20);
    }
    const setup = await development.app.inject({ method: 'GET', url: '/explorer/explorer.js' });
    expect(() => new Script(setup.body)).not.toThrow();
    expect((await development.app.inject({ method: 'GET', url: '/explorer/nothing.js' })).statusCode).toBe(404);
  });
});

describe('in production', () => {
  it('serves neither the explorer page nor its files', async () => {
    const answer = await page(production);
    expect(answer.headers['content-type']).not.toMatch(/text\/html/);
    expect(answer.body).not.toContain('explorer');
    const asset = await production.app.inject({ method: 'GET', url: '/explorer/graphiql.min.js' });
    expect(asset.statusCode).toBe(404);
  });
});

/** A query as the server reads it, without its operation name (the explorer names its tabs). */
function anonymous(query: string): string {
  return print(visit(parse(query), { OperationDefinition: (node) => ({ ...node, name: undefined }) }));
}

describe('the preloaded tabs', () => {
  it("are the README's example queries, in its order", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Example queries'), readme.indexOf('## API keys and roles'));
    const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const curls = [...section.matchAll(/-d '(\{"query":.*?\})'/g)].map(
      (match) => JSON.parse(match[1]!).query as string,
    );
    const readmeQueries = [...blocks, ...curls];
    expect(readmeQueries).toHaveLength(3);
    expect(EXAMPLE_QUERIES.map(anonymous)).toEqual(readmeQueries.map(anonymous));
  });
});
