import { collectSecrets, scrubSecrets } from "./scrub-secrets.js";

/**
 * Every secret one client holds: the configured credentials, the ones its last sign-in used and
 * its current tokens. Each layer is handed this one object (the session keeps it current), so
 * errors and events anywhere can be scrubbed without a layer reaching into another.
 */
export class KnownSecrets {
  readonly #configured: unknown;
  #credentialsUsed: unknown;
  #tokens: readonly (string | undefined)[] = [];

  constructor(configuredCredentials: unknown) {
    // A credentials function is a lookup, not a secret: what it returns is remembered at sign-in.
    this.#configured =
      typeof configuredCredentials === "function" ? undefined : configuredCredentials;
  }

  /** The credentials a sign-in resolved (from a function, or given to `signIn()`). */
  rememberCredentials(credentials: unknown): void {
    this.#credentialsUsed = credentials;
  }

  /** The tokens of the session now in use (none after a sign-out). */
  rememberTokens(accessToken?: string, refreshToken?: string): void {
    this.#tokens = [accessToken, refreshToken];
  }

  /** `value` with every known secret replaced, in every encoding `scrubSecrets` knows. */
  scrub<T>(value: T): T {
    return scrubSecrets(value, this.list());
  }

  /** Longest first; read only when an error or event is built, never on the hot path. */
  list(): string[] {
    return collectSecrets(this.#configured, this.#credentialsUsed, ...this.#tokens);
  }
}
