export type {
  CoordinatedTokenStore,
  StoredSession,
  TokenStore,
  VersionedSession,
} from "@loginkit/core";
export type { BrowserStoreEvent } from "./browser-store-event.js";
export {
  type BrowserStorageKind,
  type BrowserTokenStoreOptions,
  defaultBrowserStoreOptions,
} from "./browser-store-options.js";
export {
  type BrowserTokenStore,
  createBrowserTokenStore,
  type Unsubscribe,
} from "./create-browser-token-store.js";
export { BrowserStoreError, type BrowserStoreOperation } from "./errors/BrowserStoreError.js";
