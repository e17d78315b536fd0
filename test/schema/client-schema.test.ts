import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  introspectionFromSchema,
  type IntrospectionQuery,
  parse,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/http/explorer/example-queries';
import { startTestApp, type TestApp } from '../support/test-app';

const CLIENT_SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.client.graphql');
const FEDERATION_MACHINERY = [
  '_service',
  '_entities',
  '_Any',
  '_Entity',
  '_Service',
  'link__Import',
  'link__Purpose',
  'federation__FieldSet',
];

let api: TestApp;
let sdl: string;
beforeAll(async () => {
  api = await startTestApp();
  sdl = fs.readFileSync(CLIENT_SCHEMA_FILE, 'utf8');
});
afterAll(() => api?.close());

/** Every type of a schema with its fields (or enum values, or input fields), sorted, for comparing two schemas. */
function shape(types: IntrospectionQuery['__schema']['types']): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const type of types) {
    if (type.name.startsWith('__')) continue;
    // introspection gives every type all three lists, null where they do not apply
    const { fields, inputFields, enumValues } = type as unknown as Record<string, { name: string }[] | null>;
    const members = fields ?? inputFields ?? enumValues ?? [];
    result[type.name] = members.map((member) => member.name).sort();
  }
  return result;
}

describe('schema.client.graphql', () => {
  it('is a schema plain graphql-js builds, without federation machinery', () => {
    const schema = buildSchema(sdl);
    expect(sdl).not.toMatch(/@link|@key|@shareable|specs\.apollo\.dev/);
    for (const name of FEDERATION_MACHINERY) {
      expect(schema.getType(name), name).toBeUndefined();
      expect(Object.keys(schema.getQueryType()!.getFields())).not.toContain(name);
    }
    expect(schema.getType('Date')).toBeDefined();
    expect(schema.getType('DateTime')).toBeDefined();
  });

  it('has every type and field the server answers introspection with, apart from federation machinery', async () => {
    const served = await api.graphql<IntrospectionQuery>(getIntrospectionQuery());
    expect(served.errors).toBeUndefined();
    const expected = shape(served.data!.__schema.types);
    for (const name of FEDERATION_MACHINERY) delete expected[name];
    expected.Query = expected.Query!.filter((field) => !FEDERATION_MACHINERY.includes(field));
    expect(Object.keys(expected).length).toBeGreaterThan(50);

    expect(shape(introspectionFromSchema(buildSchema(sdl)).__schema.types)).toEqual(expected);
  });

  it("validates the README's example queries", () => {
    const schema = buildSchema(sdl);
    for (const query of EXAMPLE_QUERIES) expect(validate(schema, parse(query))).toEqual([]);
  });
});
