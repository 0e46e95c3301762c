export type {
  ProviderClient,
  ProviderClientOptions,
  ProviderTypes,
} from "./client/client-types.js";
export type { CookiesFromJar } from "./client/cookie-parameters.js";
export { createProviderClient } from "./client/create-provider-client.js";
export {
  createTypedClient,
  type TypedClient,
  type TypedClientOptions,
} from "./client/create-typed-client.js";
export { defaultClientOptions } from "./client/normalize-client-options.js";
export {
  bindOperations,
  type OperationInit,
  type OperationMethod,
  type OperationTable,
  type TypedOperations,
  type WithFilledPath,
} from "./client/operation-table.js";
export type { LoginkitRequestOptions } from "./client/request-options.js";
export type { ProviderTypesOf, TypedProviderTypes } from "./client/typed-provider-types.js";
export {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  CredentialsError,
  type ErrorRequest,
  HttpError,
  LoginkitError,
  NetworkError,
  ProtocolError,
  RetriesExhaustedError,
  TimeoutError,
} from "./errors/index.js";
export type { EventFilter, EventScope } from "./events/event-listeners.js";
export type { SessionEvent } from "./events/session-event.js";
export { LOG_LEVELS, type Logger, type LogLevel } from "./logging/log-level.js";
export type * from "./provider/provider-description.js";
export type { JwtClaims, ProviderFeatures } from "./provider/provider-features.js";
export {
  defaultRetryOptions,
  type NormalizedRetryOptions,
  normalizeRetryOptions,
  type RetryContext,
  type RetryOptions,
  type RetryReason,
} from "./retry/retry-options.js";
export {
  type CoordinatedTokenStore,
  type DeletedSession,
  isCoordinatedTokenStore,
  isRefusalSharingStore,
  type RefusalSharingStore,
  type SignInRefusal,
  type VersionedSession,
} from "./session/coordinated-token-store.js";
export { DEFAULT_LEASE_MS, deriveLeaseTiming, type LeaseTiming } from "./session/lease-timing.js";
export { readJwtClaims } from "./session/read-jwt-claims.js";
export { parseStoredSession } from "./session/read-stored-session.js";
export { refreshSession } from "./session/refresh-session.js";
export type { StoreOperation } from "./session/store-call.js";
export {
  createMemoryTokenStore,
  type StoredSession,
  type TokenStore,
} from "./session/token-store.js";
export type { CookieJar } from "./transport/cookie-jar.js";
export { createCookieJar } from "./transport/cookie-jar-feature.js";
export { type CappedBody, readBodyCapped } from "./utils/read-body-capped.js";
export { scrubSecrets } from "./utils/scrub-secrets.js";
