import { describe, expect, it } from 'vitest';
import { InventoryStandard } from '../../../src/modules/emissions/emission.enums';
import { byYearThenPreference } from '../../../src/modules/emissions/standard-preference';

const { BISKO, COM_BEI, COM_MEI, GPC_BASIC, GPC_BASIC_PLUS, OTHER } = InventoryStandard;

describe('the standard preference order (which inventory of a year the figures use)', () => {
  it.each([
    [
      'one standard per year: by year',
      [
        [2020, BISKO],
        [1990, BISKO],
      ],
      ['1990 BISKO', '2020 BISKO'],
    ],
    [
      'BISKO before a Covenant inventory',
      [
        [2019, COM_MEI],
        [2019, BISKO],
      ],
      ['2019 BISKO', '2019 COM_MEI'],
    ],
    [
      'a Covenant baseline before a monitoring inventory',
      [
        [2005, COM_MEI],
        [2005, COM_BEI],
      ],
      ['2005 COM_BEI', '2005 COM_MEI'],
    ],
    [
      'GPC BASIC before BASIC+, both before OTHER',
      [
        [2010, OTHER],
        [2010, GPC_BASIC_PLUS],
        [2010, GPC_BASIC],
      ],
      ['2010 GPC_BASIC', '2010 GPC_BASIC_PLUS', '2010 OTHER'],
    ],
    [
      'all six in one year, and another year',
      [
        [2000, OTHER],
        [2001, OTHER],
        [2000, GPC_BASIC_PLUS],
        [2000, GPC_BASIC],
        [2000, COM_MEI],
        [2000, COM_BEI],
        [2000, BISKO],
      ],
      [
        '2000 BISKO',
        '2000 COM_BEI',
        '2000 COM_MEI',
        '2000 GPC_BASIC',
        '2000 GPC_BASIC_PLUS',
        '2000 OTHER',
        '2001 OTHER',
      ],
    ],
  ] as [string, [number, InventoryStandard][], string[]][])('%s', (_case, inventories, expected) => {
    const sorted = inventories.map(([year, standard]) => ({ year, standard })).sort(byYearThenPreference);
    expect(sorted.map(({ year, standard }) => `${year} ${standard}`)).toEqual(expected);
  });
});
