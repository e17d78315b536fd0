import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../src/common/like-pattern';

describe('containsPattern', () => {
  it('escapes the wildcards and the escape character, and matches anywhere in the text', () => {
    expect(containsPattern('Wien')).toBe('%Wien%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
