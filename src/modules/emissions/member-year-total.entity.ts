import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { InventoryStandard } from './emission.enums';

/**
 * The totals of a member's preferred inventory for one year, maintained with the inventories in the same
 * transaction (see emission-figures.sql.ts). Two variants per member and year: `publicOnly` rows are chosen among
 * the public inventories only, for anonymous callers; the others among all inventories.
 */
@Entity({ tableName: 'member_year_total' })
// emissionTotals by member of some members (a country, a category) looks each member's years up index-only
// (Migration20261202140000): at x10 a country's 410 members 25 ms instead of a scan of every member's years
@Index({
  name: 'member_year_total_read_idx',
  expression:
    'create index "member_year_total_read_idx" on "member_year_total" ("member_id", "public_only", "year")' +
    ' include ("has_records", "emissions_tco2e", "final_energy_mwh")',
})
export class MemberYearTotal {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey()
  year!: number;

  @PrimaryKey()
  publicOnly!: boolean;

  @Enum({ items: () => InventoryStandard, nativeEnumName: 'inventory_standard' })
  standard!: InventoryStandard;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3 })
  emissionsTco2e!: number;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;

  /** Whether the inventory has records: emissionTotals counts only inventories that do. */
  @Property()
  hasRecords!: boolean;
}
