import { seesNetworkData } from '../../auth/authorize';
import type { Viewer } from '../../auth/viewer';

/**
 * Anonymous callers see public inventories only, and every figure they get (progress, totals, alliance
 * progress) is computed from public inventories only, so nothing non-public can be inferred from them.
 * API keys (PARTNER and up) see every inventory.
 */
export function publicInventoriesOnly(viewer: Viewer): boolean {
  return !seesNetworkData(viewer);
}

/** SQL condition restricting the inventories aliased `alias` to what the viewer may see. */
export function visibleInventoriesSql(viewer: Viewer, alias: string): string {
  return publicInventoriesOnly(viewer) ? `${alias}.is_public` : 'true';
}
