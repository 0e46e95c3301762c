import { AuthenticationError } from "../errors/AuthenticationError.js";
import { HttpError } from "../errors/HttpError.js";
import { matchError } from "../provider/match-error.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import { describeErrorBody, describeFailure } from "./describe-error-body.js";

/**
 * The error for a failed sign-in or refresh: `AuthenticationError` (with the provider's code
 * and message) when the credentials or token were refused, else `HttpError`. Either way the
 * message keeps the provider's words (scrubbed, one short line), the status and the code, for
 * every status. The request body (credentials) is never part of it.
 */
export function createRefusalError(
  description: ProviderDescription,
  facts: { operationId: string; request: Request; response: Response; body: unknown },
  refusedMatchers = description.errors.badCredentials,
  secrets: readonly string[] = [],
) {
  const { operationId, request, response } = facts;
  // Providers sometimes echo what they were sent: keep credentials and tokens out of our words.
  const body = scrubSecrets(facts.body, secrets);
  const status = response.status;
  const matcher = matchError(refusedMatchers, { status, operationId, body });
  const what = `${description.displayName} ${operationId}`;
  const target = { method: request.method, url: request.url };
  const described = describeErrorBody(body, matcher?.pointer);
  if (status === 401 || matcher) {
    return new AuthenticationError(describeFailure(what, "refused", status, described), {
      status,
      code: described.code,
      request: target,
      secrets,
    });
  }
  return new HttpError(describeFailure(what, "failed", status, described), {
    status,
    body,
    response,
    request: target,
    secrets,
  });
}
