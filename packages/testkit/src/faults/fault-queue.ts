import type { Fault, FaultTarget } from "./fault.js";

interface QueuedFault {
  readonly fault: Fault;
  readonly target: FaultTarget;
  remaining: number;
}

/** Faults wait in the order injected; a request takes the first whose target it matches. */
export class FaultQueue {
  readonly #queue: QueuedFault[] = [];

  add(fault: Fault, target: FaultTarget = {}): void {
    const times = target.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`times must be a positive integer, got ${times}`);
    this.#queue.push({ fault, target, remaining: times });
  }

  take(request: { operationId?: string; path: string; pathTemplate?: string }): Fault | undefined {
    const index = this.#queue.findIndex(
      ({ target }) =>
        (target.operationId === undefined || target.operationId === request.operationId) &&
        (target.path === undefined ||
          target.path === request.path ||
          target.path === request.pathTemplate),
    );
    const queued = this.#queue[index];
    if (queued === undefined) return undefined;
    queued.remaining -= 1;
    if (queued.remaining === 0) this.#queue.splice(index, 1);
    return queued.fault;
  }

  get pending(): number {
    return this.#queue.length;
  }

  clear(): void {
    this.#queue.length = 0;
  }
}
