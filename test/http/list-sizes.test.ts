import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { listSize, ROWS_PER_COST_POINT } from '../../src/http/list-sizes';
import type { NetworkSize } from '../../src/http/network-size';

/** A network the size of the ×10 demo data: 20,000 members in three countries, inventories from 1990 to 2024. */
const X10: NetworkSize = {
  membersBy: { DE: { MUNICIPALITY: 12_000, CITY: 3_000 }, AT: { MUNICIPALITY: 4_400 }, LU: { MUNICIPALITY: 600 } },
  firstYear: 1990,
  lastYear: 2024,
  rows: {
    network_year_total: 2_000,
    network_year_sector_total: 16_000,
    network_line_total: 160_000,
    network_line_mask_total: 4_000,
    member_year_total: 200_000,
    member_year_sector_total: 1_600_000,
    inventory_line_total: 3_500_000,
  },
};

const totals = (groupBy: string[], filter: Record<string, unknown> = {}) =>
  listSize('Query.emissionTotals', { groupBy, filter }, 10, X10);

describe('emissionTotals sizes', () => {
  it('bounds the groups by the dimensions in the data: members, their countries, the years reported', () => {
    expect(totals(['COUNTRY', 'YEAR']).items).toBe(3 * 35);
    expect(totals(['MEMBER'], { countryCodes: ['LU'] }).items).toBe(600);
    expect(totals(['MEMBER', 'YEAR'], { countryCodes: ['LU', 'AT'], fromYear: 2023 }).items).toBe(5_000 * 2);
    expect(totals(['MEMBER', 'SECTOR'], { memberIds: ['a', 'b'] }).items).toBe(2 * 8);
    expect(totals(['YEAR'], { fromYear: 1950, toYear: 1994 }).items).toBe(5);
  });

  it('refuses, before any work, a grouping that could return more than 10,000 groups', () => {
    expect(() => totals(['MEMBER'])).toThrow(/groupBy: up to 20,000 groups, more than the 10,000/);
    expect(() => totals(['MEMBER', 'YEAR'], { countryCodes: ['LU'] })).toThrow(/up to 21,000 groups/);
  });

  it('prices the rows read: the table answering the grouping, in the share the filter keeps', () => {
    // network totals: one visibility variant of 2,000 rows
    expect(totals(['COUNTRY', 'YEAR']).scannedRows).toBe(1_000);
    // network totals without year too: 7 of 35 years
    expect(totals(['COUNTRY'], { fromYear: 2018 }).scannedRows).toBeCloseTo(1_000 * (7 / 35));
    // per-member rows when grouped by member: one variant of 200,000, the members of LU only
    expect(totals(['MEMBER'], { countryCodes: ['LU'] }).scannedRows).toBeCloseTo(100_000 * (600 / 20_000));
    // every line (both variants share them), two of 16 energy carriers not grouped by, not by year, members of LU only
    expect(totals([], { countryCodes: ['LU'], energyCarriers: ['DIESEL', 'PETROL'] }).scannedRows).toBeCloseTo(
      3_500_000 * (600 / 20_000) * (2 / 16),
    );
    expect(Math.floor(totals(['SECTOR', 'ENERGY_CARRIER', 'YEAR']).scannedRows / ROWS_PER_COST_POINT)).toBe(3_500);
    // by energy carrier and year: the network line totals, one variant
    expect(totals(['ENERGY_CARRIER', 'YEAR']).scannedRows).toBe(80_000);
    expect(totals(['STANDARD', 'YEAR'], { fromYear: 2018 }).scannedRows).toBeCloseTo(80_000 * (7 / 35));
    // several energy carriers by year: the mask rows of one variant (the bit tests narrow nothing), then the line
    // totals of two of 16 carriers
    expect(totals(['YEAR'], { energyCarriers: ['DIESEL', 'PETROL'] }).scannedRows).toBeCloseTo(
      2_000 + 80_000 * (2 / 16),
    );
    // not by year, several values still read the lines
    expect(totals([], { energyCarriers: ['DIESEL', 'PETROL'] }).scannedRows).toBeCloseTo(3_500_000 * (2 / 16));
    // and over a range, not by year
    expect(totals(['ENERGY_CARRIER'], { fromYear: 2018 }).scannedRows).toBeCloseTo(80_000 * (7 / 35));
  });
});
