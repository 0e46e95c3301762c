import type { OperationSender } from "../session/operation-sender.js";
import type { StoredSession } from "../session/token-store.js";
import type { CookieJar } from "../transport/cookie-jar.js";

/** The claims core reads from a JWT access token, unverified, to plan a renewal. */
export interface JwtClaims {
  readonly exp?: unknown;
  readonly iat?: unknown;
}

/**
 * Code a provider needs only when its description says so. A generated `provider.ts` hands over
 * exactly what its spec uses, so a bundle for a provider without refresh, cookies or JWT expiry
 * carries none of that code; `createProviderClient` fills in all of it for a description written
 * by hand.
 */
export interface ProviderFeatures {
  /**
   * For `cookies: true`: keeps the provider's cookies between calls. `undefined` where the
   * platform keeps them itself (a browser).
   */
  readonly createCookieJar?: () => CookieJar | undefined;
  /** For a described `refresh`: exchanges the refresh token for new tokens. */
  readonly refreshSession?: (
    sender: OperationSender,
    session: StoredSession,
  ) => Promise<StoredSession>;
  /** For tokens whose expiry the answer does not name: reads `exp` from the JWT itself. */
  readonly readJwtClaims?: (token: string) => JwtClaims;
}
