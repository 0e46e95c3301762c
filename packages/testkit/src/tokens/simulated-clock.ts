/** The simulator's notion of now: real time plus an offset that tests move forward. */
export interface SimulatorClock {
  /** The simulated current time. */
  now(): Date;
  /** Moves simulated time forward, e.g. past a token's expiry, without waiting. */
  advance(milliseconds: number): void;
  /** How far simulated time is ahead of real time, in milliseconds. */
  readonly offsetMs: number;
}

export function createSimulatedClock(): SimulatorClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0) {
        throw new RangeError(
          `clock.advance expects a non-negative number of ms, got ${milliseconds}`,
        );
      }
      offsetMs += milliseconds;
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}
