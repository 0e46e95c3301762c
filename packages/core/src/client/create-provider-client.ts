import type { ProviderDescription } from "../provider/provider-description.js";
import { readJwtClaims } from "../session/read-jwt-claims.js";
import { refreshSession } from "../session/refresh-session.js";
import { createCookieJar } from "../transport/cookie-jar-feature.js";
import { buildProviderClient } from "./build-provider-client.js";
import type { ProviderClient, ProviderClientOptions, ProviderTypes } from "./client-types.js";

/**
 * An openapi-fetch client for a provider whose `fetch` signs in lazily, attaches and renews the
 * token, replays once after a rejected token, follows redirects without leaking credentials to
 * other origins, and retries transient failures. Every feature a description may call for is
 * included, so it suits a description written by hand; a generated client (`createTypedClient`)
 * ships only the features its provider uses.
 *
 * @example
 * const client = createProviderClient<VeroTypes>(veroDescription, { credentials: { email, password } });
 * const { data, error } = await client.GET("/orders");
 */
export function createProviderClient<T extends ProviderTypes>(
  description: ProviderDescription,
  options: ProviderClientOptions<T["credentials"]> & Record<string, unknown>,
): ProviderClient<T> {
  return buildProviderClient<T>(description, options, {
    createCookieJar,
    refreshSession,
    readJwtClaims,
    ...description.features,
  });
}
