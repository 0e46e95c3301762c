import type { SimulatorAccount, SimulatorAccountInput } from "./accounts/simulator-account.js";
import type { SentMessage } from "./behaviour/sent-message.js";
import type { CorsOption } from "./cors/cors-options.js";
import type { Fault, FaultTarget } from "./faults/fault.js";
import type { RequestLogEntry } from "./observe/request-log-entry.js";
import type { ResponseViolation } from "./observe/response-violation.js";
import type { SimulatorStats } from "./observe/simulator-stats.js";
import type { SimulatorClock } from "./tokens/simulated-clock.js";

/** Which spec to simulate: a provider id shipped with this package, or any spec file. */
export type ProviderSource = string | { readonly specPath: string };

export interface SimulatorOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
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
 * A running simulator. `Credentials` types its accounts' credentials, e.g.
 * `startSimulator<VeroOmsCredentials>("vero-oms")`, so they go straight into a client's options.
 */
export interface Simulator<Credentials = Readonly<Record<string, unknown>>> {
  /** Base URL, e.g. `http://127.0.0.1:53211`: give it to a client as its base URL. */
  readonly url: string;
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
  close(): Promise<void>;
}
