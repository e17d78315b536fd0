import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printClientSdl } from '../../src/schema/client-sdl';
import { printSubgraphSdl } from '../../src/schema/subgraph-sdl';
import { startTestApp, type TestApp } from '../support/test-app';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');
const CLIENT_SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.client.graphql');

let api: TestApp;
let committed: string;
beforeAll(async () => {
  api = await startTestApp();
  committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
});
afterAll(() => api.close());

describe('schema.graphql', () => {
  it('is up to date with the code (if this fails, run `npm run schema:print` and commit schema.graphql)', async () => {
    const current = await printSubgraphSdl();
    expect(current === committed, 'schema.graphql is stale: run `npm run schema:print` and commit it').toBe(true);
  });

  it('is exactly what `_service { sdl }` serves to a gateway (with the test above)', async () => {
    const response = await api.graphql(`query { _service { sdl } }`);
    expect(response.errors).toBeUndefined();
    expect(`${response.data!._service.sdl.trim()}\n`).toBe(await printSubgraphSdl());
  });

  it('declares a Federation 2 subgraph with Member keyed by id and Country by code', () => {
    expect(committed).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(committed).toMatch(/type Member\s+@key\(fields: "id"\)/);
    expect(committed).toMatch(/type Country\s+@key\(fields: "code"\)/);
  });
});

describe('schema.client.graphql', () => {
  it('is up to date with the code (if this fails, run `npm run schema:print` and commit schema.client.graphql)', async () => {
    const current = await printClientSdl();
    const file = fs.readFileSync(CLIENT_SCHEMA_FILE, 'utf8');
    expect(current === file, 'schema.client.graphql is stale: run `npm run schema:print` and commit it').toBe(true);
  });
});
