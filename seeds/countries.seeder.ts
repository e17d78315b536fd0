import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { CoordinationOffice } from '../src/modules/members/coordination-office.entity';
import { Country } from '../src/modules/members/country.entity';
import { COORDINATION_OFFICES, COUNTRIES } from './data/countries';
import { uuidFromKey } from './random';

export class CountriesSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await em.insertMany(
      Country,
      COUNTRIES.map((country) => ({ ...country, createdAt: new Date(), updatedAt: new Date() })),
    );
    for (const office of COORDINATION_OFFICES) {
      em.create(CoordinationOffice, {
        id: uuidFromKey(`office:${office.countryCode}`),
        name: office.name,
        website: office.website,
        country: office.countryCode,
      });
    }
    await em.flush();
  }
}
