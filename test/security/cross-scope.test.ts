import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { PROJECT } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const { wien, frankfurt } = NAMED_MEMBERS;
const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on BiodiversityProject { id title budgetEur location { latitude longitude precision } } }
}`;

let api: TestApp;
let wienEditor: string;
beforeAll(async () => {
  api = await startTestApp();
  wienEditor = await api.createKey(Role.MEMBER_EDITOR, { memberId: wien.id });
});
afterAll(() => api.close());

async function rows(sql: string, bindings: unknown[]): Promise<Record<string, unknown>[]> {
  return api.orm.em.getConnection().execute(sql, bindings);
}

describe("a member's key writing another member's data", () => {
  it.each([
    [
      'updateMember',
      `mutation ($id: ID!) { updateMember(id: $id, version: 1, input: { name: "Hijacked" }) { name } }`,
      'select name, version from member where id = ?',
    ],
    [
      'submitEmissionInventory',
      `mutation ($id: ID!) { submitEmissionInventory(input: {
        memberId: $id, year: 2022, standard: BISKO,
        records: [{ sector: RESIDENTIAL, energyCarrier: ELECTRICITY, scope: SCOPE_2, finalEnergyMwh: 10, emissionsTco2e: 4 }]
      }) { id } }`,
      'select id, year, standard from emission_inventory where member_id = ? order by id',
    ],
    [
      'setTimberCommitment',
      `mutation ($id: ID!) { setTimberCommitment(input: { memberId: $id, version: 1, policyLevel: NONE }) { id } }`,
      'select policy_level, version from timber_commitment where member_id = ?',
    ],
  ])('is refused for %s, and nothing changes', async (_mutation, query, snapshot) => {
    const before = await rows(snapshot, [frankfurt.id]);
    const answer = await send(api, { query, variables: { id: frankfurt.id } }, { key: wienEditor });
    expect(errorCode(answer)).toBe('FORBIDDEN');
    expect(answer.json!.data).toBeNull();
    expect(await rows(snapshot, [frankfurt.id])).toEqual(before);
  });

  it("lets the same key write its own member's inventory (the refusals above are about scope)", async () => {
    const answer = await send(
      api,
      {
        query: `mutation { submitEmissionInventory(input: {
          memberId: "${wien.id}", year: 2022, standard: BISKO,
          records: [{ sector: RESIDENTIAL, energyCarrier: ELECTRICITY, scope: SCOPE_2, finalEnergyMwh: 10, emissionsTco2e: 4 }]
        }) { year } }`,
      },
      { key: wienEditor },
    );
    expect(answer.json!.errors).toBeUndefined();
    expect(answer.json!.data.submitEmissionInventory).toEqual({ year: 2022 });
  });
});

describe('_entities used to read what the caller may not see', () => {
  it('serves no restricted project, and no exact location, whatever the representations ask', async () => {
    const [restricted] = await rows('select title from biodiversity_project where id = ?', [PROJECT.restrictedSite.id]);
    const representations = [PROJECT.restrictedSite.id, PROJECT.networkSite.id, PROJECT.publicOpen.id].map((id) => ({
      __typename: 'BiodiversityProject',
      id,
      // a gateway passes representations through: extra fields must not change what is served
      title: 'forged',
      visibility: 'PUBLIC',
    }));
    for (const key of [undefined, await api.createKey(Role.PARTNER)]) {
      const answer = await send(api, { query: ENTITIES, variables: { r: representations } }, { key });
      expect(answer.json!.errors).toBeUndefined();
      const [restrictedEntity, network, open] = answer.json!.data._entities;
      expect(restrictedEntity).toBeNull();
      // the open project's site is withheld from analysts, so from anonymous callers (who see less) too
      if (key) expect(open.location.precision).toBe('GRID_10KM');
      else expect(open.location).toBeNull();
      if (key) expect(network.location.precision).toBe('COUNTRY');
      else expect(network).toBeNull();
      for (const secret of [restricted.title, PROJECT.restrictedSite.latitude, PROJECT.networkSite.latitude]) {
        expect(answer.body).not.toContain(String(secret));
      }
      expect(answer.body).not.toContain(String(PROJECT.publicOpen.latitude));
    }
  });
});
