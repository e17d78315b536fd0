import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const UPDATE_MEMBER = `
  mutation Update($id: ID!, $version: Int!, $input: MemberUpdate!) {
    updateMember(id: $id, version: $version, input: $input) {
      id name status joinedOn leftOn website latitude version updatedAt
      country { code } coordinationOffice { name }
      population populationHistory { year population }
    }
  }`;
const MEMBER = `
  query Member($id: ID!) {
    member(id: $id) { name status joinedOn leftOn website version country { code } populationHistory { year population } }
  }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

function update(id: string, version: number, input: Record<string, unknown>) {
  return api.graphql(UPDATE_MEMBER, { id, version, input }, { key: TEST_ADMIN_SECRET });
}

async function read(id: string) {
  return (await api.graphql(MEMBER, { id })).data!.member;
}

describe('updateMember', () => {
  it('changes the given fields only, raises the version and returns it', async () => {
    const { muenchen } = NAMED_MEMBERS;
    const response = await update(muenchen.id, 1, {
      name: 'Landeshauptstadt München',
      website: 'https://stadt.muenchen.de',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateMember).toMatchObject({
      id: muenchen.id,
      name: 'Landeshauptstadt München',
      website: 'https://stadt.muenchen.de/',
      status: 'ACTIVE',
      joinedOn: '1991-05-01',
      version: 2,
      country: { code: 'DE' },
      coordinationOffice: { name: 'Climate Alliance European Secretariat' },
    });
    expect(await read(muenchen.id)).toMatchObject({ name: 'Landeshauptstadt München', version: 2 });
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ version: number }[]>('select version from member where id = ?', [muenchen.id]);
    expect(row.version).toBe(2);
  });

  it('adds and replaces population records by year', async () => {
    const { wien } = NAMED_MEMBERS;
    const response = await update(wien.id, 1, {
      populations: [
        { year: 2023, population: 2_005_000 },
        { year: 2010, population: 1_700_000 },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateMember).toMatchObject({
      population: 2_005_000,
      populationHistory: [
        { year: 1990, population: 1_490_000 },
        { year: 2010, population: 1_700_000 },
        { year: 2023, population: 2_005_000 },
      ],
    });
  });

  it('raises the version when only population records change, so a stale writer is refused', async () => {
    const { mondercange } = NAMED_MEMBERS;
    const response = await update(mondercange.id, 1, { populations: [{ year: 2024, population: 7_100 }] });
    expect(response.data!.updateMember.version).toBe(2);
    const stale = await update(mondercange.id, 1, { populations: [{ year: 2024, population: 1 }] });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('lets a member that left rejoin: clearing leftOn while moving joinedOn past it', async () => {
    const { altdorf } = NAMED_MEMBERS;
    const response = await update(altdorf.id, 1, { status: 'ACTIVE', joinedOn: '2015-01-01', leftOn: null });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateMember).toMatchObject({ status: 'ACTIVE', joinedOn: '2015-01-01', leftOn: null });
  });

  it('checks leftOn against the stored joinedOn when only leftOn is given', async () => {
    const response = await update(NAMED_MEMBERS.contern.id, 1, { leftOn: '2000-01-01' });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leftOn' });
  });

  it('checks a new joinedOn against the stored leftOn, naming joinedOn', async () => {
    const id = generatedMemberId(2);
    const left = await update(id, 1, { status: 'LEFT', leftOn: '2010-01-01' });
    expect(left.data!.updateMember).toMatchObject({ joinedOn: '2000-01-02', leftOn: '2010-01-01', version: 2 });
    const response = await update(id, 2, { joinedOn: '2012-01-01' });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.joinedOn' });
  });

  it('moves a member to another country', async () => {
    const { klimaverein } = NAMED_MEMBERS;
    const response = await update(klimaverein.id, 1, { countryCode: 'ch', coordinationOfficeId: null });
    expect(response.data!.updateMember).toMatchObject({ country: { code: 'CH' }, coordinationOffice: null });
  });
});

describe('updateMember: conflicts and bad input', () => {
  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { frankfurt } = NAMED_MEMBERS;
    const first = await update(frankfurt.id, 1, { name: 'Frankfurt (Main)' });
    expect(first.data!.updateMember.version).toBe(2);
    const before = await read(frankfurt.id);
    const stale = await update(frankfurt.id, 1, {
      name: 'Stale Frankfurt',
      populations: [{ year: 2023, population: 1 }],
    });
    expect(stale.data).toBeNull();
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/version 1 is stale/);
    expect(await read(frankfurt.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const id = generatedMemberId(1);
    const results = await Promise.all([update(id, 1, { name: 'Erste' }), update(id, 1, { name: 'Zweite' })]);
    const winners = results.filter((result) => !result.errors);
    const losers = results.filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((result) => result.errors![0].extensions!.code)).toEqual(['CONFLICT']);
    expect((await read(id)).name).toBe(winners[0].data!.updateMember.name);
  });

  it('answers NOT_FOUND for an unknown member and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await update('00000000-0000-4000-8000-00000000ffff', 1, { name: 'x' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await update('wien', 1, { name: 'x' });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ countryCode: 'ZZ' }, 'input.countryCode'],
    [{ populations: [{ year: 2023, population: -10 }] }, 'input.populations[0].population'],
    [{ latitude: -95 }, 'input.latitude'],
    [{ website: 'javascript:alert(1)' }, 'input.website'],
    [{ coordinationOfficeId: '00000000-0000-4000-8000-00000000ffff' }, 'input.coordinationOfficeId'],
  ])('rejects %j naming %s, and leaves the member as it was', async (input, field) => {
    const { contern } = NAMED_MEMBERS;
    const before = await read(contern.id);
    const response = await update(contern.id, before.version, { name: 'Gemeng Contern', ...input });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await read(contern.id)).toEqual(before);
  });
});
