import { composeServices } from '@apollo/composition';
import { Kind, parse, printSchema, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CompositionFailedError, composeSupergraph } from '../../scripts/federation/compose';
import { composeSupergraphWithTheGuild } from '../../scripts/federation/guild-compose';
import { committedSchema, localSubgraphs } from '../../scripts/federation/local-graph';
import { canonicalSdl, joinSemantics } from './supergraph-semantics';

const URLS = { climateAlliance: 'http://127.0.0.1:4001/graphql', cityCycling: 'http://127.0.0.1:4002/graphql' };

/** The Federation 2 version that introduced each directive (Apollo's federation spec changelog). */
const FEDERATION_DIRECTIVE_SINCE: Record<string, number> = {
  key: 2.0,
  shareable: 2.0,
  external: 2.0,
  requires: 2.0,
  provides: 2.0,
  extends: 2.0,
  tag: 2.0,
  inaccessible: 2.0,
  override: 2.0,
  composeDirective: 2.1,
  interfaceObject: 2.3,
  authenticated: 2.5,
  requiresScopes: 2.5,
  policy: 2.6,
  context: 2.8,
  fromContext: 2.8,
  cost: 2.9,
  listSize: 2.9,
};
const GRAPHQL_BUILT_IN_DIRECTIVES = new Set(['deprecated', 'specifiedBy', 'oneOf']);

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function federationLink(document: DocumentNode): { version: number; imports: string[] } {
  const links = document.definitions.flatMap((definition) =>
    definition.kind === Kind.SCHEMA_EXTENSION
      ? (definition.directives ?? []).filter((directive) => directive.name.value === 'link')
      : [],
  );
  expect(links).toHaveLength(1);
  const url = stringArgument(links[0], 'url')!;
  const imports = links[0].arguments?.find((argument) => argument.name.value === 'import')?.value;
  return {
    version: Number(/^https:\/\/specs\.apollo\.dev\/federation\/v(\d+\.\d+)$/.exec(url)![1]),
    imports: imports?.kind === Kind.LIST ? imports.values.map((value) => (value as { value: string }).value) : [],
  };
}

function directivesUsed(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'link' && !GRAPHQL_BUILT_IN_DIRECTIVES.has(node.name.value)) used.add(node.name.value);
    },
  });
  return used;
}

function keysOf(document: DocumentNode): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const key = definition.directives?.find((directive) => directive.name.value === 'key');
    if (key) keys[definition.name.value] = stringArgument(key, 'fields')!;
  }
  return keys;
}

describe('our subgraph contract (schema.graphql)', () => {
  const schema = parse(committedSchema());

  it('links the lowest Federation 2 version that has every directive it uses, and imports each of them', () => {
    const link = federationLink(schema);
    const used = [...directivesUsed(schema)];
    expect(used.every((name) => name in FEDERATION_DIRECTIVE_SINCE)).toBe(true);
    expect(link.imports.sort()).toEqual(used.map((name) => `@${name}`).sort());
    expect(link.version).toBe(Math.max(2.0, ...used.map((name) => FEDERATION_DIRECTIVE_SINCE[name])));
  });

  it('declares the entities of the design, each with its key, and shares PageInfo', () => {
    const expected: Record<string, string> = {
      Member: 'id',
      Country: 'code',
      IndigenousOrganisation: 'id',
      BiodiversityProject: 'id',
    };
    const keys = keysOf(schema);
    expect(keys).toMatchObject({ Member: 'id', Country: 'code' });
    for (const [type, fields] of Object.entries(keys)) expect(expected[type]).toBe(fields);
    const pageInfo = schema.definitions.find(
      (definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'PageInfo',
    );
    expect(pageInfo && 'directives' in pageInfo && pageInfo.directives?.map((d) => d.name.value)).toEqual([
      'shareable',
    ]);
  });
});

describe('composition with the City Cycling example', () => {
  it('composes without errors and without hints that matter', () => {
    const { supergraphSdl, hints } = composeSupergraph(localSubgraphs(URLS));
    expect(hints.filter((hint) => hint.level !== 'DEBUG')).toEqual([]);
    expect(supergraphSdl).toContain('join__graph(name: "climate-alliance", url: "http://127.0.0.1:4001/graphql")');
    expect(supergraphSdl).toContain('join__graph(name: "city-cycling", url: "http://127.0.0.1:4002/graphql")');
    expect(supergraphSdl).toMatch(/type Member\s[^{]*@join__type\(graph: CITY_CYCLING, key: "id"\)/);
    expect(supergraphSdl).toMatch(/cityCyclingResults: \[CityCyclingResult!\]! @join__field\(graph: CITY_CYCLING\)/);
  });

  function composeWithPartner(partnerSdl: string) {
    const [ours] = localSubgraphs(URLS);
    return () => composeSupergraph([ours, { name: 'partner', url: URLS.cityCycling, typeDefs: parse(partnerSdl) }]);
  }

  it('fails when a partner redefines a field of our entity without sharing it', () => {
    const attempt = composeWithPartner(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
      type Query { cyclingMembers: [Member!]! }
      type Member @key(fields: "id") { id: ID! name: String! }
    `);
    expect(attempt).toThrow(CompositionFailedError);
    expect(attempt).toThrow(/INVALID_FIELD_SHARING.*Member\.name/);
  });

  it('fails on a hint that matters: a shared type described differently', () => {
    const attempt = composeWithPartner(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@shareable"])
      type Query { cyclingPage: PageInfo! }
      "Paging, the partner's way."
      type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
    `);
    expect(attempt).toThrow(/INCONSISTENT_DESCRIPTION/);
  });
});

describe("The Guild's composer (Hive) and Apollo's", () => {
  const apollo = () => composeServices(localSubgraphs(URLS));
  const guild = () => composeSupergraphWithTheGuild(localSubgraphs(URLS));

  it('both compose our subgraph with the City Cycling example', () => {
    expect(apollo().errors).toBeUndefined();
    expect(guild).not.toThrow();
  });

  it('give clients the same API: every type, field, argument and description', () => {
    const apolloResult = apollo();
    const apolloApi = printSchema(apolloResult.schema!.toAPISchema().toGraphQLJSSchema());
    expect(apolloApi).toContain('cityCyclingRanking');
    expect(canonicalSdl(guild().publicSdl)).toBe(canonicalSdl(apolloApi));
  });

  it('give gateways the same plan: subgraphs, entity keys and the subgraphs that resolve each field', () => {
    const apolloJoin = joinSemantics(apollo().supergraphSdl!);
    expect(apolloJoin.resolvedBy['Member.cityCyclingResults']).toEqual(['CITY_CYCLING']);
    expect(apolloJoin.resolvedBy['Member.name']).toEqual(['CLIMATE_ALLIANCE']);
    expect(apolloJoin.keys.BiodiversityProject).toEqual([
      'CITY_CYCLING id resolvable=false',
      'CLIMATE_ALLIANCE id resolvable=true',
    ]);
    expect(joinSemantics(guild().supergraphSdl)).toEqual(apolloJoin);
  });

  it('both refuse a partner that redefines a field of our entity without sharing it', () => {
    const [ours] = localSubgraphs(URLS);
    const partner = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
      type Query { cyclingMembers: [Member!]! }
      type Member @key(fields: "id") { id: ID! name: String! }
    `);
    const subgraphs = [ours, { name: 'partner', url: URLS.cityCycling, typeDefs: partner }];
    expect(() => composeSupergraph(subgraphs)).toThrow(/INVALID_FIELD_SHARING.*Member\.name/);
    expect(() => composeSupergraphWithTheGuild(subgraphs)).toThrow(/INVALID_FIELD_SHARING.*Member\.name/);
  });
});
