import { ConfigurationError } from "../errors/ConfigurationError.js";
import { HttpError } from "../errors/HttpError.js";
import { describeErrorBody, describeFailure } from "../session/describe-error-body.js";
import { JSON_HEADERS } from "../session/operation-sender.js";
import { readBody } from "../utils/read-body.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import type { ProviderRuntime } from "./provider-runtime.js";

/**
 * Calls the sign-out operation (when described and there is a token), then clears the stored
 * session and the cookie jar whatever happened: a failed remote sign-out still ends the session
 * here. Network errors are rethrown after clearing; an HTTP error status is not an error (the
 * token is unusable either way).
 */
export async function endSession(runtime: ProviderRuntime): Promise<void> {
  const { description, session } = runtime;
  try {
    const signOut = description.signOut;
    const token = session.current?.accessToken;
    if (signOut && token !== undefined) {
      const request = runtime.operationRequest(signOut.operationId, { headers: JSON_HEADERS });
      // Read whole (and so bounded by the timeout and the caps), then dropped.
      await runtime.send(request, { auth: "token", token }, { readWhole: true });
    }
  } finally {
    runtime.jar?.clear();
    await session.clear();
  }
}

/** The provider's "who am I" response body, through the authenticated pipeline. */
export async function readProviderSession(runtime: ProviderRuntime): Promise<unknown> {
  const { description } = runtime;
  if (!description.session) {
    throw new ConfigurationError(`${description.displayName} describes no session operation`);
  }
  const { operationId } = description.session;
  const request = runtime.operationRequest(operationId, {
    headers: { accept: "application/json" },
  });
  const response = await runtime.send(request, { auth: "lazy" }, { readWhole: true });
  const body = await readBody(response, runtime.options);
  if (response.ok) return body;
  const secrets = runtime.knownSecrets();
  const what = `${description.displayName} ${operationId}`;
  const described = describeErrorBody(scrubSecrets(body, secrets));
  throw new HttpError(describeFailure(what, "failed", response.status, described), {
    status: response.status,
    body,
    response,
    request,
    secrets,
  });
}
