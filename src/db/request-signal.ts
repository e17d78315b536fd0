import type { RequestSignal } from '../common/request-scope';

/**
 * A RequestSignal for one request, aborted once: the listeners of the statements running then are called. Every
 * request makes one, so it is lighter than an AbortController (an EventTarget, its event objects and bookkeeping):
 * the listeners are only ever the statement guard's own, called once.
 */
export class RequestAbort implements RequestSignal {
  aborted = false;
  private listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.listeners.indexOf(listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

/** A statement refused because the request it belongs to was given up (timed out, or its client went away). */
export class RequestAbortedError extends Error {
  override name = 'RequestAbortedError';
}
