/**
 * N concurrent requests on a token the server has just expired. 3 rounds (the median needs
 * them). 10,000 is the largest N the brief asks for, but only loginkit runs it: ky's README
 * hook signs in once per 401, so its 10,000 storm is 10,000 sign-ins and about a minute a round,
 * which would take most of `pnpm bench`'s 10-minute budget on 2 cores. The other clients stop
 * at 1,000, where their behaviour (one sign-in per 401, or 401s rejected) is already plain.
 */
export const stormSizes = {
  counts: [10, 100, 1_000, 10_000],
  /** The largest N every client runs; above it, loginkit only. */
  largestForEveryClient: 1_000,
  rounds: 3,
  /** The server holds each sign-in this long, so 401s that arrive meanwhile overlap one sign-in. */
  signInDelayMs: 20,
  /** Pause after closing idle sockets, before the client warms up, so no storm call meets a dead one. */
  settleMs: 100,
} as const;
