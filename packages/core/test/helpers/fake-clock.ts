import { afterEach, beforeEach, vi } from "vitest";

/** The instant every fake-clock test starts at: far from today, so no test leans on real time. */
export const FAKE_NOW = new Date("2030-01-01T00:00:00Z");

/** Puts `setTimeout`, `Date` and friends on a fake clock at `FAKE_NOW`; back to real time after. */
export function startFakeClock(): void {
  vi.useFakeTimers({ now: FAKE_NOW });
}

/** For a whole file: every test starts on the fake clock and ends on real time. */
export function useFakeClock(): void {
  beforeEach(startFakeClock);
  afterEach(() => {
    vi.useRealTimers();
  });
}
