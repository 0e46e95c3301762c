import { ConfigurationError } from "../errors/ConfigurationError.js";
import { HttpError } from "../errors/HttpError.js";
import { describeErrorBody, describeFailure } from "../session/describe-error-body.js";
import { JSON_HEADERS } from "../session/operation-sender.js";
import type { SessionManager } from "../session/session-manager.js";
import type { StoredSession } from "../session/token-store.js";
import { readBody } from "../utils/read-body.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import type { RequestPipeline } from "./request-pipeline.js";

/**
 * Calls the sign-out operation (when described and there is a token), then clears the stored
 * session and the cookie jar whatever happened: a failed remote sign-out still ends the session
 * here. Network errors are rethrown after clearing; an HTTP error status is not an error (the
 * token is unusable either way).
 */
export async function endSession(
  pipeline: RequestPipeline,
  session: SessionManager,
): Promise<void> {
  const { description } = pipeline;
  try {
    const signOut = description.signOut;
    const current = session.current;
    if (signOut && current !== undefined) {
      const request = pipeline.operationRequest(signOut.operationId, { headers: JSON_HEADERS });
      const auth = { kind: "token", token: current.accessToken, inputs: current.inputs } as const;
      // Read whole (and so bounded by the timeout and the caps), then dropped.
      await pipeline.send(request, auth, { readWhole: true });
    }
  } finally {
    pipeline.transport.jar?.clear();
    await session.clear();
  }
}

/**
 * Signs `stored` out at the provider when the spec has a sign-out: for a session a renewal
 * yielded after `signOut()` began, which no call will ever use. Best effort, never throws: the
 * session is discarded here either way.
 */
export async function signOutDiscarded(
  pipeline: RequestPipeline,
  stored: StoredSession,
): Promise<void> {
  const signOut = pipeline.description.signOut;
  if (!signOut) return;
  try {
    const request = pipeline.operationRequest(signOut.operationId, { headers: JSON_HEADERS });
    const auth = { kind: "token", token: stored.accessToken, inputs: stored.inputs } as const;
    await pipeline.send(request, auth, { readWhole: true });
  } catch {
    // Already discarded here; the provider lets it expire.
  }
}

/** The provider's "who am I" response body, through the authenticated pipeline. */
export async function readProviderSession(pipeline: RequestPipeline): Promise<unknown> {
  const { description } = pipeline;
  if (!description.session) {
    throw new ConfigurationError(`${description.displayName} describes no session operation`);
  }
  const { operationId } = description.session;
  const request = pipeline.operationRequest(operationId, {
    headers: { accept: "application/json" },
  });
  const response = await pipeline.send(request, { kind: "session" }, { readWhole: true });
  const body = await readBody(response, pipeline.options);
  if (response.ok) return body;
  const secrets = pipeline.knownSecrets();
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
