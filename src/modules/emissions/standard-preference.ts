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

/** SQL giving the preference rank (1 = most preferred) of the standard column `column`. */
export function standardRankSql(column: string): string {
  const cases = STANDARD_PREFERENCE.map((standard, index) => `when '${standard}' then ${index + 1}`).join(' ');
  return `(case ${column}::text ${cases} end)`;
}
