import { DecimalType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Sector } from './emission.enums';

/**
 * The sums per sector of a member's preferred inventory for one year, maintained with the inventories in the same
 * transaction (see emission-figures.sql.ts), in both variants (`publicOnly`: chosen among public inventories only).
 * Groupings by sector read these few rows per member and year instead of every inventory line.
 */
@Entity({ tableName: 'member_year_sector_total' })
export class MemberYearSectorTotal {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey()
  year!: number;

  @PrimaryKey()
  publicOnly!: boolean;

  @Enum({ items: () => Sector, nativeEnumName: 'emission_sector', primary: true })
  sector!: Sector;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  emissionsTco2e: number | null = null;

  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;
}
