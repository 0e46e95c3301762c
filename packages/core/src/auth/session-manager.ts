import { AuthenticationError } from "../errors/AuthenticationError.js";
import { LoginkitError } from "../errors/LoginkitError.js";
import { emitEvent, type SessionEvent } from "./session-event.js";
import type { StoredSession, TokenStore } from "./token-store.js";

export interface SignInResult {
  session: StoredSession;
  /** The sign-in response body, returned by `login()`. */
  data: unknown;
}

interface Renewal extends SignInResult {
  via: "refresh" | "sign-in";
  renewed: boolean;
}

export interface SessionManagerOptions {
  provider: string;
  store: TokenStore;
  storeKey: string;
  renewBeforeExpiry: number;
  signIn(credentials?: unknown): Promise<SignInResult>;
  /** Absent when the provider has no refresh operation. */
  refresh?(session: StoredSession): Promise<StoredSession>;
  onEvent?: (event: SessionEvent) => void;
}

/**
 * Owns the token lifecycle: lazy sign-in, renewal inside the skew window, renewal after a
 * rejected token, and single flight (every caller that needs a new token while one is being
 * fetched waits for that same promise and gets the same result or error).
 *
 * No timers: renewal happens on the next request that needs a token, so an idle client keeps
 * nothing alive.
 */
export class SessionManager {
  readonly #options: SessionManagerOptions;
  #inFlight?: Promise<Renewal>;
  /** The newest session this client knows; read synchronously right before each send. */
  #latest?: StoredSession;
  /** Bumped when a renewal starts or ends, so a caller that read the store meanwhile re-checks. */
  #generation = 0;
  #lastFailure?: { generation: number; error: unknown };
  /** Bumped by `clear()`: a renewal that started before a logout must not bring the session back. */
  #clears = 0;

  constructor(options: SessionManagerOptions) {
    this.#options = options;
  }

  /** The newest known session, without I/O. */
  get current(): StoredSession | undefined {
    return this.#latest;
  }

  /** A session whose token is not due for renewal, signing in or renewing when needed. */
  async ensure(): Promise<StoredSession> {
    for (;;) {
      if (this.#inFlight) return (await this.#inFlight).session;
      if (this.#latest && !this.#isDue(this.#latest)) return this.#latest;
      const seen = this.#generation;
      const stored = await this.#options.store.get(this.#options.storeKey);
      if (this.#generation !== seen) {
        // A renewal started or finished while we read: join it, or share its failure.
        const failure = this.#lastFailure;
        if (failure && failure.generation > seen) throw failure.error;
        continue;
      }
      if (stored && !this.#isDue(stored)) {
        this.#latest = stored;
        return stored;
      }
      return (await this.#start(() => this.#renew(stored))).session;
    }
  }

  /** After the provider rejected `token`: renew unless someone already replaced it. */
  async renewRejected(token: string): Promise<void> {
    if (this.#inFlight) {
      await this.#inFlight;
      return;
    }
    if (this.#latest && this.#latest.accessToken !== token) return;
    await this.#start(() => this.#renew(this.#latest));
  }

  /** Explicit sign-in, after any renewal in flight settles. */
  async signIn(credentials?: unknown): Promise<unknown> {
    // A loop, not one await: another renewal may start between the wait and our own start.
    while (this.#inFlight) await this.#inFlight.catch(() => {});
    return (await this.#start(() => this.#signIn(this.#latest, credentials))).data;
  }

  /** Explicit renewal: joins one in flight, else refreshes (or signs in again). */
  async renew(): Promise<void> {
    if (this.#inFlight) await this.#inFlight;
    else await this.#start(async () => this.#renew(this.#latest ?? (await this.#readStore())));
  }

  /** Forgets the session here and in the store. */
  async clear(): Promise<void> {
    this.#latest = undefined;
    this.#generation++;
    this.#clears++;
    await this.#options.store.delete(this.#options.storeKey);
    emitEvent(this.#options.onEvent, { type: "signed-out", provider: this.#options.provider });
  }

  #readStore() {
    return this.#options.store.get(this.#options.storeKey);
  }

  #isDue(session: StoredSession): boolean {
    if (session.expiresAt === undefined) return false;
    const lifetime =
      session.issuedAt === undefined ? Infinity : session.expiresAt - session.issuedAt;
    // Half the lifetime at most, so a short-lived token is not renewed on every request.
    const skew = Math.min(this.#options.renewBeforeExpiry, lifetime / 2);
    return Date.now() >= session.expiresAt - skew;
  }

  #start(renewal: () => Promise<Renewal>): Promise<Renewal> {
    this.#generation++;
    const clears = this.#clears;
    const promise = renewal().then(
      async (result) => {
        this.#generation++;
        this.#inFlight = undefined;
        // Logged out meanwhile: the waiting requests get their answer, but nothing is kept.
        if (this.#clears !== clears) return result;
        this.#latest = result.session;
        // Emitted when the token becomes current, so listeners see the same order as requests.
        this.#emitIssued(result);
        await this.#options.store
          .set(this.#options.storeKey, result.session)
          .catch((error: unknown) => {
            // The token is valid and in memory: a store outage must not fail every waiting request.
            this.#reportStoreFailure("set", error);
          });
        return result;
      },
      (error: unknown) => {
        this.#generation++;
        this.#lastFailure = { generation: this.#generation, error };
        this.#inFlight = undefined;
        this.#reportFailure(error);
        throw error;
      },
    );
    this.#inFlight = promise;
    return promise;
  }

  async #renew(previous: StoredSession | undefined): Promise<Renewal> {
    const { refresh } = this.#options;
    if (previous?.refreshToken && refresh) {
      try {
        const session = await refresh(previous);
        return { session, data: undefined, via: "refresh", renewed: true };
      } catch (error) {
        // A refused refresh token falls back to one fresh sign-in; anything else is reported.
        if (!(error instanceof AuthenticationError)) throw error;
      }
    }
    return this.#signIn(previous);
  }

  async #signIn(previous: StoredSession | undefined, credentials?: unknown): Promise<Renewal> {
    const result = await this.#options.signIn(credentials);
    return { ...result, via: "sign-in", renewed: previous !== undefined };
  }

  #emitIssued({ session, via, renewed }: Renewal) {
    const { provider, onEvent } = this.#options;
    const expiresAt = session.expiresAt;
    if (renewed) emitEvent(onEvent, { type: "renewed", provider, via, expiresAt });
    else emitEvent(onEvent, { type: "signed-in", provider, expiresAt });
  }

  #reportStoreFailure(operation: "get" | "set" | "delete", error: unknown) {
    const name = error instanceof Error ? error.name : "Error";
    emitEvent(this.#options.onEvent, {
      type: "store-failed",
      provider: this.#options.provider,
      operation,
      error: name,
    });
  }

  #reportFailure(error: unknown) {
    const { provider, onEvent } = this.#options;
    const name = error instanceof Error ? error.name : "Error";
    const details = error instanceof AuthenticationError ? error : undefined;
    const status =
      error instanceof LoginkitError ? (error as { status?: number }).status : undefined;
    emitEvent(onEvent, { type: "auth-failed", provider, error: name, status, code: details?.code });
  }
}
