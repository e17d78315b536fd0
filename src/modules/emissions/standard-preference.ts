import { InventoryStandard } from './emission.enums';

/**
 * Which inventory counts when a member has several standards for one year, most preferred first. BISKO is the
 * alliance's own territorial methodology; GPC BASIC comes before BASIC+ because its scope matches the Charter's.
 */
export const STANDARD_PREFERENCE: readonly InventoryStandard[] = [
  InventoryStandard.BISKO,
  InventoryStandard.COM_BEI,
  InventoryStandard.COM_MEI,
  InventoryStandard.GPC_BASIC,
  InventoryStandard.GPC_BASIC_PLUS,
  InventoryStandard.OTHER,
];

/** 1 for the most preferred standard. */
export function standardRank(standard: InventoryStandard): number {
  return STANDARD_PREFERENCE.indexOf(standard) + 1;
}

/** Oldest year first; within a year the preferred standard first, i.e. the inventory the figures use. */
export function byYearThenPreference(
  a: { year: number; standard: InventoryStandard },
  b: { year: number; standard: InventoryStandard },
): number {
  return a.year - b.year || standardRank(a.standard) - standardRank(b.standard);
}

/** SQL giving the preference rank (as standardRank) of the standard column `column`. */
export function standardRankSql(column: string): string {
  const cases = STANDARD_PREFERENCE.map((standard) => `when '${standard}' then ${standardRank(standard)}`).join(' ');
  return `(case ${column}::text ${cases} end)`;
}
