// The coordination contract of issue #11 is `@loginkit/core`'s: this store implements it.
export type {
  CoordinatedTokenStore,
  StoredSession,
  TokenStore,
  VersionedSession,
} from "@loginkit/core";
