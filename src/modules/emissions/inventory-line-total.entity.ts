import { DecimalType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { EmissionScope, EnergyCarrier, InventoryStandard, Sector } from './emission.enums';

/**
 * The sums of one inventory line (sector × energy carrier × scope), maintained with the records in the same
 * transaction (see emission-figures.sql.ts), with which inventory of its member and year the figures prefer:
 * `preferred` among all inventories, `preferredPublic` among the public ones. emissionTotals reads these rows
 * instead of joining inventories and records.
 */
@Entity({ tableName: 'inventory_line_total' })
@Index({ name: 'inventory_line_total_member_idx', properties: ['memberId'] })
@Index({ name: 'inventory_line_total_year_idx', properties: ['year'] })
export class InventoryLineTotal {
  @PrimaryKey({ type: 'uuid' })
  inventoryId!: string;

  @Enum({ items: () => Sector, nativeEnumName: 'emission_sector', primary: true })
  sector!: Sector;

  @Enum({ items: () => EnergyCarrier, nativeEnumName: 'energy_carrier', primary: true })
  energyCarrier!: EnergyCarrier;

  @Enum({ items: () => EmissionScope, nativeEnumName: 'emission_scope', primary: true })
  scope!: EmissionScope;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property()
  year!: number;

  @Enum({ items: () => InventoryStandard, nativeEnumName: 'inventory_standard' })
  standard!: InventoryStandard;

  @Property()
  isPublic!: boolean;

  @Property()
  preferred!: boolean;

  @Property()
  preferredPublic!: boolean;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  emissionsTco2e: number | null = null;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;
}
