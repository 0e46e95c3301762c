/**
 * The renewal lease's timing, all of it derived here and nowhere else: the lease's length, how
 * often its holder extends it, and how long a waiter waits for the holder's result. Core owns
 * these numbers and hands the length to the store with every `acquireLease`; a store never
 * changes it.
 *
 * - The lease is short (seconds) and kept alive by a heartbeat while its holder works, so it
 *   neither lapses under a live holder (however slow the provider) nor outlives a dead one by
 *   more than its length: a SIGKILLed holder costs the others `leaseMs` plus one poll.
 * - A waiter never renews without the lease: it waits until the holder stores a session, lets
 *   go, or stops extending the lease (then exactly one waiter takes it, atomically).
 * - A store whose calls time out is waited for (it may be this process's starved event loop,
 *   and renewing without the lease would spend the fleet's refresh token) for one attempt's
 *   timeout; only a store that fails outright, or stays slow that long, means renewing alone.
 * - A waiter's patience is the holder's own renewal budget (every attempt timing out, every
 *   backoff at its ceiling) plus one lease: past that the holder's renewal has failed anyway,
 *   so the wait ends with a `TimeoutError` instead of hanging.
 */
export interface LeaseTiming {
  /** How long a lease lasts without a heartbeat, in ms: what a dead holder costs the others. */
  readonly leaseMs: number;
  /** How often the holder extends the lease while it renews, in ms. */
  readonly heartbeatMs: number;
  /** The longest a client waits for another client's renewal, in ms. */
  readonly patienceMs: number;
  /**
   * The longest a client waits out a store that answers too slowly (its calls time out) before
   * renewing by itself, in ms: one attempt's timeout, as a store slower than that is as good as
   * gone for the call waiting on it.
   */
  readonly slowStorePatienceMs: number;
}

export interface LeaseTimingInput {
  /** The client's per-attempt timeout in ms, or `false` for none. */
  readonly timeout: number | false;
  /** Retries after the first attempt. */
  readonly retryLimit: number;
  /** The largest backoff between attempts, in ms. */
  readonly maxRetryDelay: number;
  /** An explicit lease length (the `leaseTtl` option); the rest still follows from it. */
  readonly leaseTtl?: number;
}

/** The default lease length: what a killed holder costs the fleet. */
export const DEFAULT_LEASE_MS = 5_000;
/** A heartbeat five times per lease: an event loop stalled for 4/5 of it keeps the lease. */
const HEARTBEATS_PER_LEASE = 5;
/** An attempt without a timeout is still waited for this long at most. */
const UNBOUNDED_ATTEMPT_MS = 60_000;

export function deriveLeaseTiming(input: LeaseTimingInput): LeaseTiming {
  const perAttempt = input.timeout === false ? UNBOUNDED_ATTEMPT_MS : input.timeout;
  const attempts = input.retryLimit + 1;
  const leaseMs = input.leaseTtl ?? DEFAULT_LEASE_MS;
  const heartbeatMs = Math.max(1, Math.floor(leaseMs / HEARTBEATS_PER_LEASE));
  // A renewal may be a refused refresh followed by a sign-in: two operations, each with retries.
  const renewalBudget = 2 * (perAttempt * attempts + input.maxRetryDelay * input.retryLimit);
  return {
    leaseMs,
    heartbeatMs,
    patienceMs: renewalBudget + leaseMs,
    slowStorePatienceMs: Math.max(perAttempt, leaseMs),
  };
}
