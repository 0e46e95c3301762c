import { AuthenticationError } from "../errors/AuthenticationError.js";
import { HttpError } from "../errors/HttpError.js";
import { matchError } from "../provider/match-error.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { readJsonPointer } from "../utils/json-pointer.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";

const CODE_FIELDS = ["/error_code", "/errorCode", "/code", "/error/code", "/error"];
const MESSAGE_FIELDS = ["/message", "/error_description", "/detail", "/error/message", "/title"];

/**
 * The error for a failed sign-in or refresh: `AuthenticationError` (with the provider's code
 * and message) when the credentials or token were refused, else `HttpError`. The request body
 * (credentials) is never part of it.
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
  if (status === 401 || matcher) {
    const code = readString(
      body,
      matcher?.pointer ? [matcher.pointer, ...CODE_FIELDS] : CODE_FIELDS,
    );
    const detail = readString(body, MESSAGE_FIELDS) ?? `refused with status ${status}`;
    return new AuthenticationError(`${what}: ${detail}`, {
      status,
      code,
      request: target,
      secrets,
    });
  }
  return new HttpError(`${what} failed with status ${status}`, {
    status,
    body,
    response,
    request: target,
    secrets,
  });
}

function readString(body: unknown, pointers: readonly string[]): string | undefined {
  for (const pointer of pointers) {
    const value = readJsonPointer(body, pointer);
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}
