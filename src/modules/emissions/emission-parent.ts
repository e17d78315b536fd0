/**
 * What the field resolvers of EmissionInventory read from their parent: an entity, or a plain row read by a plan.
 * An interface, not the entity class, so type-graphql passes planned rows through instead of copying each into an entity.
 */
export interface InventoryParent {
  id: string;
  member: { id: string };
  dataSource: { id: string } | null;
}
