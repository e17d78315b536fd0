import { isPlanned } from './read-plan';

/**
 * A field's value when its parent already holds it (read by the parent's plan, or with the parent's list), else
 * undefined: then the field's resolver runs. Answering those values before the resolver spares every row the
 * resolver's wrapping by type-graphql (its resolver data, its parameters), for each such field of each row.
 */
export type KnownValue = (parent: object) => unknown;

/**
 * Known values by type and field: `{ Member: { country: plannedValue('country') } }`. Only for fields whose resolver
 * answers that same value when given no argument (or only nulls): with an argument the resolver always runs.
 */
export type KnownFields = Record<string, Record<string, KnownValue>>;

/** The value a parent's plan read for `property` (a to-one object or null, a planned list), for planned parents. */
export function plannedValue(property: string): KnownValue {
  return (parent) => (isPlanned(parent) ? (parent as Record<string, unknown>)[property] : undefined);
}
