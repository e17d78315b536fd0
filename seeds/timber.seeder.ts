import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { TimberCommitment } from '../src/modules/timber/timber-commitment.entity';
import { TimberProcurement } from '../src/modules/timber/timber-procurement.entity';
import { copyRows } from './copy-rows';
import { uuidFromKey } from './random';
import { timberCommitmentSeeds } from './timber-commitments';
import { timberProcurementSeeds } from './timber-procurements';

/** Timber commitments of a few hundred members, with their purchases 2018–2024 judged against them. */
export class TimberSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const now = new Date();
    const commitments = timberCommitmentSeeds();
    await em.insertMany(
      TimberCommitment,
      commitments.map(({ member, ...terms }) => ({
        ...terms,
        member: uuidFromKey(`member:${member.key}`),
        version: 1,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const procurements = commitments.flatMap(timberProcurementSeeds);
    await copyRows(
      em,
      TimberProcurement,
      procurements.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
      { freeze: true },
    );
  }
}
