import { Field, Float, Int } from 'type-graphql';

/**
 * The fields a member's Charter progress (ClimateProgress) and a target's progress (ClimateTargetProgress) share to
 * the letter: the baseline and latest inventory years and their emissions. Decorators rather than a base class, so
 * each type keeps its own field order in the schema.
 */
export const baselineYearField = () => Field(() => Int, { nullable: true, description: 'The baseline year B.' });

export const baselineEmissionsField = () => Field(() => Float, { nullable: true, description: 'E(B), tonnes CO2e.' });

export const latestYearField = () =>
  Field(() => Int, { nullable: true, description: 'The latest inventory year, when it is after B.' });

export const latestEmissionsField = () =>
  Field(() => Float, { nullable: true, description: 'E(latest), tonnes CO2e.' });
