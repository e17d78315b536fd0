import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { allPages } from '../support/all-pages';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { arrowRows, csvRows, getExport, parquetRows } from './export-readers';

let api: TestApp;
let analystKey: string;
beforeAll(async () => {
  api = await startTestApp();
  analystKey = await api.createKey(Role.ANALYST);
});
afterAll(() => api.close());

const WIEN = `memberIds=${NAMED_MEMBERS.wien.id}`;

/** The records of Wien straight from the tables, numbers as PostgreSQL's exact text. */
async function wienRecords() {
  return api.orm.em
    .fork()
    .getConnection()
    .execute<Record<string, string | number | boolean | null>[]>(
      `select i.year, i.standard::text as standard, r.sector::text as sector, r.energy_carrier::text as energy_carrier,
            r.scope::text as scope, r.emissions_tco2e::text as tco2e, r.final_energy_mwh::text as mwh,
            i.is_baseline, i.verification_status::text as verification_status, m.status::text as member_status
       from emission_record r join emission_inventory i on i.id = r.inventory_id join member m on m.id = i.member_id
       where m.id = ?`,
      [NAMED_MEMBERS.wien.id],
    );
}

const recordKey = (row: Record<string, unknown>) =>
  [row.year, row.standard, row.sector, row.energy_carrier, row.scope].join('|');

/** A record as every format should give it: numbers as doubles, enums as their names. */
function comparable(row: Record<string, unknown>) {
  const number = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
  return {
    key: recordKey(row),
    tco2e: number(row.tco2e ?? row.emissions_tco2e),
    mwh: number(row.mwh ?? row.final_energy_mwh),
    is_baseline: row.is_baseline === true || row.is_baseline === 'true',
    verification_status: row.verification_status,
    member_status: row.member_status,
  };
}
const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

describe('Arrow IPC stream', () => {
  it('types the columns (doubles, ints, booleans, dictionary-encoded enums) and holds every record', async () => {
    const response = await getExport(api, `/export/emissions.arrow?${WIEN}`, analystKey);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    const { rows, types } = arrowRows(response.rawPayload);
    expect(types).toMatchObject({
      year: 'Int32',
      emissions_tco2e: 'Float64',
      final_energy_mwh: 'Float64',
      is_preferred: 'Bool',
      sector: 'Dictionary<Int16, Utf8>',
      member_status: 'Dictionary<Int16, Utf8>',
      member_name: 'Utf8',
    });
    const expected = await wienRecords();
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map(comparable).sort(byKey)).toEqual(expected.map(comparable).sort(byKey));
  });

  it('is chosen alike by extension, ?format= and Accept', async () => {
    const byExtension = await getExport(api, `/export/emissions.arrow?${WIEN}`, analystKey);
    const byParameter = await getExport(api, `/export/emissions?format=arrow&${WIEN}`, analystKey);
    const byAccept = await getExport(api, `/export/emissions?${WIEN}`, analystKey, {
      accept: 'text/html;q=0.5, application/vnd.apache.arrow.stream',
    });
    for (const response of [byParameter, byAccept]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
      expect(arrowRows(response.rawPayload).rows).toEqual(arrowRows(byExtension.rawPayload).rows);
    }
    const plain = await getExport(api, `/export/emissions?${WIEN}`, analystKey);
    expect(plain.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
});

const MEMBERS = `
  query Members($first: Int, $after: String) {
    members(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id name category membershipType status joinedOn population latitude longitude country { code }
        progress {
          status baselineYear baselineEmissionsTco2e latestYear latestEmissionsTco2e reductionPercent
          charterPathTco2e requiredAnnualReductionPercent perCapitaTco2e
        }
      }
    }
  }`;

describe('Parquet', () => {
  it('gives the members as the GraphQL API does, with population and progress, typed and dictionary-encoded', async () => {
    const response = await getExport(api, '/export/members.parquet', analystKey);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.parquet');
    const { rows, metadata } = await parquetRows(response.rawPayload);
    const schema = Object.fromEntries(metadata.schema.slice(1).map((element) => [element.name, element]));
    expect(schema.population).toMatchObject({ type: 'INT32' });
    expect(schema.joined_on).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(schema.reduction_percent).toMatchObject({ type: 'DOUBLE' });
    expect(schema.member_status).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    const statusChunk = metadata.row_groups[0].columns.find(
      (chunk) => chunk.meta_data?.path_in_schema[0] === 'member_status',
    );
    expect(statusChunk?.meta_data?.encodings).toContain('RLE_DICTIONARY');

    const members = await allPages<Record<string, any>>(
      api,
      MEMBERS,
      (data) => data.members,
      {},
      { first: 100, key: analystKey },
    );
    expect(rows.length).toBe(members.length);
    const exported = new Map(rows.map((row) => [row.member_id, row]));
    for (const member of members) {
      const progress = member.progress;
      expect(exported.get(member.id)).toEqual(
        expect.objectContaining({
          member_name: member.name,
          country_code: member.country.code,
          member_category: member.category,
          membership_type: member.membershipType,
          member_status: member.status,
          joined_on: member.joinedOn,
          population: member.population,
          latitude: member.latitude,
          longitude: member.longitude,
          progress_status: progress.status,
          baseline_year: progress.baselineYear,
          baseline_emissions_tco2e: progress.baselineEmissionsTco2e,
          latest_year: progress.latestYear,
          latest_emissions_tco2e: progress.latestEmissionsTco2e,
          reduction_percent: progress.reductionPercent,
          charter_path_tco2e: progress.charterPathTco2e,
          required_annual_reduction_percent: progress.requiredAnnualReductionPercent,
          per_capita_tco2e: progress.perCapitaTco2e,
        }),
      );
    }
  });

  it('writes a readable file with its columns when no row matches', async () => {
    const response = await getExport(api, '/export/timber-procurements.parquet?fromYear=2099', analystKey);
    expect(response.statusCode).toBe(200);
    const { rows, metadata } = await parquetRows(response.rawPayload);
    expect(rows).toEqual([]);
    expect(metadata.schema.map((element) => element.name)).toContain('volume_m3');
  });
});

describe('gzip', () => {
  it('compresses text and Arrow when the client accepts gzip, and leaves Parquet (compressed already) as it is', async () => {
    for (const format of ['csv', 'ndjson', 'arrow']) {
      const plain = await getExport(api, `/export/emissions.${format}?${WIEN}`, analystKey);
      const gzipped = await getExport(api, `/export/emissions.${format}?${WIEN}`, analystKey, {
        'accept-encoding': 'gzip',
      });
      expect(gzipped.statusCode).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/accept-encoding/);
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(gunzipSync(gzipped.rawPayload).equals(plain.rawPayload)).toBe(true);
      expect(plain.headers['content-encoding']).toBeUndefined();
    }
    const parquet = await getExport(api, '/export/members.parquet', analystKey, { 'accept-encoding': 'gzip' });
    expect(parquet.headers['content-encoding']).toBeUndefined();
  });
});

describe('NDJSON numbers', () => {
  it('read back as the very doubles of the exact decimals (no digit lost)', async () => {
    const response = await getExport(api, `/export/emissions.ndjson?${WIEN}`, analystKey);
    const lines = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = new Map((await wienRecords()).map((row) => [recordKey(row), row]));
    expect(lines.length).toBe(expected.size);
    for (const line of lines) {
      const record = expected.get(recordKey(line))!;
      expect(line.emissions_tco2e).toBe(record.tco2e === null ? null : Number(record.tco2e));
      expect(String(line.emissions_tco2e)).toBe(record.tco2e === null ? 'null' : String(Number(record.tco2e)));
    }
  });
});

describe('timber procurements and inventories', () => {
  it('gives every procurement as TimberCommitment.procurements does', async () => {
    const response = await getExport(api, '/export/timber-procurements.csv', analystKey);
    expect(response.statusCode).toBe(200);
    const exported = csvRows(response.body);
    const commitments = await allPages<Record<string, any>>(
      api,
      `query Commitments($first: Int, $after: String) {
        timberCommitments(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { id policyLevel member { id } procurements { id year species volumeM3 valueEur compliance } }
        }
      }`,
      (data) => data.timberCommitments,
      {},
      { first: 100, key: analystKey },
    );
    const procurements = commitments.flatMap((commitment) =>
      commitment.procurements.map((procurement: Record<string, unknown>) => ({
        procurement_id: procurement.id,
        member_id: commitment.member.id,
        commitment_id: commitment.id,
        policy_level: commitment.policyLevel,
        year: String(procurement.year),
        species: procurement.species,
        volume_m3: Number(procurement.volumeM3),
        value_eur: Number(procurement.valueEur),
        compliance: procurement.compliance,
      })),
    );
    expect(procurements.length).toBeGreaterThan(0);
    const pick = (row: Record<string, string>) => ({
      procurement_id: row.procurement_id,
      member_id: row.member_id,
      commitment_id: row.commitment_id,
      policy_level: row.policy_level,
      year: row.year,
      species: row.species,
      volume_m3: Number(row.volume_m3),
      value_eur: Number(row.value_eur),
      compliance: row.compliance,
    });
    const byId = (a: { procurement_id: unknown }, b: { procurement_id: unknown }) =>
      String(a.procurement_id).localeCompare(String(b.procurement_id));
    expect(exported.map(pick).sort(byId)).toEqual(procurements.sort(byId));
  });

  it('lists every inventory once, with its totals, the preferred flag and record count', async () => {
    const response = await getExport(api, `/export/inventories.ndjson?${WIEN}`, analystKey);
    expect(response.statusCode).toBe(200);
    const lines = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const inventories = await api.graphql(
      `query($id: ID!) { member(id: $id) { inventories { id year standard isBaseline totalEmissionsTco2e records { sector } } } }`,
      { id: NAMED_MEMBERS.wien.id },
      { key: analystKey },
    );
    expect(inventories.errors).toBeUndefined();
    const expected = inventories.data!.member.inventories.map((inventory: Record<string, any>) => ({
      inventory_id: inventory.id,
      year: inventory.year,
      standard: inventory.standard,
      is_baseline: inventory.isBaseline,
      total_emissions_tco2e: inventory.totalEmissionsTco2e,
      record_count: inventory.records.length,
    }));
    expect(expected.length).toBeGreaterThan(0);
    const pick = (line: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(expected[0]).map((name) => [name, line[name]]));
    expect(lines.map(pick)).toEqual(expect.arrayContaining(expected));
    expect(lines.length).toBe(expected.length);
  });
});

describe('bad parameters', () => {
  it.each([
    ['/export/emissions?format=xlsx', 400, 'format'],
    ['/export/emissions.csv?format=arrow', 400, 'format'],
    ['/export/members.arrow?sectors=RESIDENTIAL', 400, 'sectors'],
    ['/export/members.arrow?statuses=GONE', 400, 'statuses[0]'],
    ['/export/biodiversity-projects.parquet?themes=FOREST_PROTECTION,NOPE', 400, 'themes[1]'],
    ['/export/biodiversity-projects.parquet?organisationIds=coica', 400, 'organisationIds[0]'],
    ['/export/timber-procurements.csv?fromYear=20x0', 400, 'fromYear'],
    ['/export/inventories.csv?countryCodes=XX', 400, 'countryCodes[0]'],
  ])('%s answers %i naming %s', async (url, status, field) => {
    const response = await getExport(api, url, analystKey);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers 406 for an Accept header naming no format, and 400 for an undeclarable access purpose', async () => {
    const notAcceptable = await getExport(api, '/export/members', analystKey, { accept: 'application/xml' });
    expect(notAcceptable.statusCode).toBe(406);
    expect(notAcceptable.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accept' });
    const purpose = await getExport(api, '/export/biodiversity-projects.csv', TEST_ADMIN_SECRET, {
      'x-access-purpose': 'CURIOSITY',
    });
    expect(purpose.statusCode).toBe(400);
    expect(purpose.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-access-purpose' });
  });

  it('refuses keys below ANALYST on every export', async () => {
    const partnerKey = await api.createKey(Role.PARTNER);
    for (const name of ['emissions', 'inventories', 'members', 'biodiversity-projects', 'timber-procurements']) {
      const response = await getExport(api, `/export/${name}.arrow`, partnerKey);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
