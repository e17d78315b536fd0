import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, isDateInRange } from '../../src/common/scalars';

describe('Date', () => {
  it.each(['1000-01-01', '1990-09-14', '2024-02-29', '9999-12-31'])('accepts %s', (value) => {
    expect(isDateInRange(value)).toBe(true);
    expect(DateScalar.parseValue(value)).toBe(value);
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value })).toBe(value);
  });

  it.each(['0000-01-01', '0999-12-31', '10000-01-01', '2023-02-29', '2020-13-01', '2020-1-01', '2020-01-0\u0000'])(
    'refuses %j',
    (value) => {
      expect(isDateInRange(value)).toBe(false);
      expect(() => DateScalar.parseValue(value)).toThrow();
      expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value })).toThrow();
    },
  );

  it('serialises dates as read from PostgreSQL unchanged, and refuses what is not a date', () => {
    expect(DateScalar.serialize('1993-06-01')).toBe('1993-06-01');
    expect(() => DateScalar.serialize('June 1993')).toThrow();
  });

  it('says which years it takes', () => {
    expect(() => DateScalar.parseValue('0000-01-01')).toThrow('Date must lie in the years 1000 to 9999');
  });
});

describe('DateTime', () => {
  it('accepts years 1000 to 9999 in UTC', () => {
    expect(DateTimeScalar.parseValue('1000-01-01T00:00:00Z')).toEqual(new Date('1000-01-01T00:00:00Z'));
    expect(DateTimeScalar.parseValue('9999-12-31T23:59:59Z')).toEqual(new Date('9999-12-31T23:59:59Z'));
  });

  it.each(['0000-01-01T00:00:00Z', '0999-12-31T23:59:59Z', '9999-12-31T23:00:00-05:00'])('refuses %s', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow('DateTime must lie in the years 1000 to 9999');
  });
});
