import { type FieldNode, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentsOf } from '../../src/http/audit-arguments';

function firstField(document: string): FieldNode {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections[0] as FieldNode;
}

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

  it('shortens long strings and replaces very large arguments by their size', () => {
    const long = 'x'.repeat(600);
    expect(argumentsOf(firstField(`mutation { m(note: "${long}") { id } }`), {})).toEqual({
      note: `${'x'.repeat(500)}…`,
    });
    const rows = Array.from({ length: 100 }, () => 'y'.repeat(400));
    const answer = argumentsOf(firstField('mutation ($rows: [String!]) { m(rows: $rows) { id } }'), { rows });
    expect(answer).toEqual({ omitted: expect.stringMatching(/^\d+ characters of arguments$/) });
  });
});
