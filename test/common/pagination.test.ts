import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { cursorBindings, type CursorValueType, decodeCursor, encodeCursor } from '../../src/common/pagination';

const ID = '00000000-0000-4000-8000-000000000001';

describe('cursorBindings', () => {
  it.each<[CursorValueType, string | number]>([
    ['text', 'Wien'],
    ['integer', 2_147_483_647],
    ['integer', -1],
    ['double precision', -1e308],
    ['date', '2020-02-29'],
    ['date', 'infinity'],
    ['date', '-infinity'],
    ['timestamptz', '2026-11-30T08:15:00.123Z'],
  ])('passes a %s cursor value %j with its id', (type, value) => {
    expect(cursorBindings([value, ID], type)).toEqual([value, ID]);
  });

  it.each<[string, CursorValueType, (string | number)[]]>([
    ['a text with a NUL', 'text', ['Wi\u0000en', ID]],
    ['a number for a text', 'text', [1, ID]],
    ['a text for an integer', 'integer', ['Wien', ID]],
    ['a fraction for an integer', 'integer', [1.5, ID]],
    ['an integer beyond 32 bits', 'integer', [2 ** 31, ID]],
    ['a name for a date', 'date', ['Wien', ID]],
    ['year 0', 'date', ['0000-01-01', ID]],
    ['a date for a timestamp', 'timestamptz', ['2026-11-30', ID]],
    ['an id that is no UUID', 'text', ['Wien', 'not-a-uuid']],
    ['a number as id', 'text', ['Wien', 7]],
  ])('refuses %s as BAD_USER_INPUT naming after', (_label, type, values) => {
    expect(() => cursorBindings(values, type)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it('takes what decodeCursor gives back from encodeCursor', () => {
    const values = decodeCursor('after', encodeCursor(['2020-01-01', ID]), 2);
    expect(cursorBindings(values, 'date')).toEqual(['2020-01-01', ID]);
  });
});
