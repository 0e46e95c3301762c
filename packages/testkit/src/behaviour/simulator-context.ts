import type { AccountStore } from "../accounts/account-store.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SimulatorClock } from "../tokens/simulated-clock.js";
import type { TokenIssuer } from "../tokens/token-issuer.js";
import type { SchemaValidator } from "../validation/create-schema-validator.js";
import type { CookieSessions } from "./cookie-sessions.js";
import type { OperationRoles } from "./operation-role.js";
import type { SentMessage } from "./sent-message.js";

/** Everything a handler may read or change; one per simulator. */
export interface SimulatorContext {
  readonly spec: LoadedSpec;
  readonly operations: readonly SpecOperation[];
  readonly roles: OperationRoles;
  readonly validator: SchemaValidator;
  readonly clock: SimulatorClock;
  readonly tokens: TokenIssuer;
  readonly accounts: AccountStore;
  readonly cookieSessions: CookieSessions;
  readonly messages: SentMessage[];
  readonly counters: {
    signIns: number;
    failedSignIns: number;
    refreshes: number;
    revokedTokenFamilies: number;
  };
}

/** What a handler answers; the server validates it against the operation before sending. */
export interface SimulatedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body; `undefined` sends none. */
  readonly body?: unknown;
  /**
   * The operation whose responses the answer must match. Defaults to the request's operation;
   * the out-of-spec `/__loginkit/*` endpoints borrow one for their 401.
   */
  readonly validateAs?: SpecOperation;
  /** An answer the spec has no place for (e.g. bad input to an operation declaring no 4xx). */
  readonly outOfSpec?: boolean;
}
