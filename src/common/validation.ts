import { UserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function requireUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw new UserInputError(field, `"${truncate(value)}" is not a valid ID (a UUID)`);
  return value.toLowerCase();
}

export function requireUuids(field: string, values: readonly string[], max = 100): string[] {
  requireMaxItems(field, values, max);
  return values.map((value, index) => requireUuid(`${field}[${index}]`, value));
}

export function requireMaxItems(field: string, values: readonly unknown[], max = 100): void {
  if (values.length > max) throw new UserInputError(field, `at most ${max} entries are allowed, got ${values.length}`);
}

export function requireText(field: string, value: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new UserInputError(field, 'must not be empty');
  if (trimmed.length > maxLength) throw new UserInputError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, maxLength = 200): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(field, value, maxLength);
}

export function requireIntInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(field, `must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function requireNonNegative(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new UserInputError(field, `must be a finite number ≥ 0, got ${value}`);
  return value;
}

export function requireInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UserInputError(field, `must be a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function requireUrl(field: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // fall through to the error below
  }
  throw new UserInputError(field, `"${truncate(value)}" is not an http(s) URL`);
}

/** A filter's optional years: whole years from 1900 to 2100, `toYear` not before `fromYear`; `prefix` is its path. */
export function requireYearRange(prefix: string, years: { fromYear?: number | null; toYear?: number | null }): void {
  const { fromYear, toYear } = years;
  if (fromYear != null) requireIntInRange(`${prefix}fromYear`, fromYear, 1900, 2100);
  if (toYear != null) requireIntInRange(`${prefix}toYear`, toYear, 1900, 2100);
  if (fromYear != null && toYear != null && toYear < fromYear) {
    throw new UserInputError(`${prefix}toYear`, `${toYear} is before fromYear ${fromYear}`);
  }
}

export function requireDateOrder(field: string, from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) throw new UserInputError(field, `${to} is before ${from}`);
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
