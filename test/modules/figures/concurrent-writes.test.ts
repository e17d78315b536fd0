import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshMemberFigures } from '../../../src/modules/targets/member-figures.service';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const SUBMIT = `mutation Submit($input: EmissionInventoryInput!) { submitEmissionInventory(input: $input) { id } }`;
const ROUNDS = 8;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

function submit(year: number, tco2e: number) {
  const input = {
    memberId: NAMED_MEMBERS.mondercange.id,
    year,
    standard: 'COM_MEI',
    records: [{ sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'SCOPE_1', emissionsTco2e: tco2e }],
  };
  return api.graphql(SUBMIT, { input }, { key: TEST_ADMIN_SECRET });
}

describe('concurrent writes for one member', () => {
  it('all succeed and leave the figures a rebuild gives', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all([submit(1995 + round, 100 + round), submit(2005 + round, 200 + round)]);
      for (const answer of answers) expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    }
    const member = [NAMED_MEMBERS.mondercange.id];
    const figures = (em: EntityManager) =>
      em.execute('select * from inventory_line_total where member_id = ? order by inventory_id, sector', member);
    const maintained = await figures(api.orm.em.fork());
    const rebuilt = api.orm.em.fork();
    await rebuilt.begin();
    await refreshMemberFigures(rebuilt, member);
    expect(maintained).toEqual(await figures(rebuilt));
    await rebuilt.rollback();
    const [{ stale }] = await api.orm.em.fork().execute<{ stale: string }[]>(
      `select count(*) as stale from emission_inventory i where i.member_id = ? and not exists
         (select 1 from inventory_line_total f where f.inventory_id = i.id)`,
      [NAMED_MEMBERS.mondercange.id],
    );
    expect(Number(stale)).toBe(0);
  });
});
