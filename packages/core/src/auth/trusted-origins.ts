import type { ProviderDescription } from "../provider/provider-description.js";

/**
 * The origins that may receive credentials: the spec's servers, every operation's servers and
 * the base URL. Anything else (another host, or another port on the same host) gets no token,
 * no input header and no cookie.
 */
export function collectTrustedOrigins(description: ProviderDescription, baseUrl: string) {
  const urls = [
    baseUrl,
    ...description.servers,
    ...Object.values(description.operations).flatMap((operation) => operation.servers ?? []),
  ];
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(new URL(url, baseUrl).origin);
    } catch {
      // An unparsable server URL trusts nothing.
    }
  }
  return origins;
}

/** Every server URL the description and options mention, for path-prefix matching. */
export function collectServerUrls(description: ProviderDescription, baseUrl: string) {
  return [
    baseUrl,
    ...description.servers,
    ...Object.values(description.operations).flatMap((operation) => operation.servers ?? []),
  ];
}
