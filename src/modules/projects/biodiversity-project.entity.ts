import { DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { RecordVisibility } from '../governance/governance.enums';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { IndigenousTerritory } from '../indigenous/indigenous-territory.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Country } from '../members/country.entity';
import { ProjectStatus, ProjectTheme } from './project.enums';

/** The stored site is exact; it is served only through `location`, at the precision the viewer may see. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A biodiversity project carried out by an indigenous organisation, supported by members.' })
@Entity({ tableName: 'biodiversity_project' })
@Index({ name: 'biodiversity_project_country_idx', properties: ['country'] })
export class BiodiversityProject extends VersionedEntity<'visibility' | 'concernsIsolatedPeoples'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Field({ description: 'The project title.' })
  @Property({ length: 300 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the project does.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Index({ name: 'biodiversity_project_implementing_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true })
  implementingOrganisation!: Ref<IndigenousOrganisation>;

  @Index({ name: 'biodiversity_project_steward_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true })
  dataSteward!: Ref<IndigenousOrganisation>;

  @ManyToOne(() => Partnership, { ref: true, nullable: true })
  partnership: Ref<Partnership> | null = null;

  @ManyToOne(() => IndigenousTerritory, { ref: true, nullable: true })
  territory: Ref<IndigenousTerritory> | null = null;

  @ManyToOne(() => Country, { ref: true })
  country!: Ref<Country>;

  @Field(() => [ProjectTheme], { description: 'What the project works on.' })
  @Enum({ items: () => ProjectTheme, array: true, nativeEnumName: 'project_theme' })
  themes!: ProjectTheme[];

  @Field(() => ProjectStatus, { description: 'Where the project stands.' })
  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status' })
  status!: ProjectStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When it starts or started.' })
  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'When it ends or ended; not before startDate.' })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Field(() => Float, { nullable: true, description: 'Hectares of forest and land the project protects.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  hectaresProtected: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Hectares the project restores.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  hectaresRestored: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Total budget in euros.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  budgetEur: number | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  /** As entered for the project itself; served (with its territory's) by the `concernsIsolatedPeoples` field. */
  @Property()
  concernsIsolatedPeoples: boolean = false;

  @Field(() => RecordVisibility, { description: 'Who may see the project.' })
  @Enum({ items: () => RecordVisibility, nativeEnumName: 'record_visibility' })
  visibility: RecordVisibility = RecordVisibility.RESTRICTED;

  @Field(() => Int, { description: 'Rises with every update; pass it back to updateBiodiversityProject.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  declare updatedAt: Date;
}
