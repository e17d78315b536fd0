import { forbidden, unauthenticated } from '../common/errors';
import { ViewerRole } from './roles';
import type { Viewer } from './viewer';

/** Refuses the request unless the viewer has one of `roles` (ADMIN always may). */
export function requireRole(viewer: Viewer, action: string, ...roles: ViewerRole[]): void {
  if (viewer.role === ViewerRole.ADMIN || roles.includes(viewer.role)) return;
  if (viewer.role === ViewerRole.ANONYMOUS) throw unauthenticated(`${action} needs an API key`);
  throw forbidden(`${action} is not allowed for role ${viewer.role}`);
}

export function requireAdmin(viewer: Viewer, action: string): void {
  requireRole(viewer, action);
}

/** ADMIN, or a MEMBER_EDITOR scoped to this member. */
export function requireMemberEditor(viewer: Viewer, memberId: string, action: string): void {
  requireRole(viewer, action, ViewerRole.MEMBER_EDITOR);
  if (viewer.role === ViewerRole.MEMBER_EDITOR && viewer.memberId !== memberId) {
    throw forbidden(`${action}: this key may only write member ${viewer.memberId}`);
  }
}

/** ANALYST and ADMIN see all non-restricted data; PARTNER and editors see network-visible data too. */
export function seesNetworkData(viewer: Viewer): boolean {
  return viewer.role !== ViewerRole.ANONYMOUS;
}
