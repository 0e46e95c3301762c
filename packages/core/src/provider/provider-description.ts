import type { ProviderFeatures } from "./provider-features.js";

/**
 * What a generated client package tells `@loginkit/core` about its provider.
 *
 * The generator (`scripts/src/`) builds one of these from a spec's `x-loginkit` extension,
 * its `servers`, `securitySchemes` and operations, and exports it as typed data. Core never
 * reads a spec itself: everything it knows about a provider arrives through this object.
 *
 * Values written as "runtime expressions" follow OpenAPI's syntax, e.g. `$response.body#/jwt`
 * (a JSON pointer into the sign-in or refresh response body).
 */
export interface ProviderDescription {
  /** The spec's file name without extension, e.g. `vero-oms`. */
  readonly id: string;
  /** Human name, e.g. `Vero OMS`. */
  readonly displayName: string;
  /** The spec's top-level server URLs, in order. Empty when the provider is self-hosted. */
  readonly servers: readonly string[];
  /** How the access token is presented, from the spec's `components.securitySchemes`. */
  readonly securityScheme: SecuritySchemeDescription;
  /** Every operation of the spec, keyed by operationId. */
  readonly operations: Readonly<Record<string, OperationDescription>>;
  /** The operation that exchanges credentials for tokens. Its request body is the credentials. */
  readonly signIn: OperationReference;
  /** Exchanges a refresh token for new tokens. Absent: renewing means signing in again. */
  readonly refresh?: RefreshDescription;
  /** Ends the session at the provider. Absent: logout only clears the local store. */
  readonly signOut?: OperationReference;
  /** Reads the session of the token's user ("who am I"). */
  readonly session?: OperationReference;
  /** Where the sign-in (and refresh) response keeps its tokens and expiry. */
  readonly token: TokenLocations;
  /** Which error responses mean what. */
  readonly errors: ErrorClassification;
  /** Values set once per client and sent with requests (path parameters or headers). */
  readonly inputs: readonly ClientInput[];
  /** True when some operation sets or reads a cookie (e.g. Vero's recovery session). */
  readonly cookies: boolean;
  /**
   * The code this description calls for (cookie jar, refresh, JWT expiry), as generated clients
   * hand it over so bundles carry only what their provider uses. `createProviderClient` fills
   * in whatever is missing; `createTypedClient` requires what the description declares.
   */
  readonly features?: ProviderFeatures;
  /**
   * The sign-in request body's schema, from the spec: core checks credentials against it
   * before anything is sent (a missing field, Enad's 10-character password minimum).
   */
  readonly credentialsSchema?: CredentialsSchema;
  /**
   * The credentials' fields that name the account (`email`, `client_id`; never a secret): the
   * default `storeKey` carries a digest of their values, so accounts sharing a store stay apart.
   */
  readonly accountFields?: readonly string[];
}

/**
 * The subset of JSON Schema that core checks credentials against. Other keywords a spec uses
 * are left to the provider; a `format` core does not know is not checked.
 */
export interface CredentialsSchema {
  readonly type?: "object" | "string" | "number" | "integer" | "boolean" | "array" | "null";
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, CredentialsSchema>>;
  readonly additionalProperties?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly CredentialsSchema[];
  readonly anyOf?: readonly CredentialsSchema[];
}

export type SecuritySchemeDescription =
  | { readonly type: "http"; readonly scheme: "bearer" }
  | { readonly type: "apiKey"; readonly in: "header"; readonly name: string };

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export interface OperationDescription {
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/api/v1/{app_id}/auth/login`. */
  readonly path: string;
  /** Operation-level `servers` override, when the spec has one. */
  readonly servers?: readonly string[];
  /** True when the operation needs no token (`security: []`). */
  readonly public: boolean;
  /** True when the request may be replayed after a failure with no response, even if not idempotent. */
  readonly replaySafe: boolean;
}

export interface OperationReference {
  readonly operationId: string;
}

export interface RefreshDescription extends OperationReference {
  /**
   * JSON body to send. Values are literals or `$session.refreshToken` / `$session.accessToken`.
   * @example { refresh_token: "$session.refreshToken" }
   */
  readonly body?: Readonly<Record<string, string>>;
}

export interface TokenLocations {
  /** @example "$response.body#/jwt" */
  readonly accessToken: string;
  /** @example "$response.body#/refresh_token" */
  readonly refreshToken?: string;
  /** Seconds from receipt. @example "$response.body#/expires_in" */
  readonly expiresIn?: string;
  /** An RFC 3339 date-time. @example "$response.body#/session/expires_at" */
  readonly expiresAt?: string;
}

/**
 * Matches an error response. Every given field must match.
 * `pointer` + `values`: the JSON body's value at that pointer is one of `values`.
 */
export interface ErrorMatcher {
  readonly status: number;
  /** Only responses to these operations. */
  readonly operations?: readonly string[];
  /** JSON pointer into the error body, e.g. `/error_code`. */
  readonly pointer?: string;
  readonly values?: readonly string[];
}

export interface ErrorClassification {
  /** The token is no longer valid: renew and replay once. */
  readonly tokenExpired: readonly ErrorMatcher[];
  /** The credentials are wrong or the account unusable: never retried. */
  readonly badCredentials: readonly ErrorMatcher[];
}

export interface ClientInput {
  /** Option name on `create<Provider>Client`, e.g. `appId`. */
  readonly option: string;
  readonly in: "path" | "header";
  /** Parameter or header name in the spec, e.g. `app_id`, `X-Account-ID`. */
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  /**
   * Where the value comes from when the option is not given, as a runtime expression into
   * the sign-in response. @example "$response.body#/primaryAccount/accountId"
   */
  readonly default?: string;
}
