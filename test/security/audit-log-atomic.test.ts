import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const { wien, mondercange } = NAMED_MEMBERS;
const logLines: Record<string, any>[] = [];

let api: TestApp;
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  api = await startTestApp({}, { logger });
});
afterAll(() => api.close());

/** Runs `sql` on this test file's own database copy, apart from the API under test. */
async function sql(statement: string): Promise<void> {
  await api.orm.em.getConnection().execute(statement);
}

async function entriesFor(requestId: unknown): Promise<Record<string, any>[]> {
  return api.orm.em
    .getConnection()
    .execute('select * from audit_log_entry where request_id = ? order by mutation, succeeded desc, arguments::text', [
      String(requestId),
    ]);
}

/** Everything the three mutations below could write, as one text that changes when any of it does. */
async function snapshot(): Promise<string> {
  const [row] = await api.orm.em.getConnection().execute<{ state: string }[]>(`
    select concat_ws(' ', (select count(*) from api_key), (select sum(version) from member),
      (select count(*) from member where name = 'Atomic'), (select count(*) from emission_inventory),
      (select count(*) from emission_record), (select count(*) from data_source)) as state`);
  return row.state;
}

async function memberVersion(): Promise<number> {
  const [{ version }] = await api.orm.em
    .getConnection()
    .execute<{ version: number }[]>('select version from member where id = ?', [wien.id]);
  return version;
}

/** One mutation of each way a service writes: persist-and-flush, a versioned flush, its own transaction. */
const MUTATIONS: [
  string,
  () => Promise<{ query: string; variables?: Record<string, unknown> }>,
  () => Promise<string>,
][] = [
  [
    'createApiKey',
    async () => ({ query: 'mutation { createApiKey(input: { name: "Atomic", role: PARTNER }) { key } }' }),
    async () => TEST_ADMIN_SECRET,
  ],
  [
    'updateMember',
    async () => ({
      query: `mutation ($version: Int!) { updateMember(id: "${wien.id}", version: $version, input: { name: "Atomic" }) { name } }`,
      variables: { version: await memberVersion() },
    }),
    async () => TEST_ADMIN_SECRET,
  ],
  [
    'submitEmissionInventory',
    async () => ({
      query: `mutation { submitEmissionInventory(input: {
        memberId: "${mondercange.id}", year: 2020, standard: GPC_BASIC, dataSource: { name: "Atomic source" },
        records: [{ sector: RESIDENTIAL, energyCarrier: NATURAL_GAS, scope: SCOPE_1, emissionsTco2e: 2 }]
      }) { id } }`,
    }),
    () => api.createKey(Role.MEMBER_EDITOR, { memberId: mondercange.id }),
  ],
];

describe('audit log: no entry, no write', () => {
  it.each(MUTATIONS)(
    '%s whose audit entry cannot be written writes nothing, and is recorded as failed',
    async (mutation, operation, keyFor) => {
      const key = await keyFor();
      const before = await snapshot();
      // this database copy refuses every entry of a success, as a full disk or a broken table would
      await sql('alter table audit_log_entry add constraint refuses_success check (not succeeded) not valid');
      let answer;
      try {
        answer = await send(api, await operation(), { key });
      } finally {
        await sql('alter table audit_log_entry drop constraint refuses_success');
      }
      expect(errorCode(answer)).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.json!.data).toBeNull();
      expect(await snapshot()).toBe(before);
      const entries = await entriesFor(answer.headers['x-request-id']);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ mutation, succeeded: false, error_code: 'INTERNAL_SERVER_ERROR' });
    },
  );

  it.each(MUTATIONS)('%s commits its writes and its entry together', async (mutation, operation, keyFor) => {
    const key = await keyFor();
    const before = await snapshot();
    const answer = await send(api, await operation(), { key });
    expect(answer.json!.errors).toBeUndefined();
    expect(await snapshot()).not.toBe(before);
    const entries = await entriesFor(answer.headers['x-request-id']);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ mutation, succeeded: true, error_code: null });
  });

  it('logs the entries at error level when not even the refusal can be written; nothing is written', async () => {
    const before = await snapshot();
    await sql(`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit log unavailable'; end $$`);
    await sql('create trigger refuse_audit before insert on audit_log_entry execute function refuse_audit()');
    let answer;
    try {
      answer = await send(api, await MUTATIONS[0][1](), { key: TEST_ADMIN_SECRET });
    } finally {
      await sql('drop trigger refuse_audit on audit_log_entry');
      await sql('drop function refuse_audit()');
    }
    expect(errorCode(answer)).toBe('INTERNAL_SERVER_ERROR');
    expect(await snapshot()).toBe(before);
    const requestId = answer.headers['x-request-id'];
    expect(await entriesFor(requestId)).toEqual([]);
    const logged = logLines.find(
      (line) => line.reqId === requestId && line.msg === 'could not write the audit log of refused mutations',
    );
    expect(logged).toBeDefined();
    expect(logged!.level).toBe(50);
    expect(logged!.err.message).toMatch(/audit log unavailable/);
    expect(logged!.audit).toMatchObject([
      {
        mutation: 'createApiKey',
        succeeded: false,
        errorCode: 'INTERNAL_SERVER_ERROR',
        argumentValues: { input: { name: 'Atomic' } },
      },
    ]);
  });
});

describe('a mutation on a pool of one connection', () => {
  let single: TestApp;
  beforeAll(async () => {
    single = await startTestApp({}, { orm: { poolMax: 1 } });
  });
  afterAll(() => single?.close());

  it('runs every statement of the mutation, plain SQL reads too, on its transaction’s connection', async () => {
    const answer = await send(
      single,
      {
        query: `mutation ($input: BiodiversityProjectInput!) { createBiodiversityProject(input: $input) { id supportingMembers { id } } }`,
        variables: {
          input: {
            title: 'One connection',
            implementingOrganisationId: ORG.cart,
            countryCode: 'PE',
            themes: ['RESTORATION'],
            status: 'PLANNED',
            supportingMemberIds: [wien.id],
          },
        },
      },
      { key: TEST_ADMIN_SECRET },
    );
    // a read waiting for a second connection would wait out the pool's acquire timeout (5 s) and fail the mutation
    expect(answer.json!.errors).toBeUndefined();
    expect(answer.json!.data.createBiodiversityProject.supportingMembers).toEqual([{ id: wien.id }]);
    expect(await single.countRows('biodiversity_project', 'title = ?', ['One connection'])).toBe(1);
  });
});
