import { AbortError } from "../errors/AbortError.js";
import { AuthenticationError } from "../errors/AuthenticationError.js";
import { ConfigurationError } from "../errors/ConfigurationError.js";
import { HttpError } from "../errors/HttpError.js";
import { LoginkitError } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { RetriesExhaustedError } from "../errors/RetriesExhaustedError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { emitEvent, type SessionEvent } from "../events/session-event.js";
import { errorName } from "../utils/error-name.js";
import type { KnownSecrets } from "../utils/known-secrets.js";
import { boundStoreCall } from "./bound-store-call.js";
import {
  type CoordinatedTokenStore,
  isCoordinatedTokenStore,
  isRefusalSharingStore,
} from "./coordinated-token-store.js";
import { type LeaseProtocol, leaseProtocolOf } from "./lease-protocol.js";
import type { LeaseTimingInput } from "./lease-timing.js";
import { OwnRefusal } from "./own-refusal.js";
import { readStoredSession } from "./read-stored-session.js";
import type { StoreAccess } from "./read-versioned.js";
import type { RefusalSharing } from "./refusal-sharing.js";
import type { RenewalCircumstances } from "./renew-under-lease.js";
import { decide, type SessionState } from "./session-state.js";
import { isTimeoutFailure, type StoreCallResult, type StoreOperation } from "./store-call.js";
import type { StoredSession, TokenStore } from "./token-store.js";

export interface SignInResult {
  session: StoredSession;
  /** The sign-in response body, returned by `signIn()`. */
  data: unknown;
}

interface Renewal extends SignInResult {
  /**
   * `deferred`: renewal failed for now; `session` is the current one, still valid.
   * `adopted`: another client sharing the store renewed; `session` is theirs.
   */
  via: "refresh" | "sign-in" | "deferred" | "adopted";
  renewed: boolean;
  /** Already in the store (written under the renewal lease): not written again. */
  stored?: boolean;
  /** For `adopted`: ms spent waiting for the other client. */
  waited?: number;
}

/** Runs a sign-in attempt for resolved credentials, remembering a refusal for the cool-down. */
export type SignInGuard = (
  credentials: unknown,
  attempt: () => Promise<SignInResult>,
) => Promise<SignInResult>;

/** First wait after a renewal failed while the token was still valid; doubles each time. */
const FIRST_DEFERRAL_MS = 1_000;
const MAX_DEFERRAL_MS = 60_000;

export interface SessionManagerOptions {
  provider: string;
  store: TokenStore;
  storeKey: string;
  /** Longest wait for one store call, in ms; a slower or failing store degrades to memory. */
  storeTimeout: number;
  /**
   * What the lease's timing follows from, for a store that carries the lease protocol: the
   * protocol derives it (see `deriveLeaseTiming`), so the default store never loads that code.
   */
  leaseTiming: LeaseTimingInput;
  renewBeforeExpiry: number;
  /**
   * Signs in with `credentials` (else the configured ones). The caller resolves them and hands
   * them with the attempt to `guard`, which remembers a refusal (shared through a store that
   * shares refusals, else in this client) so the same credentials are not posted again.
   */
  signIn(credentials: unknown, guard: SignInGuard): Promise<SignInResult>;
  /** How long a refused sign-in stands for the same credentials, in ms; 0: not at all. */
  refusalCoolDown?: number;
  /** Signs a session out at the provider (where the spec has a sign-out); never throws. */
  signOutAtProvider?(session: StoredSession): Promise<void>;
  /** Absent when the provider has no refresh operation. */
  refresh?(session: StoredSession): Promise<StoredSession>;
  onEvent?: (event: SessionEvent) => void;
  /** Emits a start event and runs its work inside the listeners' scopes (see `EventScope`). */
  scope?: <T>(event: SessionEvent, run: () => T) => T;
  /** Kept current with the session's tokens, so every layer's errors can leave them out. */
  secrets?: KnownSecrets;
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
  /** A `clear()` under way: while it runs, every other operation waits for it (see the table). */
  #signingOut?: Promise<void>;
  /** The newest session this client knows; read synchronously right before each send. */
  #latest?: StoredSession;
  /** Bumped when a renewal starts or ends, so a caller that read the store meanwhile re-checks. */
  #generation = 0;
  #lastFailure?: { generation: number; error: unknown };
  /** Bumped by `clear()`: a renewal that started before a logout must not bring the session back. */
  #clears = 0;
  /**
   * Set when a logout could not delete the stored session: what the store holds was ended here,
   * so it is not read back until this client stores a new session there.
   */
  #storeIsStale = false;
  /** Renewals that failed in a row while the token was still valid, and when to try again. */
  #deferrals = 0;
  #deferredUntil?: number;
  /**
   * Brought by a coordinating store (see `coordinated()`), absent with the default store: a
   * client alone single-flights by itself and loads none of the protocol.
   */
  readonly #protocol?: LeaseProtocol;
  /** Whether this client listens to the store for sign-outs by other clients (once, lazily). */
  #watching = false;
  /** Refused sign-ins, when the store does not share them. */
  readonly #ownRefusal = new OwnRefusal();

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    this.#protocol = leaseProtocolOf(options.store);
    if (!this.#protocol && isCoordinatedTokenStore(options.store)) {
      // Renewing per client would spend a rotating refresh token once per client of the fleet.
      throw new ConfigurationError(
        "The tokenStore has the coordination methods (read, compareAndSet, acquireLease, releaseLease) but does not carry the lease protocol: return it through `coordinated(store)` from @loginkit/core/coordination",
        { option: "tokenStore" },
      );
    }
  }

  /** The newest known session, without I/O. */
  get current(): StoredSession | undefined {
    return this.#latest;
  }

  /**
   * The newest session when it can be used right now, without I/O or waiting: the hot path of
   * every request. `undefined` means `ensure()` has work to do.
   */
  usable(): StoredSession | undefined {
    const state = this.#state();
    return decide(state, "call") === "use" && "session" in state ? state.session : undefined;
  }

  /** The session's state, read from what this client holds: what `decide` is asked about. */
  #state(): SessionState {
    if (this.#signingOut) return { kind: "signing-out" };
    const session = this.#latest;
    if (this.#inFlight) return session ? { kind: "renewing", session } : { kind: "signing-in" };
    if (!session) return { kind: "signed-out" };
    if (this.#isDeferred(session, Date.now())) return { kind: "renewal-deferred", session };
    return { kind: this.#isDue(session) ? "expiring" : "valid", session };
  }

  /** Waits until the sign-out, or else the renewal, in flight has settled, whatever its outcome. */
  async #settled(): Promise<void> {
    await (this.#signingOut ?? this.#inFlight)?.catch(() => {});
  }

  #setLatest(session: StoredSession | undefined) {
    this.#latest = session;
    this.#options.secrets?.rememberTokens(session?.accessToken, session?.refreshToken);
  }

  /** A session whose token is not due for renewal, signing in or renewing when needed. */
  async ensure(): Promise<StoredSession> {
    for (;;) {
      const state = this.#state();
      const decision = decide(state, "call");
      if (decision === "use" && "session" in state) return state.session;
      if (decision === "join" && this.#inFlight) return (await this.#inFlight).session;
      if (decision === "wait") {
        await this.#settled();
        continue;
      }
      // "start": a fresh session in the store will do, else renew (or sign in).
      const seen = this.#generation;
      const stored = await this.#readStore();
      if (this.#generation !== seen) {
        // A renewal started or finished while we read: join it, or share its failure.
        const failure = this.#lastFailure;
        if (failure && failure.generation > seen) throw failure.error;
        continue;
      }
      if (stored && !this.#isDue(stored)) {
        this.#setLatest(stored);
        return stored;
      }
      return (await this.#start(() => this.#renewOrDefer(stored))).session;
    }
  }

  /**
   * After the provider rejected `token` on a request sent at `sentAt`: renew unless someone
   * already replaced it.
   */
  async renewRejected(token: string, sentAt = Date.now()): Promise<void> {
    let state = this.#state();
    let decision = decide(state, "rejected");
    for (; decision === "wait"; decision = decide(state, "rejected")) {
      await this.#settled();
      state = this.#state();
    }
    if (decision === "join") {
      await this.#inFlight;
      return;
    }
    if (decision === "renew-unless-replaced" && "session" in state) {
      if (state.session.accessToken !== token) return;
    }
    // Another client's session will do if it was issued after our request left: whatever
    // refused ours (a revocation, every token expired at once) could have refused one issued
    // before as well, and replaying with it would fail the call. Clock skew between machines
    // only costs a renewal here, never a failed call.
    const issuedSince = (session: StoredSession) =>
      session.issuedAt !== undefined && session.issuedAt >= sentAt;
    await this.#start(() =>
      this.#renew(
        this.#latest,
        (session) => session.accessToken !== token && !this.#isDue(session) && issuedSince(session),
      ),
    );
  }

  /** Explicit sign-in, after any renewal in flight settles. */
  async signIn(credentials?: unknown): Promise<unknown> {
    // A loop, not one await: another renewal may start between the wait and our own start.
    while (decide(this.#state(), "signIn") === "wait") await this.#settled();
    return (await this.#start(() => this.#signIn(this.#latest, credentials))).data;
  }

  /** Explicit renewal: joins one in flight, else refreshes (or signs in again). */
  async renew(): Promise<void> {
    let decision = decide(this.#state(), "renew");
    for (; decision === "wait"; decision = decide(this.#state(), "renew")) await this.#settled();
    if (decision === "join") await this.#inFlight;
    else
      await this.#start(async () => this.#renew(this.#latest ?? (await this.#readStore()), never));
  }

  /**
   * Forgets the session here at once, then in the store; a failing store does not undo it. A
   * renewal or sign-in in flight is waited out (it is bounded): what it yields is discarded,
   * signed out at the provider, and the calls waiting for it fail with an `AbortError`, so once
   * this resolves no request leaves with a token issued before or during it.
   */
  clear(): Promise<void> {
    // "join": a second sign-out while one runs shares it.
    if (decide(this.#state(), "signOut") === "join" && this.#signingOut) return this.#signingOut;
    const signingOut = this.#signOut().finally(() => {
      if (this.#signingOut === signingOut) this.#signingOut = undefined;
    });
    this.#signingOut = signingOut;
    return signingOut;
  }

  /** "discard" in every state but signing out (see `clear`). */
  async #signOut(): Promise<void> {
    this.#forget();
    const { storeKey } = this.#options;
    const deleted = await this.#callStore("delete", (store) => store.delete(storeKey));
    this.#storeIsStale = !deleted.ok;
    const inFlight = this.#inFlight;
    if (inFlight) await inFlight.catch(() => {});
    emitEvent(this.#options.onEvent, { type: "signed-out", provider: this.#options.provider });
  }

  /**
   * Forgets the session here, as a sign-out does: a caller that read the store meanwhile looks
   * again, and a renewal already under way does not bring the session back.
   */
  #forget() {
    this.#setLatest(undefined);
    this.#generation++;
    this.#clears++;
  }

  /** The stored session, checked; `undefined` when there is none or the store cannot give one. */
  async #readStore(): Promise<StoredSession | undefined> {
    if (this.#storeIsStale) return undefined;
    this.#watchSignOuts();
    const { storeKey } = this.#options;
    const read = await this.#callStore("get", (store) => store.get(storeKey));
    if (!read.ok || read.value == null) return undefined;
    try {
      return readStoredSession(read.value);
    } catch (error) {
      this.#reportStoreFailure("get", error);
      return undefined;
    }
  }

  /** With a coordinating store, listens (once) for other clients' sign-outs. */
  #watchSignOuts() {
    const protocol = this.#protocol;
    const { store } = this.#options;
    if (this.#watching || !protocol || !isCoordinatedTokenStore(store)) return;
    this.#watching = true;
    protocol.watchSignOuts({
      ...this.#storeAccess(store),
      held: () => {
        const state = this.#state();
        if (decide(state, "notified") !== "check" || !("session" in state)) return undefined;
        return this.#storeIsStale ? undefined : state.session;
      },
      drop: (held) => {
        // Still the session we held: nothing newer was adopted or renewed meanwhile.
        if (this.#latest !== held) return;
        this.#forget();
        // Said, so an app (another tab) shows its signed-out state without watching the store.
        const { onEvent, provider } = this.#options;
        emitEvent(onEvent, { type: "signed-out", provider, elsewhere: true });
      },
    });
  }

  /** The store as the lease protocol gets it: every call bounded, every failure reported. */
  #storeAccess(store: CoordinatedTokenStore): StoreAccess {
    return {
      store,
      key: this.#options.storeKey,
      call: (operation, call) => this.#callStore(operation, call),
      report: (operation, error) => this.#reportStoreFailure(operation, error),
    };
  }

  /** One bounded store call; a failure or timeout is reported and the session goes on in memory. */
  async #callStore<T>(
    operation: StoreOperation,
    call: (store: TokenStore) => Promise<T>,
  ): Promise<StoreCallResult<T>> {
    const { store, storeTimeout } = this.#options;
    try {
      const value = await boundStoreCall(
        () => call(store),
        storeTimeout,
        `TokenStore.${operation}`,
      );
      return { ok: true, value };
    } catch (error) {
      this.#reportStoreFailure(operation, error);
      return { ok: false, slow: isTimeoutFailure(error) };
    }
  }

  #isDue(session: StoredSession): boolean {
    if (session.expiresAt === undefined) return false;
    const now = Date.now();
    if (this.#isDeferred(session, now)) return false;
    const lifetime =
      session.issuedAt === undefined ? Infinity : session.expiresAt - session.issuedAt;
    // Half the lifetime at most, so a short-lived token is not renewed on every request.
    const skew = Math.min(this.#options.renewBeforeExpiry, lifetime / 2);
    return now >= session.expiresAt - skew;
  }

  /** A renewal failed a moment ago while this token was valid: use it until the backoff ends. */
  #isDeferred(session: StoredSession, now: number): boolean {
    const until = this.#deferredUntil;
    return until !== undefined && now < until && now < (session.expiresAt ?? Infinity);
  }

  #start(renewal: () => Promise<Renewal>): Promise<Renewal> {
    this.#generation++;
    const clears = this.#clears;
    const { scope = (_, run) => run(), provider } = this.#options;
    // Its outcome's event is emitted inside the scope too, so a tracer's span ends with it.
    const promise = scope({ type: "renewal-start", provider }, () => this.#settle(renewal, clears));
    this.#inFlight = promise;
    return promise;
  }

  #settle(renewal: () => Promise<Renewal>, clears: number): Promise<Renewal> {
    return renewal().then(
      async (result) => {
        this.#generation++;
        this.#inFlight = undefined;
        if (this.#clears !== clears) {
          // Signed out meanwhile: nothing issued before or during the sign-out goes out.
          if (result.via === "refresh" || result.via === "sign-in") {
            await this.#options.signOutAtProvider?.(result.session);
          }
          const error = new AbortError(
            "The session was signed out while this call waited for its token",
          );
          this.#lastFailure = { generation: this.#generation, error };
          throw error;
        }
        if (result.via === "deferred") return result;
        this.#setLatest(result.session);
        // Emitted when the token becomes current, so listeners see the same order as requests.
        this.#emitIssued(result);
        if (result.via === "adopted" || result.stored) return result;
        // The token is valid and in memory: a store outage must not fail every waiting request.
        const { storeKey } = this.#options;
        const saved = await this.#callStore("set", (store) => store.set(storeKey, result.session));
        if (saved.ok) this.#storeIsStale = false;
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
  }

  /**
   * A renewal before expiry. When it fails for a reason that may pass (a 5xx, a 408 or 429, no
   * answer) while `previous` is still valid, the waiting calls go out with `previous`, a
   * `renewal-deferred` event says when renewal is tried again, and that wait doubles with each
   * failure (never past the expiry): an outage of the token endpoint does not fail calls whose
   * token still works, nor is it hit on every call.
   */
  async #renewOrDefer(previous: StoredSession | undefined): Promise<Renewal> {
    try {
      const renewal = await this.#renew(previous);
      this.#deferrals = 0;
      this.#deferredUntil = undefined;
      return renewal;
    } catch (error) {
      const now = Date.now();
      const expiresAt = previous?.expiresAt;
      if (!previous || expiresAt === undefined || now >= expiresAt || !isTransient(error)) {
        throw error;
      }
      const wait = Math.min(FIRST_DEFERRAL_MS * 2 ** this.#deferrals, MAX_DEFERRAL_MS);
      this.#deferrals++;
      const retryAt = Math.min(now + wait, expiresAt);
      this.#deferredUntil = retryAt;
      const { provider, onEvent } = this.#options;
      emitEvent(onEvent, {
        type: "renewal-deferred",
        provider,
        error: errorName(error),
        status: (error as { status?: number }).status,
        retryAt,
      });
      return { session: previous, data: undefined, via: "deferred", renewed: false };
    }
  }

  /**
   * Renews once for every client sharing a coordinating store (see `renewUnderLease`), or here
   * alone with the default or a plain store. `acceptStored` says which stored session would do.
   */
  async #renew(
    previous: StoredSession | undefined,
    acceptStored: (session: StoredSession) => boolean = (session) => !this.#isDue(session),
  ): Promise<Renewal> {
    const { store, leaseTiming, provider, onEvent } = this.#options;
    const protocol = this.#protocol;
    if (this.#storeIsStale || !protocol || !isCoordinatedTokenStore(store)) {
      return this.#renewHere(previous);
    }
    const clears = this.#clears;
    const started = Date.now();
    const context = {
      ...this.#storeAccess(store),
      // This client, whose id to the lease the protocol makes once (see `LeaseContext`).
      client: this,
      timing: leaseTiming,
      isUsable: acceptStored,
      mayStore: () => this.#clears === clears,
    };
    const outcome = await protocol.renewUnderLease(
      context,
      (latest, circumstances) => {
        if (circumstances.tookOver) {
          // The holder before us let its lease lapse without storing a session: it died or
          // gave up. Said once, by the one client that took its lease over.
          emitEvent(onEvent, { type: "lease-abandoned", provider, waited: Date.now() - started });
        }
        return this.#renewHere(latest, circumstances);
      },
      previous,
    );
    if (outcome.kind === "adopted") {
      const { session, waited } = outcome;
      return { session, data: undefined, via: "adopted", renewed: false, waited };
    }
    return { ...outcome.result, stored: outcome.stored };
  }

  /** Refreshes with `previous`'s refresh token, else (or when it is refused) signs in. */
  async #renewHere(
    previous: StoredSession | undefined,
    circumstances: RenewalCircumstances = { tookOver: false },
  ): Promise<Renewal> {
    const { refresh, provider, onEvent } = this.#options;
    if (previous?.refreshToken && refresh) {
      try {
        const session = await refresh(previous);
        return { session, data: undefined, via: "refresh", renewed: true };
      } catch (error) {
        // A refused refresh token falls back to one fresh sign-in; anything else is reported.
        if (!(error instanceof AuthenticationError)) throw error;
        const { status, code } = error;
        emitEvent(onEvent, { type: "refresh-refused", provider, status, code });
        if (circumstances.tookOver) {
          // The lost holder's refresh reached the provider and rotated the token: spent, not
          // stolen. This client signs in once, under the lease, for the whole fleet.
          emitEvent(onEvent, { type: "refresh-spent", provider });
        }
      }
    }
    return this.#signIn(previous);
  }

  async #signIn(previous: StoredSession | undefined, credentials?: unknown): Promise<Renewal> {
    const result = await this.#options.signIn(credentials, (resolved, attempt) =>
      this.#guardSignIn(resolved, attempt),
    );
    return { ...result, via: "sign-in", renewed: previous !== undefined };
  }

  /**
   * A sign-in attempt that fails at once while these credentials stand refused: in the store,
   * when it shares refusals (the whole fleet then posts them once per cool-down), else here.
   */
  #guardSignIn(credentials: unknown, attempt: () => Promise<SignInResult>) {
    const { store, storeKey, refusalCoolDown = 0 } = this.#options;
    if (refusalCoolDown <= 0) return attempt();
    const protocol = this.#protocol;
    if (this.#storeIsStale || !protocol || !isRefusalSharingStore(store)) {
      return this.#ownRefusal.guard(credentials, refusalCoolDown, attempt);
    }
    const sharing: RefusalSharing = {
      store,
      key: storeKey,
      coolDown: refusalCoolDown,
      call: (operation, call) => this.#callStore(operation, call),
    };
    return protocol.shareRefusal(sharing, credentials, attempt);
  }

  #emitIssued({ session, via, renewed, waited = 0 }: Renewal) {
    const { provider, onEvent } = this.#options;
    const expiresAt = session.expiresAt;
    if (via === "deferred") return;
    if (via === "adopted") {
      emitEvent(onEvent, { type: "session-adopted", provider, expiresAt, waited });
      return;
    }
    if (renewed) emitEvent(onEvent, { type: "renewed", provider, via, expiresAt });
    else emitEvent(onEvent, { type: "signed-in", provider, expiresAt });
  }

  #reportStoreFailure(operation: StoreOperation, error: unknown) {
    emitEvent(this.#options.onEvent, {
      type: "store-failed",
      provider: this.#options.provider,
      operation,
      error: errorName(error),
      // Core's own words only (a timeout, an unusable stored session): a store's message may
      // quote a connection string or a value.
      ...(error instanceof LoginkitError ? { message: error.message } : {}),
    });
  }

  #reportFailure(error: unknown) {
    const { provider, onEvent } = this.#options;
    const status =
      error instanceof LoginkitError ? (error as { status?: number }).status : undefined;
    const code = error instanceof AuthenticationError ? error.code : undefined;
    emitEvent(onEvent, { type: "auth-failed", provider, error: errorName(error), status, code });
  }
}

/** For an explicit `renew()`: no stored session will do, however fresh. */
const never = () => false;

/** Failures that may pass on their own: worth waiting out while the token still works. */
function isTransient(error: unknown): boolean {
  if (error instanceof HttpError) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof RetriesExhaustedError
  );
}
