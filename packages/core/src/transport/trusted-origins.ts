import type { ProviderDescription } from "../provider/provider-description.js";

export interface TrustOptions {
  baseUrl: string;
  /** True when the caller chose `baseUrl`: then the spec's own servers are someone else's. */
  baseUrlIsExplicit: boolean;
  /** Origins the caller adds (e.g. a staging REST host beside a staging login host). */
  trustedOrigins: readonly string[];
}

/**
 * The origins that may receive credentials. With the default base URL: the spec's servers and
 * every operation's servers (Vero signs in on one host and serves its REST API on another). With
 * an explicit base URL: that origin and `trustedOrigins` only, so a staging token never reaches
 * the production hosts the spec lists. Anything else (another host, or another port on the same
 * host) gets no token, no input header and no cookie.
 */
export function collectTrustedOrigins(description: ProviderDescription, options: TrustOptions) {
  const urls = [
    options.baseUrl,
    ...options.trustedOrigins,
    ...(options.baseUrlIsExplicit ? [] : collectSpecServers(description)),
  ];
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(new URL(url, options.baseUrl).origin);
    } catch {
      // An unparsable server URL trusts nothing.
    }
  }
  return origins;
}

function collectSpecServers(description: ProviderDescription) {
  return [
    ...description.servers,
    ...Object.values(description.operations).flatMap((operation) => operation.servers ?? []),
  ];
}

/** Every server URL the description and options mention, for path-prefix matching. */
export function collectServerUrls(description: ProviderDescription, baseUrl: string) {
  return [
    baseUrl,
    ...description.servers,
    ...Object.values(description.operations).flatMap((operation) => operation.servers ?? []),
  ];
}
