import { MetadataStorage } from '@mikro-orm/core';
import {
  type GraphQLInputObjectType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isScalarType,
} from 'graphql';
import { entities } from '../modules';

/**
 * The entity an input type is stored as: the class named by its `storedAs` extension (type-graphql `@Extensions`), or
 * else the one its name says once `Input` or `Update` is cut off (`MemberUpdate` → `Member`).
 */
function storedEntity(type: GraphQLInputObjectType): Function | undefined {
  const name = (type.extensions.storedAs as string | undefined) ?? type.name.replace(/(Input|Update)$/, '');
  return entities.find((entity) => entity.name === name);
}

/** The declared length of an entity's string column, e.g. 300 for `Member.website` (`@Property({ length: 300 })`). */
export function columnLength(entity: Function, property: string): number | undefined {
  const { properties } = MetadataStorage.getMetadataFromDecorator(entity) as {
    properties: Record<string, { length?: unknown }>;
  };
  const length = properties[property]?.length;
  return typeof length === 'number' ? length : undefined;
}

/**
 * Gives every string input field stored in a column of declared length that length as `extensions.maxLength`, unless
 * the field declares its own; the boundary check (src/http/input-boundary.ts) refuses longer strings, so PostgreSQL
 * never has to.
 */
export function applyColumnLengths(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    const entity = storedEntity(type);
    if (!entity) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions.maxLength !== undefined || !isScalarType(getNamedType(field.type))) continue;
      const maxLength = columnLength(entity, field.name);
      if (maxLength !== undefined) Object.assign(field, { extensions: { ...field.extensions, maxLength } });
    }
  }
}
