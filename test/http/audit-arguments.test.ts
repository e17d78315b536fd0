import { type FieldNode, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentsOf, storableText } from '../../src/http/audit-arguments';

function firstField(document: string): FieldNode {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections[0] as FieldNode;
}

const withVariable = firstField('mutation ($value: JSON) { m(value: $value) { id } }');

describe('audit log arguments', () => {
  it('fills in variables and redacts anything named like a secret, at any depth', () => {
    const field = firstField(
      'mutation ($pw: String) { rotate(key: "abc", input: { name: "n", password: $pw, nested: [{ apiKey: "k", clientSecret: "s", token: "t" }] }) { id } }',
    );
    expect(argumentsOf(field, { pw: 'hunter2' })).toEqual({
      key: '[REDACTED]',
      input: {
        name: 'n',
        password: '[REDACTED]',
        nested: [{ apiKey: '[REDACTED]', clientSecret: '[REDACTED]', token: '[REDACTED]' }],
      },
    });
  });

  it('shortens long strings and replaces very large arguments by a note', () => {
    const long = 'x'.repeat(600);
    expect(argumentsOf(firstField(`mutation { m(note: "${long}") { id } }`), {})).toEqual({
      note: `${'x'.repeat(500)}…`,
    });
    const rows = Array.from({ length: 100 }, () => 'y'.repeat(400));
    const answer = argumentsOf(firstField('mutation ($rows: [String!]) { m(rows: $rows) { id } }'), { rows });
    expect(answer).toEqual({ omitted: 'more than 20000 characters of arguments' });
    expect(argumentsOf(withVariable, { value: 'z'.repeat(5_000_000) })).toEqual({ value: `${'z'.repeat(500)}…` });
  });

  it.each([
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['other control characters', '\u0001\u001b[31m\u007f\u0085', '\\u0001\\u001b[31m\\u007f\\u0085'],
    ['a lone high surrogate', 'a\ud83db', 'a\\ud83db'],
    ['a lone low surrogate', 'a\ude00b', 'a\\ude00b'],
    ['a lone surrogate at the end', 'ab\ud83d', 'ab\\ud83d'],
  ])('writes %s as its escape, so the entry shows what was sent', (_what, sent, stored) => {
    expect(argumentsOf(withVariable, { value: sent })).toEqual({ value: stored });
  });

  it('keeps tabs, newlines and whole surrogate pairs as they are', () => {
    expect(argumentsOf(withVariable, { value: 'a\tb\nc\r😀' })).toEqual({ value: 'a\tb\nc\r😀' });
  });

  it('escapes unstorable characters in keys too', () => {
    expect(argumentsOf(withVariable, { value: { 'na\u0000me': 1 } })).toEqual({ value: { 'na\\u0000me': 1 } });
  });

  it('never cuts a surrogate pair in two when it shortens', () => {
    const text = `${'x'.repeat(499)}😀tail`;
    const stored = storableText(text);
    expect(stored).toBe(`${'x'.repeat(499)}…`);
    expect(storableText('😀😀😀', 3)).toBe('😀…');
  });

  it('cuts nesting deeper than 12 levels, however deep it goes', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const answer = argumentsOf(withVariable, { value: deep });
    let depth = 0;
    let node: unknown = answer.value;
    while (Array.isArray(node)) {
      node = node[0];
      depth++;
    }
    expect(depth).toBe(11);
    expect(node).toBe('[nested deeper than 12 levels]');
  });

  it('clips column texts to their length, escapes counted', () => {
    expect(storableText('\u0000'.repeat(50), 49)).toHaveLength(50);
    expect(storableText('\u0000'.repeat(50), 49).startsWith('\\u0000')).toBe(true);
  });
});
