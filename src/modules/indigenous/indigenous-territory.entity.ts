import { DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { RecordVisibility } from '../governance/governance.enums';
import { Country } from '../members/country.entity';
import { TerritoryLegalStatus } from './indigenous.enums';
import { IndigenousOrganisation } from './indigenous-organisation.entity';

/** The stored point is exact; it is served only through `location`, at the precision the viewer may see. */
@ObjectType({ description: 'A territory of an indigenous people, stewarded by one of its organisations.' })
@Entity({ tableName: 'indigenous_territory' })
export class IndigenousTerritory extends BaseEntity<'visibility' | 'containsIsolatedPeoples'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Index({ name: 'indigenous_territory_steward_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true })
  stewardOrganisation!: Ref<IndigenousOrganisation>;

  @Field({ description: 'The name of the territory, e.g. "Terra Indígena Alto Rio Negro".' })
  @Property({ length: 300 })
  name!: string;

  @ManyToOne(() => Country, { ref: true })
  country!: Ref<Country>;

  @Field(() => TerritoryLegalStatus, { description: 'How far the state recognises it.' })
  @Enum({ items: () => TerritoryLegalStatus, nativeEnumName: 'territory_legal_status' })
  legalStatus!: TerritoryLegalStatus;

  @Field(() => Float, { nullable: true, description: 'Area in hectares.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  areaHectares: number | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Field({
    description:
      'Whether peoples in voluntary isolation live here: its location is then never shown below country level.',
  })
  @Property()
  containsIsolatedPeoples: boolean = false;

  @Field(() => RecordVisibility, { description: 'Who may see the territory.' })
  @Enum({ items: () => RecordVisibility, nativeEnumName: 'record_visibility' })
  visibility: RecordVisibility = RecordVisibility.RESTRICTED;
}
