import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

let api: TestApp;
let analystKey: string;
beforeAll(async () => {
  api = await startTestApp();
  analystKey = await api.createKey(Role.ANALYST);
});
afterAll(() => api.close());

function get(url: string, key?: string) {
  return api.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
}

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const field = match[1];
    fields.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    if (match[2] === '') break;
  }
  return fields;
}

function csvRows(body: string): Record<string, string>[] {
  const [header, ...lines] = body.trimEnd().split('\n');
  const columns = csvFields(header);
  return lines.map((line) => Object.fromEntries(csvFields(line).map((value, i) => [columns[i], value])));
}

/** The same rows straight from the tables, written independently of the export's query. */
async function databaseRows(where = 'true', params: unknown[] = []) {
  return api.orm.em
    .fork()
    .getConnection()
    .execute<Record<string, unknown>[]>(
      `select m.id as member_id, m.name as member_name, m.country_code, m.category::text as member_category, i.year,
            i.standard::text as standard, r.sector::text as sector, r.energy_carrier::text as energy_carrier,
            r.scope::text as scope, r.final_energy_mwh::float8 as mwh, r.emissions_tco2e::float8 as tco2e,
            r.data_quality::text as data_quality, r.notation_key::text as notation_key
     from emission_record r join emission_inventory i on i.id = r.inventory_id join member m on m.id = i.member_id
     where ${where}`,
      params,
    );
}

const rowKey = (row: Record<string, unknown>) =>
  [row.member_id, row.year, row.standard, row.sector, row.energy_carrier, row.scope].join('|');

function normalise(row: Record<string, unknown>) {
  const number = (value: unknown) => (value === '' || value === null ? null : Number(value));
  const text = (value: unknown) => (value === '' || value === null ? null : String(value));
  return {
    key: rowKey(row),
    member_name: row.member_name,
    country_code: row.country_code,
    member_category: row.member_category,
    mwh: number('final_energy_mwh' in row ? row.final_energy_mwh : row.mwh),
    tco2e: number('emissions_tco2e' in row ? row.emissions_tco2e : row.tco2e),
    data_quality: text(row.data_quality),
    notation_key: text(row.notation_key),
  };
}

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

describe('GET /export/emissions.csv', () => {
  it('streams every record with member, inventory and record columns, as the database holds them', async () => {
    const response = await get('/export/emissions.csv', analystKey);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="emissions.csv"');
    expect(response.body.split('\n')[0]).toBe(
      'member_id,member_name,country_code,member_category,year,standard,is_preferred,sector,energy_carrier,scope,' +
        'final_energy_mwh,emissions_tco2e,data_quality,notation_key,member_status,is_baseline,verification_status,' +
        'is_public,emission_factor_tco2e_per_mwh,emission_factor_set,emission_factor_set_version',
    );
    const exported = csvRows(response.body);
    const expected = await databaseRows();
    expect(exported.map(normalise).sort(byKey)).toEqual(expected.map(normalise).sort(byKey));
  });

  it('takes the emissionTotals filters as query parameters', async () => {
    const url =
      '/export/emissions.csv?countryCodes=DE,at&standards=BISKO&fromYear=1990&toYear=2019&sectors=RESIDENTIAL';
    const exported = csvRows((await get(url, TEST_ADMIN_SECRET)).body);
    const expected = await databaseRows(
      `m.country_code in ('DE', 'AT') and i.standard = 'BISKO' and i.year between 1990 and 2019 and r.sector = 'RESIDENTIAL'`,
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.map(normalise).sort(byKey)).toEqual(expected.map(normalise).sort(byKey));
    const repeated = csvRows(
      (
        await get(
          `/export/emissions.csv?memberIds=${NAMED_MEMBERS.wien.id}&scopes=TERRITORIAL&scopes=SCOPE_1`,
          analystKey,
        )
      ).body,
    );
    expect(repeated.map(normalise).sort(byKey)).toEqual(
      (await databaseRows(`m.id = ? and r.scope in ('TERRITORIAL', 'SCOPE_1')`, [NAMED_MEMBERS.wien.id]))
        .map(normalise)
        .sort(byKey),
    );
  });

  it('marks the inventory the API figures use for a member and year', async () => {
    const rows = csvRows(
      (await get(`/export/emissions.csv?memberIds=${NAMED_MEMBERS.frankfurt.id}&fromYear=2019`, analystKey)).body,
    );
    expect(new Set(rows.map((row) => `${row.standard} ${row.is_preferred}`))).toEqual(
      new Set(['BISKO true', 'COM_MEI false']),
    );
  });
});

describe('GET /export/emissions.ndjson', () => {
  it('streams the same rows as JSON lines with numbers as numbers', async () => {
    const response = await get(`/export/emissions.ndjson?memberIds=${NAMED_MEMBERS.wien.id}`, analystKey);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = await databaseRows('m.id = ?', [NAMED_MEMBERS.wien.id]);
    expect(lines.map(normalise).sort(byKey)).toEqual(expected.map(normalise).sort(byKey));
    const gap = lines.find((line) => line.notation_key === 'NE');
    expect(gap).toMatchObject({ year: 1990, emissions_tco2e: null, final_energy_mwh: null, is_preferred: true });
    expect(lines.find((line) => line.sector === 'TRANSPORT' && line.year === 1990).emissions_tco2e).toBe(350);
  });
});

describe('export: who may and bad parameters', () => {
  it.each([
    ['no key', undefined, 401, 'UNAUTHENTICATED'],
    ['an unknown key', 'ca_not-a-key', 401, 'UNAUTHENTICATED'],
    ['a partner key', Role.PARTNER, 403, 'FORBIDDEN'],
    ['a member editor key', Role.MEMBER_EDITOR, 403, 'FORBIDDEN'],
  ])('refuses %s with a JSON error', async (_who, key, status, code) => {
    const secret = key === Role.PARTNER || key === Role.MEMBER_EDITOR ? await api.createKey(key) : key;
    for (const format of ['csv', 'ndjson']) {
      const response = await get(`/export/emissions.${format}`, secret);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject({ code });
    }
  });

  it.each([
    ['countryCodes=XX', 'countryCodes[0]'],
    ['sectors=RESIDENTIAL,SPACE', 'sectors[1]'],
    ['fromYear=1990&toYear=19x0', 'toYear'],
    ['fromYear=2020&toYear=2010', 'toYear'],
    ['memberIds=wien', 'memberIds[0]'],
    ['sector=RESIDENTIAL', 'sector'],
  ])('answers 400 for %s naming %s', async (query, field) => {
    const response = await get(`/export/emissions.csv?${query}`, analystKey);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
