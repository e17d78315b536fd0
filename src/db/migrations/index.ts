import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261203110000 } from './Migration20261203110000';
import { Migration20261201121900 } from './Migration20261201121900';
import { Migration20261201130000 } from './Migration20261201130000';
import { Migration20261201150000 } from './Migration20261201150000';
import { Migration20261201190000 } from './Migration20261201190000';
import { Migration20261203100000 } from './Migration20261203100000';
import { Migration20261202140000 } from './Migration20261202140000';
import { Migration20261201163000 } from './Migration20261201163000';
import { Migration20261201094259 } from './Migration20261201094259';
import { Migration20261201095600 } from './Migration20261201095600';
import { Migration20261129084411 } from './Migration20261129084411';
import { Migration20261129084015 } from './Migration20261129084015';
import { Migration20261129083741 } from './Migration20261129083741';
import { Migration20261129083253 } from './Migration20261129083253';
import { Migration20261129083057 } from './Migration20261129083057';
import { Migration20261129082341 } from './Migration20261129082341';

/** Every migration, in order. Listed here (not discovered from files) so tests and compiled code load the same list. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129082341', class: Migration20261129082341 },
  { name: 'Migration20261129083057', class: Migration20261129083057 },
  { name: 'Migration20261129083253', class: Migration20261129083253 },
  { name: 'Migration20261129083741', class: Migration20261129083741 },
  { name: 'Migration20261129084015', class: Migration20261129084015 },
  { name: 'Migration20261129084411', class: Migration20261129084411 },
  { name: 'Migration20261201094259', class: Migration20261201094259 },
  { name: 'Migration20261201095600', class: Migration20261201095600 },
  { name: 'Migration20261201121900', class: Migration20261201121900 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201150000', class: Migration20261201150000 },
  { name: 'Migration20261201163000', class: Migration20261201163000 },
  { name: 'Migration20261201190000', class: Migration20261201190000 },
  { name: 'Migration20261202140000', class: Migration20261202140000 },
  { name: 'Migration20261203100000', class: Migration20261203100000 },
  { name: 'Migration20261203110000', class: Migration20261203110000 },
];
