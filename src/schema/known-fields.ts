import { defaultFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { KnownFields } from '../common/known-fields';

function givesNoArgument(args: Record<string, unknown>): boolean {
  for (const name in args) if (args[name] != null) return false;
  return true;
}

/**
 * Answers each field of `known` with the value its parent already holds, before its resolver runs (which it still does
 * when the value is not known, or when an argument is given).
 */
export function answerKnownFields(schema: GraphQLSchema, known: KnownFields[]): void {
  for (const fields of known) {
    for (const [typeName, values] of Object.entries(fields)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`known fields of ${typeName}: no such object type`);
      for (const [fieldName, knownValue] of Object.entries(values)) {
        const field = type.getFields()[fieldName];
        if (!field) throw new Error(`known field ${typeName}.${fieldName}: no such field`);
        const resolve = field.resolve ?? defaultFieldResolver;
        field.resolve = (parent, args, context, info) => {
          if (givesNoArgument(args)) {
            const value = knownValue(parent as object);
            if (value !== undefined) return value;
          }
          return resolve(parent, args, context, info);
        };
      }
    }
  }
}
