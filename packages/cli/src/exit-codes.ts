/** What the `loginkit` process exit code means (README, "Exit codes"). */
export const EXIT = {
  /** Done; `check`: every answer conforms. */
  ok: 0,
  /** `check` found drift, or the work failed for another reason (message on stderr). */
  failed: 1,
  /** Bad arguments, unknown provider, missing environment variable. */
  usage: 2,
  /** The provider could not be reached: connection refused, DNS, timeout. */
  unreachable: 3,
  /** The provider refused the credentials from the environment. */
  refused: 4,
} as const;
