/**
 * What the field resolvers of Member and CoordinationOffice read from their parent: an entity, or a plain object read
 * by a plan. Interfaces, not the entity classes, so type-graphql passes the parent through instead of copying it into
 * a new entity (with a fresh id and timestamps) for every field of every row.
 */
export interface MemberParent {
  id: string;
  country: { code: string };
  coordinationOffice: { id: string } | null;
}

export interface CoordinationOfficeParent {
  country: { code: string };
}
