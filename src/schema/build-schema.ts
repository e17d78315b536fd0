import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, isInputObjectType, isObjectType, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage } from 'type-graphql';
import { knownFields, referenceBatches, referenceResolvers, resolvers } from '../modules';
import { applyColumnLengths } from './input-lengths';
import { answerEntitiesInBatches } from './entity-batches';
import { answerKnownFields } from './known-fields';
import { plainRootQueries } from './plain-root-queries';

/** The Federation 2 version we link: the lowest that has every directive we use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@shareable"])';

function mergeResolverMaps(maps: Record<string, Record<string, unknown>>[]): GraphQLResolverMap {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) merged[typeName] = { ...merged[typeName], ...fields };
  }
  return merged as GraphQLResolverMap;
}

/**
 * buildSubgraphSchema rebuilds the schema from SDL, which drops extensions (a field's cost, an input field's maxLength,
 * an input type's storedAs): copy them back onto the fields of object and input types and onto input types.
 */
function copyExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    const bothObjects = isObjectType(type) && isObjectType(target);
    const bothInputs = isInputObjectType(type) && isInputObjectType(target);
    if (!bothObjects && !bothInputs) continue;
    if (bothInputs && Object.keys(type.extensions).length) {
      Object.assign(target, { extensions: { ...target.extensions, ...type.extensions } });
    }
    const targetFields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      if (targetFields[name] && Object.keys(field.extensions).length) {
        Object.assign(targetFields[name], { extensions: { ...targetFields[name].extensions, ...field.extensions } });
      }
    }
  }
}

/**
 * buildSubgraphSchema's `_service { sdl }` prints every federation definition; serve the subgraph SDL instead, so a
 * gateway introspecting the server sees exactly the committed schema.graphql.
 */
function serveSubgraphSdl(schema: GraphQLSchema): void {
  const sdl = printSubgraphSchema(schema);
  const service = schema.getQueryType()?.getFields()._service;
  if (service) service.resolve = () => ({ sdl });
}

/**
 * A plain `@Field` (no `@FieldResolver`, no middleware, no roles, its GraphQL name the property's) is marked `simple`,
 * type-graphql's own option for it: the field then has no resolver of its own and execution reads the property, as it
 * would without type-graphql. Otherwise type-graphql wraps every such field in a resolver that allocates its
 * middleware arguments to run no middleware (this schema has none), for every field of every row.
 */
function plainFieldsSimple(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.middlewares?.length || field.roles || field.name !== field.schemaName) continue;
    field.simple ??= true;
  }
}

/** The API as an Apollo Federation 2 subgraph schema, built from the type-graphql modules. */
export async function buildFederatedSchema(): Promise<GraphQLSchema> {
  plainFieldsSimple();
  const typeGraphqlSchema = await buildSchema({ resolvers, validate: false, skipCheck: true });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolverMap = mergeResolverMaps([
    createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>,
    ...referenceResolvers,
  ]);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolverMap }]);
  copyExtensions(typeGraphqlSchema, schema);
  applyColumnLengths(schema);
  plainRootQueries(schema, resolvers);
  answerKnownFields(schema, knownFields);
  answerEntitiesInBatches(schema, referenceBatches);
  serveSubgraphSdl(schema);
  return schema;
}
