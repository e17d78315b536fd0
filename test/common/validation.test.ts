import { describe, expect, it } from 'vitest';
import { requireUrl, textProblem } from '../../src/common/validation';

describe('textProblem', () => {
  it.each([
    ['plain text', 'Wien'],
    ['tab, newline and carriage return', 'a\tb\nc\r\n'],
    ['a surrogate pair (an emoji)', 'forest 🌳'],
    ['exactly the limit', 'x'.repeat(10)],
    ['ten emoji: 20 UTF-16 units but 10 characters', '🌳'.repeat(10)],
  ])('accepts %s', (_label, value) => {
    expect(textProblem(value, 10)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000 (at 1)'],
    ['a bell', '\u0007', 'U+0007'],
    ['DEL', 'x\u007f', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
    ['a lone high surrogate', 'a\ud800', 'lone surrogate U+D800 at 1'],
    ['a lone low surrogate', '\udc00b', 'lone surrogate U+DC00 at 0'],
    ['a reversed pair', '\udc00\ud800', 'lone surrogate U+DC00'],
    ['one character too many', 'x'.repeat(11), 'at most 10 characters, got 11'],
    ['six emoji and five letters: 17 UTF-16 units, 11 characters', '🌳'.repeat(6) + 'x'.repeat(5), 'got 11'],
    ['a megabyte', 'x'.repeat(1_000_000), 'got over 20'],
  ])('refuses %s', (_label, value, message) => {
    expect(textProblem(value, 10)).toContain(message);
  });
});

describe('requireUrl', () => {
  it('applies the length to the normalised URL, which may be longer than the one sent', () => {
    const url = `https://a.example/${'ä'.repeat(50)}`;
    expect(url.length).toBeLessThan(100);
    expect(() => requireUrl('input.website', url, 100)).toThrow(/at most 100 characters \(once normalised\), got 318/);
    expect(requireUrl('input.website', url, 318)).toHaveLength(318);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => requireUrl('input.website', 'javascript:alert(1)', 300)).toThrow(/is not an http\(s\) URL/);
  });
});
