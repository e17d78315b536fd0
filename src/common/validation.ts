import { MAX_LIST_ITEMS } from '../config/limits';
import { UserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function requireUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw new UserInputError(field, `"${truncate(value)}" is not a valid ID (a UUID)`);
  return value.toLowerCase();
}

export function requireUuids(field: string, values: readonly string[], max = MAX_LIST_ITEMS): string[] {
  requireMaxItems(field, values, max);
  return values.map((value, index) => requireUuid(`${field}[${index}]`, value));
}

export function requireMaxItems(field: string, values: readonly unknown[], max = MAX_LIST_ITEMS): void {
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

/** An http(s) URL, normalised; `maxLength` (its column's) applies to the normalised form, which may be longer. */
export function requireUrl(field: string, value: string, maxLength: number): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new UserInputError(field, `"${truncate(value)}" is not an http(s) URL`);
  }
  const normalised = url.toString();
  if (normalised.length > maxLength) {
    throw new UserInputError(
      field,
      `must be at most ${maxLength} characters (once normalised), got ${normalised.length}`,
    );
  }
  return normalised;
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

/** C0 and C1 control characters except tab, newline and carriage return; PostgreSQL refuses U+0000 in text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character, and no encoding can store it. */
const LONE_SURROGATE = /\p{Cs}/u;

function codePoints(value: string): number {
  let count = 0;
  for (const _character of value) count++;
  return count;
}

/**
 * What is wrong with a string argument, or null: too long (in characters, as PostgreSQL counts them), a control
 * character other than tab, newline and carriage return, or a lone surrogate.
 */
export function textProblem(value: string, maxLength: number): string | null {
  if (value.length > maxLength) {
    // a character is one or two UTF-16 units: count them only when it can matter
    if (value.length > 2 * maxLength) return `must be at most ${maxLength} characters, got over ${2 * maxLength}`;
    const length = codePoints(value);
    if (length > maxLength) return `must be at most ${maxLength} characters, got ${length}`;
  }
  const control = CONTROL_CHARACTER.exec(value);
  if (control) return `must not contain the control character ${unicodeName(control[0])} (at ${control.index})`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate)
    return `must be well-formed Unicode: lone surrogate ${unicodeName(surrogate[0])} at ${surrogate.index}`;
  return null;
}

function unicodeName(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
