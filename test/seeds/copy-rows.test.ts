import type { EntityClass, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledDecimal } from '../../seeds/copy-binary-numeric';
import { copyRows, type CopyRow } from '../../seeds/copy-rows';
import { initOrm } from '../../src/db/orm';
import { entities } from '../../src/modules';
import { Member } from '../../src/modules/members/member.entity';
import { ClimateTarget } from '../../src/modules/targets/climate-target.entity';
import { TimberCommitment } from '../../src/modules/timber/timber-commitment.entity';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';

let database: DatabaseCopy;
let orm: MikroORM;
beforeAll(async () => {
  database = await copyTemplateDatabase('copy_rows');
  orm = await initOrm({ clientUrl: database.url, entities });
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

/** The row as stored after writing it one way, in a transaction that is rolled back. */
async function stored(
  table: string,
  id: string,
  write: (em: MikroORM['em']) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const em = orm.em.fork();
  await em.begin();
  try {
    await write(em);
    const rows = await em.execute(`select * from ${table} where id = ?`, [id]);
    expect(rows).toHaveLength(1);
    return rows[0];
  } finally {
    await em.rollback();
  }
}

/** What copyRows stores for a row, and what em.insertMany stores for the same row. */
async function bothWays<T extends object>(entity: EntityClass<T>, table: string, row: CopyRow<T> & { id: string }) {
  const inserted = await stored(table, row.id, (em) => em.insertMany(entity, [row as never]));
  const copied = await stored(table, row.id, (em) => copyRows(em, entity, [row]));
  return { inserted, copied };
}

describe('copyRows', () => {
  it('stores text with tabs, line breaks, backslashes and quotes, NULLs, numbers and dates as insertMany does', async () => {
    const now = new Date('2026-12-01T10:00:00.123Z');
    const { inserted, copied } = await bothWays(Member, 'member', {
      id: '00000000-0000-4000-8099-000000000001',
      name: 'Tab\there, line\nbreak\r\nand \\N, a back\\slash, "quotes" and ünïcödé',
      category: 'MUNICIPALITY',
      membershipType: 'FULL',
      status: 'ACTIVE',
      country: 'AT',
      coordinationOffice: null,
      joinedOn: '1993-04-01',
      leftOn: null,
      latitude: 47.0707,
      longitude: -15.4395e-3,
      geonamesId: 2778067,
      website: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    expect(copied.name).toBe('Tab\there, line\nbreak\r\nand \\N, a back\\slash, "quotes" and ünïcödé');
    expect(copied.left_on).toBeNull();
    expect(copied).toEqual(inserted);
  });

  it('stores arrays, empty ones too, as insertMany does', async () => {
    const [member] = await orm.em
      .fork()
      .execute<{ id: string }[]>(
        'select id from member where id not in (select member_id from timber_commitment) order by id limit 1',
      );
    const { inserted, copied } = await bothWays(TimberCommitment, 'timber_commitment', {
      id: '00000000-0000-4000-8099-000000000002',
      member: member.id,
      policyLevel: 'REGIONAL_PREFERENCE',
      adoptedOn: '2019-06-15',
      resolutionRef: 'GR-2019/114, "Holz"',
      scope: ['CONSTRUCTION', 'FURNITURE'],
      acceptedCertificationSchemes: [],
      regionCountryCodes: ['AT', 'DE'],
      requiresDueDiligenceReference: true,
      reviewDue: null,
      status: 'ACTIVE',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    // pg hands arrays of enum types back as their text
    expect(copied.scope).toBe('{CONSTRUCTION,FURNITURE}');
    expect(copied.accepted_certification_schemes).toBe('{}');
    expect(copied.region_country_codes).toEqual(['AT', 'DE']);
    expect(copied).toEqual(inserted);
  });

  it.each([
    [12.345, 1.0005, 1234567890123.456],
    [1.005, 2.0004, 0.0005],
    [99.995, 0, 1e-7],
    [-0.125, 123.4565, 5e12],
    [0.1 + 0.2, 1 / 3, -987654.3215],
  ])(
    'rounds numerics (%s, %s, %s) to their column scale as insertMany does',
    async (reductionPercent, perCapitaTargetT, levelTco2e) => {
      const [member] = await orm.em.fork().execute<{ id: string }[]>('select id from member order by id limit 1');
      const { inserted, copied } = await bothWays(ClimateTarget, 'climate_target', {
        id: '00000000-0000-4000-8099-000000000003',
        member: member.id,
        origin: 'LOCAL_RESOLUTION',
        type: 'FIXED_LEVEL',
        baseYear: 1990,
        targetYear: 2030,
        reductionPercent,
        perCapitaTargetT,
        levelTco2e,
        legalStatus: 'COUNCIL_RESOLUTION',
        adoptedOn: '2019-02-28',
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      expect(copied.level_tco2e).not.toBeNull();
      expect(copied).toEqual(inserted);
    },
  );

  it('reads decimal text in units of a scale, rounding half away from zero', () => {
    expect(scaledDecimal('-12.045', 3)).toBe(-12045n);
    expect(scaledDecimal('1.005', 2)).toBe(101n);
    expect(scaledDecimal('-1.005', 2)).toBe(-101n);
    expect(scaledDecimal('1.0049', 2)).toBe(100n);
    expect(scaledDecimal('1e-7', 3)).toBe(0n);
    expect(scaledDecimal('5e+21', 0)).toBe(5_000_000_000_000_000_000_000n);
    expect(scaledDecimal('.5', 0)).toBe(1n);
    expect(() => scaledDecimal('12,5', 1)).toThrow('no number');
  });

  it('runs only inside a transaction, where its rows are undone with the rest', async () => {
    await expect(copyRows(orm.em.fork(), Member, [])).rejects.toThrow('inside a transaction');
  });
});
