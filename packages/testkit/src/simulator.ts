import type { SimulatorAccount, SimulatorAccountInput } from "./accounts/simulator-account.js";
import type { SentMessage } from "./behaviour/sent-message.js";
import type { CorsOption } from "./cors/cors-options.js";
import type { Fault, FaultTarget } from "./faults/fault.js";
import type { RequestLogEntry } from "./observe/request-log-entry.js";
import type { ResponseViolation } from "./observe/response-violation.js";
import type { SimulatorStats } from "./observe/simulator-stats.js";
import type { SimulatorClock } from "./tokens/simulated-clock.js";

/**
 * Which spec to simulate: a provider id shipped with this package (`listShippedProviders()`),
 * any spec file (`{ specPath }`, Node only), or a spec's text (`{ specText, id }`, anywhere).
 */
export type ProviderSource =
  | string
  | { readonly specPath: string }
  | { readonly specText: string; readonly id: string };

export interface SimulatorOptions {
  /** `startSimulator` only: the port to listen on. @default 0 (any free port) */
  readonly port?: number;
  /** `startSimulator` only: the address to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /**
   * `createSimulator` only: the base URL it answers for (give it to the client and to MSW).
   * @default `http://<provider>.loginkit.test`, then `http://<provider>-2.loginkit.test`...
   */
  readonly url?: string;
  /** Accounts to add; one named like a derived account (e.g. `"apiKey"`) replaces it. */
  readonly accounts?: readonly SimulatorAccountInput[];
  /**
   * Access-token lifetime in seconds.
   * @default the sign-in example's `expiresIn` value, else 3600
   */
  readonly tokenLifetimeSeconds?: number;
  /** How long a cookie session (e.g. a password recovery) lives. @default 900 */
  readonly cookieSessionLifetimeSeconds?: number;
  /**
   * When an answer of the simulator breaks the spec, send a 500 naming the problem instead.
   * Either way it is recorded in `violations`.
   * @default true
   */
  readonly strict?: boolean;
  /**
   * What a refresh token presented a second time does. `"refuse"`: it is refused, as any unknown
   * one. `"revoke-family"`: reuse detection as Auth0, Ory Hydra and Keycloak do it: the reuse is
   * refused and revokes the whole token family (every refresh and access token descended from
   * the same sign-in), so whoever holds the newest tokens is signed out too. Counted in
   * `stats.revokedTokenFamilies`.
   * @default "refuse"
   */
  readonly refreshTokenReuse?: "refuse" | "revoke-family";
  /** HS256 secret for the JWTs. @default 32 random bytes */
  readonly jwtSecret?: string;
  /**
   * CORS for a front end on another origin: `true` for any origin, or a list of origins.
   * Preflights get a 204 (not counted, never faulted); answers echo the request's `Origin`,
   * allow credentials and expose the headers a client reads (`Retry-After`, `Date`, the spec's
   * response headers...).
   * @default false
   */
  readonly cors?: CorsOption;
  /**
   * Told of each request once answered, in the shape of `requests` (secret headers
   * `[redacted]`), CORS preflights included (`preflight: true`). A throwing listener is ignored.
   */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

/** A request the spec's examples describe, ready for `fetch(sim.url + path, ...)`. */
export interface ExampleRequest {
  readonly method: string;
  /** Path with its parameters filled from the spec's examples, e.g. `/api/v1/5f0c…/auth/login`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/**
 * A simulator, served (`startSimulator`) or in process (`createSimulator`). `Credentials` types
 * its accounts' credentials, e.g. `startSimulator<VeroOmsCredentials>("vero-oms")`, so they go
 * straight into a client's options.
 */
export interface Simulator<Credentials = Readonly<Record<string, unknown>>> {
  /**
   * Base URL: give it to a client as its base URL. `http://127.0.0.1:53211` when served,
   * `http://<provider>.loginkit.test` (no host behind it) in process.
   */
  readonly url: string;
  /**
   * A `fetch` answered in process, as the server would answer, with no port: for `url`'s origin
   * (relative URLs resolve against it); another origin fails with a `TypeError` like an
   * unreachable host. Give it to a client as its `fetch`.
   */
  readonly fetch: typeof fetch;
  /** The simulator as a fetch handler, whatever the URL's origin: for MSW or your own server. */
  handle(request: Request): Promise<Response>;
  /** The spec's id, e.g. `vero-oms`. */
  readonly provider: string;
  readonly specPath: string;
  /** The operationIds the simulator acts on, from `x-loginkit`. */
  readonly operationIds: {
    readonly signIn: string;
    readonly refresh?: string;
    readonly session?: string;
    readonly signOut?: string;
  };
  /** Accepted accounts (live: a password reset changes their credentials). */
  readonly accounts: readonly SimulatorAccount<Credentials>[];
  /** The account's credentials with a wrong secret, still valid input: answered 401. */
  wrongCredentials(account?: SimulatorAccount<Credentials>): Credentials;
  /** A request for an operation built from the spec's examples; `body` replaces the example body. */
  exampleRequest(operationId: string, overrides?: { readonly body?: unknown }): ExampleRequest;
  readonly clock: SimulatorClock;
  /** Every access token issued so far is expired from now on (refresh tokens stay valid). */
  expireTokens(): void;
  /** Queues a fault for the next matching request(s). */
  inject(fault: Fault, target?: FaultTarget): void;
  readonly stats: SimulatorStats;
  /** How many requests carried this access token. */
  requestsWithToken(token: string): number;
  readonly requests: readonly RequestLogEntry[];
  /** Codes the simulator "sent" (e.g. recovery codes by email). */
  readonly messages: readonly SentMessage[];
  lastMessageTo(address: string): SentMessage | undefined;
  /** Answers of the simulator that broke the spec: empty unless there is a bug or a bad override. */
  readonly violations: readonly ResponseViolation[];
  /** Throws `ResponseViolationError` if any answer broke the spec. */
  assertNoViolations(): void;
  /** Stops the server (`startSimulator`); nothing to release in process. */
  close(): Promise<void>;
}
