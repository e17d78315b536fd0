import { AsyncLocalStorage } from 'node:async_hooks';

const requestSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work`, and everything it starts, under `signal`: once the signal aborts, their SQL stops (statement-guard.ts). */
export function underSignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/** The signal of the request whose code is running, if any. */
export function currentSignal(): AbortSignal | undefined {
  return requestSignal.getStore();
}

/** A statement refused because the request it belongs to was given up (timed out, or its client went away). */
export class RequestAbortedError extends Error {
  override name = 'RequestAbortedError';
}
