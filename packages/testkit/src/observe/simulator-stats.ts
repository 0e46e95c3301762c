/** Counters since the simulator started (a snapshot: read `sim.stats` again for fresh numbers). */
export interface SimulatorStats {
  /** Successful sign-ins (including sign-ins by a cookie flow such as a password reset). */
  readonly signIns: number;
  /** Sign-in attempts answered with an error (bad credentials or bad input). */
  readonly failedSignIns: number;
  /** Successful refreshes. */
  readonly refreshes: number;
  /** Token families revoked because a spent refresh token came back (`refreshTokenReuse`). */
  readonly revokedTokenFamilies: number;
  /** Requests carrying each simulator-issued access token, by the token's `jti`. */
  readonly requestsByToken: Readonly<Record<string, number>>;
  /** Requests by operationId (`__loginkit/protected`, `__loginkit/echo` for the test endpoints). */
  readonly requestsByOperation: Readonly<Record<string, number>>;
}
