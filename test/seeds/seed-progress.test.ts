import { describe, expect, it } from 'vitest';
import { seedStepMessage } from '../../seeds/seed-progress';

describe('seedStepMessage', () => {
  it('says which step starts, and how long it took once done', () => {
    expect(seedStepMessage({ name: 'emissions', number: 3, of: 5 })).toBe('seeding 3/5: emissions');
    expect(seedStepMessage({ name: 'emissions', number: 3, of: 5, ms: 12_437 })).toBe(
      'seeded 3/5: emissions in 12.4 s',
    );
  });
});
