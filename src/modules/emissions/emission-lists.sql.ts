import type { Viewer } from '../../auth/viewer';
import type { ListEdge } from '../../common/read-plan';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { visibleInventoriesSql } from './inventory-visibility.rules';
import { standardRankSql } from './standard-preference';

/**
 * Inventories and records as a member's plan reads them, in its statement: the rows, conditions and order of
 * inventoriesByMember, latestInventoryByMember and recordsByInventory (emission.loaders.ts), which read them otherwise.
 */
export const recordsOfInventory: ListEdge = {
  entity: EmissionRecord,
  via: 'inventory',
  always: ['sector'],
  keysOnly: ['inventory'],
  orderBy: (column) => `${column('sector')}, ${column('energyCarrier')}, ${column('scope')}`,
};

function visibleInventories(
  viewer: Viewer,
): Pick<ListEdge, 'entity' | 'via' | 'always' | 'keysOnly' | 'where' | 'lists'> {
  return {
    entity: EmissionInventory,
    via: 'member',
    // what the field's arguments filter by
    always: ['year', 'standard'],
    keysOnly: ['member', 'dataSource'],
    where: (alias) => visibleInventoriesSql(viewer, alias),
    lists: { records: recordsOfInventory },
  };
}

interface InventoryEdges {
  inventories: ListEdge;
  latestInventory: ListEdge;
}

/**
 * The edges per visibility condition (its SQL for a stand-in alias): viewers whose condition reads alike get the same
 * edge objects, so what is derived from an edge (its part of a plan's key) is derived once.
 */
const edgesByCondition = new Map<string, InventoryEdges>();

function inventoryEdges(viewer: Viewer): InventoryEdges {
  const condition = visibleInventoriesSql(viewer, '_');
  let edges = edgesByCondition.get(condition);
  if (!edges) {
    edges = {
      inventories: {
        ...visibleInventories(viewer),
        orderBy: (column) => `${column('year')}, ${standardRankSql(column('standard'))}`,
      },
      latestInventory: {
        ...visibleInventories(viewer),
        orderBy: (column) => `${column('year')} desc, ${standardRankSql(column('standard'))}`,
        single: true,
      },
    };
    edgesByCondition.set(condition, edges);
  }
  return edges;
}

/** The member's inventories the viewer may see, oldest first, in standard preference order within a year. */
export function inventoriesOfMember(viewer: Viewer): ListEdge {
  return inventoryEdges(viewer).inventories;
}

/** The preferred inventory of the latest year the viewer may see, or null. */
export function latestInventoryOfMember(viewer: Viewer): ListEdge {
  return inventoryEdges(viewer).latestInventory;
}
