export {
  type CoordinatedTokenStore,
  isCoordinatedTokenStore,
  type VersionedSession,
} from "./auth/coordinated-token-store.js";
export { parseStoredSession } from "./auth/read-stored-session.js";
export type { RetryReason, SessionEvent } from "./auth/session-event.js";
export type { StoreOperation } from "./auth/store-call.js";
export { createMemoryTokenStore, type StoredSession, type TokenStore } from "./auth/token-store.js";
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
export type * from "./provider/provider-description.js";
export {
  defaultRetryOptions,
  type NormalizedRetryOptions,
  normalizeRetryOptions,
  type RetryContext,
  type RetryOptions,
} from "./retry/retry-options.js";
