import type { Logger } from 'pino';
import type { SeedStep } from './scale';

/** The log line of a seeding step: "seeding 3/5: emissions", then "seeded 3/5: emissions in 12.4 s". */
export function seedStepMessage({ name, number, of, ms }: SeedStep): string {
  const position = `${number}/${of}: ${name}`;
  return ms === undefined ? `seeding ${position}` : `seeded ${position} in ${(ms / 1000).toFixed(1)} s`;
}

/** Reports each seeding step as a log line. */
export function logSeedProgress(logger: Logger): (step: SeedStep) => void {
  return (step) => logger.info({ seedStep: step.name, ms: step.ms }, seedStepMessage(step));
}
