import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswers, type ScenarioRequest } from '../../bench/requests';
import type { Scenario } from '../../bench/scenarios';

// The benchmark must refuse to time servers that do not do the same work: a stand-in server answers whatever JSON
// the request names, so the check sees agreeing, differing and failing answers.
const ANSWERS: Record<string, unknown> = {
  '/two': { data: { members: { nodes: [{ id: 1 }, { id: 2 }] } } },
  '/one': { data: { members: { nodes: [{ id: 1 }] } } },
  '/none': { data: { members: { nodes: [] } } },
  '/errors': { data: null, errors: [{ message: 'boom' }] },
};

const scenario: Scenario = {
  name: 'stand-in',
  title: 'stand-in',
  ours: { query: '{ members { nodes { id } } }', items: ['members.nodes'] },
  floor: { statement: 'stand-in' },
};

describe('checkAnswers', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(ANSWERS[request.url ?? '']));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const at = (path: string): ScenarioRequest => ({ url: base + path, headers: {}, body: '{}' });

  it('passes answers with the same items and returns their counts', async () => {
    const requests = new Map([
      ['ours', at('/two')],
      ['floor', at('/two')],
    ] as const);
    await expect(checkAnswers(scenario, new Map(requests))).resolves.toEqual([2]);
  });

  it('refuses answers that differ in their number of items', async () => {
    const requests = new Map([
      ['ours', at('/two')],
      ['floor', at('/one')],
    ] as const);
    await expect(checkAnswers(scenario, new Map(requests))).rejects.toThrow('the answers differ');
  });

  it('refuses an answer with errors, and answers without items', async () => {
    await expect(checkAnswers(scenario, new Map([['ours', at('/errors')]]))).rejects.toThrow('boom');
    await expect(checkAnswers(scenario, new Map([['ours', at('/none')]]))).rejects.toThrow('has no items');
  });
});
