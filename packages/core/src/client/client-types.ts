import type { Client } from "openapi-fetch";
import type { EventFilter } from "../events/event-listeners.js";
import type { SessionEvent } from "../events/session-event.js";
import type { Logger, LogLevel } from "../logging/log-level.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import type { RetryOptions } from "../retry/retry-options.js";
import type { TokenStore } from "../session/token-store.js";

/** The types a generated package plugs in: its `paths`, credentials and response bodies. */
export interface ProviderTypes {
  // biome-ignore lint/complexity/noBannedTypes: openapi-typescript `paths` are plain objects.
  paths: {};
  credentials: unknown;
  signInData: unknown;
  sessionData: unknown;
}

export interface ProviderClientOptions<Credentials> {
  /** A value, or a function called at each sign-in (e.g. read from a vault). */
  credentials?: Credentials | (() => Credentials | Promise<Credentials>);
  /** @default the description's first server; required when it has none */
  baseUrl?: string;
  /**
   * More origins that may receive credentials. With the default `baseUrl` the spec's servers are
   * trusted already; an explicit `baseUrl` trusts only its own origin plus these.
   * @default []
   */
  trustedOrigins?: readonly string[];
  /** The transport. @default globalThis.fetch, read at call time */
  fetch?: typeof fetch;
  /** Retry options, a retry count, or `false`. @default { limit: 2, ... } see `defaultRetryOptions` */
  retry?: RetryOptions | number | false;
  /** Per-attempt limit in ms, or `false` for none. @default 30_000 */
  timeout?: number | false;
  /**
   * Largest sign-in, refresh, sign-out or session answer core reads, in bytes (after decoding).
   * A longer one fails with a `ProtocolError` naming this cap.
   * @default 1_048_576 (1 MiB)
   */
  maxResponseBytes?: number;
  /**
   * Most of an error answer's body core reads and keeps in `HttpError.body`, in bytes; a longer
   * one is kept cut, as text ending in a marker that names this cap.
   * @default 65_536 (64 KiB)
   */
  maxErrorBodyBytes?: number;
  /** Where sessions are kept. @default a memory store of this client's own (pass `createMemoryTokenStore()` to share one between clients) */
  tokenStore?: TokenStore;
  /**
   * Longest wait for one `tokenStore` call, in ms. A store call that fails or takes longer is
   * reported as a `store-failed` event and the session goes on in memory.
   * @default 5_000
   */
  storeTimeout?: number;
  /**
   * The session's key in the store. Clients with the same key share a session: give each account
   * its own when credentials come from a function.
   * @default `${description.id}:${baseUrl}`, plus `:<digest of the account fields>` (e.g. the
   * e-mail) when `credentials` is a plain value
   */
  storeKey?: string;
  /**
   * With a coordinating store (`CoordinatedTokenStore`: the memory store, `@loginkit/redis`,
   * `@loginkit/browser-store`): the renewal lease's length in ms, which is what a holder that
   * died costs the others. Its holder extends it (a heartbeat every fifth of it) while it works,
   * so a slow provider never outlasts it; a waiter's patience follows from `timeout` and `retry`.
   * @default 5_000
   */
  leaseTtl?: number;
  /**
   * Account-lockout protection, with a store that shares refusals (the memory store,
   * `@loginkit/redis`, `@loginkit/browser-store`): a refused sign-in is recorded there under a salted digest of the
   * credentials (never the secret) for this many ms, and every client of the store with the same
   * credentials fails at once with the same `AuthenticationError` meanwhile: one attempt per
   * cool-down for the whole fleet. New credentials are tried at once. `0` turns it off.
   * @default 300_000 (5 minutes)
   */
  refusalCoolDown?: number;
  /** Renew this many ms before expiry (at most half the token's lifetime). @default 30_000 */
  renewBeforeExpiry?: number;
  /** Session and retry events; never contain secrets. More listeners: `client.onEvent(...)`. */
  onEvent?: (event: SessionEvent) => void;
  /** Extra headers for every request to the provider's origins (never sent elsewhere). */
  headers?: HeadersInit;
  /** Where log lines go (see `logLevel`): any object with debug, info, warn and error. @default console */
  logger?: Logger;
  /**
   * How much to log: `"off"`, `"error"`, `"warn"`, `"info"` or `"debug"` (each request and attempt).
   * Lines are scrubbed of every secret the client knows.
   * @default the `LOGINKIT_LOG` environment variable where there is one, else `"off"`
   */
  logLevel?: LogLevel;
}

export interface WaitOptions {
  /**
   * Stops waiting when it aborts: the call rejects with an `AbortError`. A sign-in or renewal
   * that other calls share goes on for them (bounded by `timeout`); this caller just leaves.
   */
  signal?: AbortSignal;
}

export type ProviderClient<T extends ProviderTypes> = Client<T["paths"]> & {
  /** Authenticated, retrying fetch for any request (other clients, plain calls). */
  readonly fetch: typeof fetch;
  /**
   * Signs in now (with these credentials, else the configured ones) and keeps the session;
   * returns the sign-in answer. Calls that need a token sign in by themselves: this is for
   * signing in eagerly or as another user.
   */
  signIn(credentials?: T["credentials"], options?: WaitOptions): Promise<T["signInData"]>;
  /** Calls the sign-out operation when described; always clears the stored session and cookies. */
  signOut(options?: WaitOptions): Promise<void>;
  /**
   * Adds a listener for the client's events (as the `onEvent` option); returns the function that
   * removes it. Listeners never see a secret, and one that throws is ignored. With `types`, the
   * listener gets those events only; per-request events are built only while a listener takes
   * them, so `{ types: ["signed-in", "renewed"] }` costs requests nothing.
   */
  onEvent(listener: (event: SessionEvent) => void, options?: EventFilter): () => void;
  /** @deprecated Use `signIn()`: the same call under the one verb loginkit uses for it. */
  login(credentials?: T["credentials"]): Promise<T["signInData"]>;
  /** @deprecated Use `signOut()`: the same call under the one verb loginkit uses for it. */
  logout(): Promise<void>;
  /** Refreshes (or signs in again when the provider has no refresh operation). */
  renew(options?: WaitOptions): Promise<void>;
  /** The provider's "who am I"; throws `ConfigurationError` when it has none. */
  session(): Promise<T["sessionData"]>;
  /** A valid access token, signing in when needed. */
  getAccessToken(options?: WaitOptions): Promise<string>;
  readonly provider: ProviderDescription;
};
