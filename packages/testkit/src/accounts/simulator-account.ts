/** Credentials the simulator accepts, and who they sign in. */
export interface SimulatorAccount<Credentials = Readonly<Record<string, unknown>>> {
  /** Names the account in logs and stats: the example's name, else its identifier. */
  readonly name: string;
  /** The JWT `sub` of its tokens: the first non-secret credential value. */
  readonly subject: string;
  /** The sign-in request body that signs this account in (secrets change after a password reset). */
  readonly credentials: Credentials;
  /** Merged into the sign-in answer for this account (deep), e.g. a different user id. */
  readonly profile?: Readonly<Record<string, unknown>>;
}

/** An account given in `options.accounts`; one with the name of a derived account replaces it. */
export interface SimulatorAccountInput {
  readonly name?: string;
  readonly credentials: Readonly<Record<string, unknown>>;
  readonly profile?: Readonly<Record<string, unknown>>;
}
