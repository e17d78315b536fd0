import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListeningApp, type ListeningApp, type TimedAnswer } from './listening-app';

/** Lines per member added to the maintained figures: every year × sector × energy carrier, so each scan is heavy. */
const EXTRA_FIGURES = `
  insert into inventory_line_total (inventory_id, sector, energy_carrier, scope, member_id, year, standard, is_public,
    preferred, preferred_public, emissions_tco2e, final_energy_mwh)
  select gen_random_uuid(), s, c, 'SCOPE_1', m.id, y, 'BISKO', true, true, true, 1.5, 2.5
  from (select id from member order by id limit 150) m, generate_series(1990, 2024) y,
    unnest(enum_range(null::emission_sector)) s, unnest(enum_range(null::energy_carrier)) c`;

/** The most aliases the limits allow, each a cheap-to-price aggregate over every maintained line. */
const HEAVY = `{ ${Array.from({ length: 15 }, (_, i) => `t${i}: emissionTotals(groupBy: [SECTOR, ENERGY_CARRIER]) { sector energyCarrier emissionsTco2e }`).join(' ')} }`;
const LIGHT = '{ countries { code } }';

let api: ListeningApp;
let side: Client;
beforeAll(async () => {
  api = await startListeningApp({ RATE_LIMIT_ANONYMOUS_POINTS: '1000000000', RATE_LIMIT_POINTS: '1000000000' });
  side = new Client({ connectionString: api.databaseUrl });
  await side.connect();
  await side.query(EXTRA_FIGURES);
  await side.query('analyze inventory_line_total');
}, 120_000);
afterAll(async () => {
  await side?.end();
  await api?.close();
});

/** Resolves once the app's connections run at least one statement over the maintained lines. */
async function untilFiguresRun(): Promise<void> {
  for (;;) {
    const { rows } = await side.query(
      `select count(*)::int as running from pg_stat_activity
       where state = 'active' and query like '%inventory_line_total%' and pid <> pg_backend_pid()`,
    );
    if (rows[0].running > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a heavy figure request', () => {
  it('leaves the pool to other callers: a light query answers in well under a second meanwhile', async () => {
    let heavyEnded = 0;
    const heavy = api.graphql(HEAVY).then((answer: TimedAnswer) => {
      heavyEnded = performance.now();
      return answer;
    });
    await untilFiguresRun();
    const light = await api.graphql(LIGHT);
    const lightEnded = performance.now();
    const heavyAnswer = await heavy;

    expect(heavyAnswer.status).toBe(200);
    expect(heavyAnswer.json?.errors).toBeUndefined();
    expect(Object.keys(heavyAnswer.json?.data ?? {})).toHaveLength(15);
    expect(light.status).toBe(200);
    expect(light.json?.data?.countries.length).toBeGreaterThan(20);
    // the light answer came while the heavy request was still running, or the measurement says nothing
    expect(heavyEnded).toBeGreaterThan(lightEnded);
    expect(light.ms).toBeLessThan(750);
  }, 60_000);
});
