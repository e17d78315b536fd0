import type { WindowState } from './cost-store';

/** The points of one bucket in its current window, which ends at `endsAt` (milliseconds since the epoch). */
export interface FixedWindow {
  used: number;
  endsAt: number;
}

/** Whether `window` still counts at `now`: a window ends at its `endsAt`, and the bucket is empty from then on. */
export function isOpen(window: FixedWindow | undefined, now: number): window is FixedWindow {
  return window !== undefined && now < window.endsAt;
}

/**
 * A charge of `points` at `now` to a bucket whose last window is `window` (possibly ended), as rate-limiter-flexible's
 * fixed windows count: added to an open window when the total stays within `limit`, else refused with nothing added;
 * with no open window, a window of `windowMs` opens with the charge (refused without opening one when the charge
 * alone is over the limit).
 */
export function chargeWindow(
  window: FixedWindow | undefined,
  points: number,
  limit: number,
  windowMs: number,
  now: number,
): WindowState {
  if (!isOpen(window, now)) {
    return points > limit
      ? { allowed: false, used: 0, resetMs: 0 }
      : { allowed: true, used: points, resetMs: windowMs };
  }
  const used = window.used + points;
  const resetMs = window.endsAt - now;
  return used > limit ? { allowed: false, used: window.used, resetMs } : { allowed: true, used, resetMs };
}

/** The bucket's points and the milliseconds until its window ends, at `now`; nothing and 0 without an open window. */
export function peekWindow(window: FixedWindow | undefined, now: number): { used: number; resetMs: number } {
  return isOpen(window, now) ? { used: window.used, resetMs: window.endsAt - now } : { used: 0, resetMs: 0 };
}
