import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';
import { errorCode, introspectionOfDepth, send } from './support';

const WIEN = NAMED_MEMBERS.wien.id;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function rejected(query: string, message: RegExp) {
  api.resetStatementCount();
  const answer = await send(api, { query });
  expect(answer.status).toBe(400);
  expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(answer.json!.errors.map((error: { message: string }) => error.message).join('\n')).toMatch(message);
  expect(answer.json!.data).toBeUndefined();
  expect(api.statementCount()).toBe(0);
  return answer;
}

async function accepted(query: string) {
  const answer = await send(api, { query });
  expect(answer.json!.errors).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer;
}

describe('depth', () => {
  it('accepts depth 10 and rejects depth 11', async () => {
    const ten = await accepted(introspectionOfDepth(10));
    expect(ten.json!.data.__type.fields.length).toBeGreaterThan(5);
    await rejected(introspectionOfDepth(11), /depth limit of 10 exceeded, found 11/);
  });

  it('accepts a real query 10 deep (COICA, its members, theirs, and up again) and rejects 11', async () => {
    const upwards = (levels: number) =>
      `{ indigenousOrganisation(id: "${ORG.coica}") { members { members { ${'parent { '.repeat(levels)}acronym${' }'.repeat(levels)} } } } }`;
    const ten = await accepted(upwards(6));
    const grandchildren = ten.json!.data.indigenousOrganisation.members.flatMap((member: any) => member.members);
    expect(grandchildren.length).toBeGreaterThan(0);
    await rejected(upwards(7), /depth limit of 10 exceeded, found 11/);
  });

  it('does not count fragments as levels, so the gateway’s `... on Member` costs no depth', async () => {
    const inline = introspectionOfDepth(10).replace('fields {', 'fields { ... on __Field {').replace(/}$/, '} }');
    await accepted(inline);
  });

  it('counts a fragment named __schema (the fragment bypass of older graphql-armor)', async () => {
    const ofTypes = 'ofType { '.repeat(7);
    await rejected(
      `query { __type(name: "Member") { ...__schema } }
       fragment __schema on __Type { fields { type { ${ofTypes}name${' }'.repeat(7)} } } }`,
      /depth limit of 10 exceeded, found 11/,
    );
  });

  it('counts an operation named __schema and a field aliased __schema', async () => {
    await rejected(`query __schema ${introspectionOfDepth(11)}`, /depth limit of 10 exceeded/);
    await rejected(introspectionOfDepth(11).replace('__type', '__schema: __type'), /depth limit of 10 exceeded/);
  });

  it('counts each use of a cached fragment at its own depth (the fragment-cache bypass)', async () => {
    const deep = `fields { type { ${'ofType { '.repeat(6)}name${' }'.repeat(6)} } }`;
    await rejected(
      `query { a: __type(name: "Member") { ...F } b: __type(name: "Member") { fields { type { ...G } } } }
       fragment G on __Type { ofType { ...F } }
       fragment F on __Type { ${deep} }`,
      /depth limit of 10 exceeded/,
    );
  });
});

describe('fragments, aliases, directives, fields and tokens', () => {
  it('rejects circular fragments without running or hanging', async () => {
    await rejected(
      `query { ...A } fragment A on Query { viewer { role } ...B } fragment B on Query { ...A }`,
      /Cannot spread fragment "A" within itself via "B"/,
    );
  });

  it('accepts 15 aliases and rejects 16', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `m${i}: member(id: "${WIEN}") { name }`).join(' ')} }`;
    const fifteen = await accepted(aliases(15));
    expect(fifteen.json!.data.m14).toEqual({ name: 'Wien' });
    await rejected(aliases(16), /Aliases limit of 15 exceeded, found 16/);
  });

  it('counts aliases of __typename, which run no resolver but still cost work', async () => {
    await rejected(
      `{ ${Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      /Aliases limit of 15 exceeded/,
    );
  });

  it('counts aliases inside fragments at every use', async () => {
    const fragment = `fragment F on Query { ${Array.from({ length: 8 }, (_, i) => `m${i}: member(id: "${WIEN}") { name }`).join(' ')} }`;
    await rejected(`query { ...F ... on Query { ...F } } ${fragment}`, /Aliases limit of 15 exceeded, found 16/);
  });

  it('rejects 1,000 duplicated fields', async () => {
    await rejected(`{ viewer { ${'role '.repeat(1000)}} }`, /./);
  });

  it('rejects more field selections than the limit, duplicates and fragment uses included', async () => {
    await rejected(`{ viewer { ${'role '.repeat(600)}} }`, /selects more than 500 fields/);
    const doubling = Array.from(
      { length: 10 },
      (_, i) => `fragment F${i} on Viewer { ${i === 9 ? 'role' : `...F${i + 1} ...F${i + 1}`} }`,
    ).join(' ');
    await rejected(`{ viewer { ...F0 } } ${doubling}`, /selects more than 500 fields/);
  });

  it('accepts 50 directives and rejects 51', async () => {
    const directives = (n: number) => `{ viewer { ${'role @include(if: true) '.repeat(n)}} }`;
    await accepted(directives(50));
    await rejected(directives(51), /Directives limit of 50 exceeded, found 51/);
  });

  it('stops parsing an oversized token stream', async () => {
    const started = Date.now();
    const answer = await rejected(
      `{ members(filter: { nameContains: "x" }) { totalCount } ${'__typename '.repeat(50_000)}}`,
      /more than 2000 tokens/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer.json!.errors).toHaveLength(1);
  });
});
