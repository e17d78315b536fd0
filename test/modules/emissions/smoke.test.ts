import { afterAll, beforeAll, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());
it('smoke', async () => {
  const r = await api.graphql(
    `query($id: ID!) { member(id: $id) { name progress { status baselineYear baselineEmissionsTco2e latestYear latestEmissionsTco2e reductionPercent charterPathTco2e requiredAnnualReductionPercent perCapitaTco2e } targets { origin targetYear } latestInventory { year standard totalEmissionsTco2e totalFinalEnergyMwh records { sector energyCarrier emissionsTco2e notationKey } dataSource { name } member { name } } inventories { year standard } } }`,
    { id: NAMED_MEMBERS.wien.id },
  );
  console.log(JSON.stringify(r, null, 1));
  const t = await api.graphql(
    `{ emissionTotals(groupBy: [YEAR]) { year emissionsTco2e memberCount } allianceProgress { memberCount onTrackCount slightlyOffCount offTrackCount noDataCount years { year emissionsTco2e reportingMembers } } members(first: 5, orderBy: {field: REDUCTION_PERCENT, direction: DESC}, filter: {progressStatuses: [ON_TRACK]}) { totalCount nodes { name progress { status reductionPercent } } } emissionInventories(first: 3) { totalCount nodes { year member { name } } } }`,
  );
  console.log(JSON.stringify(t, null, 1));
  expect(r.errors).toBeUndefined();
});
