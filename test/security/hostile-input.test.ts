import type { GraphQLInputObjectType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentRecord } from '../../src/modules/consent/consent-record.entity';
import { DataSource } from '../../src/modules/emissions/data-source.entity';
import { EmissionRecord } from '../../src/modules/emissions/emission-record.entity';
import { Member } from '../../src/modules/members/member.entity';
import { TimberProcurement } from '../../src/modules/timber/timber-procurement.entity';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { columnLength } from '../../src/schema/input-lengths';
import { ORG, PROJECT } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { hostileCases, type HostileCase } from './hostile-cases';
import { INFINITY } from './hostile-values';
import { Role } from '../../src/auth/roles';
import { send, type HttpAnswer } from './support';

/** Logs that requests write to by design: the audit log (refused mutations too) and the log of restricted reads. */
const LOGS = new Set(['audit_log_entry', 'access_log']);

let api: TestApp;
let schema: GraphQLSchema;
let cases: HostileCase[];
beforeAll(async () => {
  api = await startTestApp();
  schema = await buildFederatedSchema();
  cases = hostileCases(schema);
});
afterAll(() => api.close());

async function rowCounts(): Promise<Record<string, number>> {
  const tables: { tablename: string }[] = await api.orm.em
    .getConnection()
    .execute(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) if (!LOGS.has(tablename)) counts[tablename] = await api.countRows(tablename);
  return counts;
}

function sendRaw(document: string, variables: Record<string, unknown>, key = TEST_ADMIN_SECRET): Promise<HttpAnswer> {
  const payload = JSON.stringify({ query: document, variables }).replaceAll(`"${INFINITY}"`, '1e400');
  return send(api, null, { key, payload });
}

/** What is wrong with the answer to one case, or null. */
function problem(hostileCase: HostileCase, answer: HttpAnswer): string | null {
  const errors: { extensions?: Record<string, unknown> }[] = answer.json?.errors ?? [];
  if (answer.status >= 500 || errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    return `answered ${answer.status} ${answer.body.slice(0, 200)}`;
  }
  if (!hostileCase.hostile.refused) return null;
  const extensions = errors[0]?.extensions;
  if (extensions?.code !== 'BAD_USER_INPUT' || extensions.field !== hostileCase.path) {
    return `expected BAD_USER_INPUT for ${hostileCase.path}, got ${answer.body.slice(0, 300)}`;
  }
  return null;
}

describe.each(['mutation', 'query'] as const)('hostile values in every %s argument', (operation) => {
  const ofOperation = () => cases.filter((hostileCase) => hostileCase.operation === operation);

  it('covers every field that takes arguments', () => {
    const root = operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
    const withArguments = Object.values(root.getFields()).filter((field) => field.args.length);
    expect(withArguments.length).toBeGreaterThan(operation === 'mutation' ? 10 : 15);
    expect(new Set(ofOperation().map((hostileCase) => hostileCase.field))).toEqual(
      new Set(withArguments.map((field) => field.name)),
    );
    if (operation === 'mutation') {
      const overColumn = ofOperation().filter((hostileCase) => hostileCase.hostile.label.endsWith('over its column'));
      expect(overColumn.map((hostileCase) => hostileCase.path)).toContain('input.website');
    }
  });

  it('refuses each as BAD_USER_INPUT naming its path, never a 500, and writes nothing', async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    for (const hostileCase of ofOperation()) {
      const found = problem(hostileCase, await sendRaw(hostileCase.document, hostileCase.variables));
      if (found) failures.push(`${hostileCase.name}: ${found}`);
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('string limits of input fields', () => {
  it.each([
    ['MemberInput', 'website', Member, 300],
    ['MemberUpdate', 'website', Member, 300],
    ['MemberInput', 'name', Member, 200],
    ['DataSourceInput', 'url', DataSource, 500],
    ['EmissionRecordInput', 'notationExplanation', EmissionRecord, 500],
    ['ConsentInput', 'consultationProtocolUrl', ConsentRecord, 500],
    ['TimberProcurementInput', 'species', TimberProcurement, 120],
  ])('%s.%s takes the length of its column', (typeName, fieldName, entity, length) => {
    const type = schema.getType(typeName) as GraphQLInputObjectType;
    expect(columnLength(entity, fieldName)).toBe(length);
    expect(type.getFields()[fieldName].extensions.maxLength).toBe(length);
  });

  it('gives fields stored nowhere the general limit only', () => {
    const filter = schema.getType('MemberFilter') as GraphQLInputObjectType;
    expect(filter.getFields().nameContains.extensions.maxLength).toBeUndefined();
  });
});

describe('hostile values the outside testers sent', () => {
  const { wien } = NAMED_MEMBERS;
  const CREATE_MEMBER = 'mutation($input: MemberInput!) { createMember(input: $input) { id } }';
  const member = { name: 'Hostile', category: 'CITY', countryCode: 'AT' };
  const MEMBERS = `query($filter: MemberFilter, $orderBy: MemberOrder, $after: String) {
    members(filter: $filter, orderBy: $orderBy, after: $after) { nodes { id } } }`;
  const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

  it.each<[string, string, Record<string, unknown>, string, string?]>([
    [
      'a NUL in a website',
      CREATE_MEMBER,
      { input: { ...member, website: 'https://a.example/\u0000' } },
      'input.website',
    ],
    ['a NUL in a name', CREATE_MEMBER, { input: { ...member, name: 'Wi\u0000en' } }, 'input.name'],
    [
      'a website of 301 characters',
      CREATE_MEMBER,
      { input: { ...member, website: `https://a.example/${'a'.repeat(283)}` } },
      'input.website',
    ],
    [
      'a website that normalises to over 300',
      CREATE_MEMBER,
      { input: { ...member, website: `https://a.example/${'ä'.repeat(100)}` } },
      'input.website',
    ],
    ['year 0 as joinedOn', CREATE_MEMBER, { input: { ...member, joinedOn: '0000-01-01' } }, 'input.joinedOn'],
    ['year 0 in joinedAfter', MEMBERS, { filter: { joinedAfter: '0000-01-01' } }, 'filter.joinedAfter'],
    ['a cursor with a bad id', MEMBERS, { after: cursor(['Wien', 'not-a-uuid']) }, 'after'],
    [
      'a name cursor for the join-date order',
      MEMBERS,
      { after: cursor(['Wien', wien.id]), orderBy: { field: 'JOINED_ON' } },
      'after',
    ],
    [
      'a text cursor for the population order',
      MEMBERS,
      { after: cursor(['Wien', wien.id]), orderBy: { field: 'POPULATION' } },
      'after',
    ],
    ['a cursor with a NUL', MEMBERS, { after: cursor(['Wi\u0000en', wien.id]) }, 'after'],
    [
      'a long consultationProtocolUrl',
      'mutation($input: ConsentInput!) { recordConsent(input: $input) { id } }',
      {
        input: {
          stewardOrganisationId: ORG.cart,
          subjectType: 'PROJECT',
          subjectId: PROJECT.networkSite.id,
          scope: 'LOCATION_DISCLOSURE',
          grantedToRoles: ['ANALYST'],
          locationPrecision: 'EXACT',
          consultationProtocolUrl: `https://example.org/${'p'.repeat(600)}`,
        },
      },
      'input.consultationProtocolUrl',
      'steward',
    ],
  ])(
    'refuses %s as BAD_USER_INPUT naming the field, writing nothing',
    async (_label, document, variables, field, as) => {
      const key =
        as === 'steward' ? await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.cart }) : undefined;
      const before = await rowCounts();
      const answer = await sendRaw(document, variables, key);
      expect(answer.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await rowCounts()).toEqual(before);
    },
  );

  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
  it.each<[string, unknown]>([
    ['an unknown __typename', { __typename: 'Nope', id: wien.id }],
    ['a plain string', 'Member'],
    ['no key field', { __typename: 'Member' }],
  ])('refuses a representation with %s as BAD_USER_INPUT naming it', async (_label, representation) => {
    const answer = await sendRaw(ENTITIES, { r: [{ __typename: 'Member', id: wien.id }, representation] });
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations[1]' });
  });

  it('still resolves a well-formed unknown id to null', async () => {
    const answer = await sendRaw(ENTITIES, {
      r: [{ __typename: 'Member', id: '00000000-0000-4000-8000-00000000ffff' }],
    });
    expect(answer.json).toMatchObject({ data: { _entities: [null] } });
  });

  it('refuses a literal string with a NUL and a literal Infinity where a number is expected', async () => {
    const nul = await sendRaw(`{ members(filter: { nameContains: "a\\u0000b" }) { totalCount } }`, {});
    expect(nul.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
    const infinity = await sendRaw('{ members(first: Infinity) { totalCount } }', {});
    expect(infinity.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('checks arguments inside fragments too, naming the argument path', async () => {
    const answer = await sendRaw(
      'query($f: MemberFilter) { ...Members } fragment Members on Query { members(filter: $f) { totalCount } }',
      { f: { nameContains: 'a\u0000b' } },
    );
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.nameContains',
    });
  });

  it('refuses null sent for a non-null argument through a variable with a default, naming the argument', async () => {
    const answer = await sendRaw('query($id: ID = "x") { member(id: $id) { id } }', { id: null });
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses a tampered cursor of a nested list as BAD_USER_INPUT naming after', async () => {
    const answer = await sendRaw(
      `query($id: ID!, $after: String) { indigenousOrganisation(id: $id) { projects(after: $after) { totalCount } } }`,
      { id: ORG.cart, after: cursor(['title', 'not-a-uuid']) },
    );
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
