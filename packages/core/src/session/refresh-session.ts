import { readBody } from "../utils/read-body.js";
import { collectSecrets } from "../utils/scrub-secrets.js";
import { JSON_HEADERS, type OperationSender } from "./operation-sender.js";
import { readSession } from "./read-session.js";
import { answerContext } from "./received-at.js";
import { createRefusalError } from "./refusal-error.js";
import type { StoredSession } from "./token-store.js";

/**
 * Exchanges the refresh token for new tokens. A refused refresh token (401, `badCredentials`,
 * `tokenExpired`) throws `AuthenticationError`, on which the session manager signs in again.
 */
export async function refreshSession(sender: OperationSender, session: StoredSession) {
  const { description } = sender;
  const refresh = description.refresh;
  if (!refresh) throw new Error("refreshSession called for a provider without refresh");
  const operation = description.operations[refresh.operationId];
  const request = sender.operationRequest(refresh.operationId, {
    headers: JSON_HEADERS,
    body: refresh.body ? JSON.stringify(fillTemplate(refresh.body, session)) : undefined,
  });
  const auth = operation?.public
    ? ({ kind: "none" } as const)
    : ({ kind: "token", token: session.accessToken, inputs: session.inputs } as const);
  const response = await sender.send(request.clone(), auth, { readWhole: true });
  const body = await readBody(response, sender.options);
  if (!response.ok) {
    const refused = [...description.errors.badCredentials, ...description.errors.tokenExpired];
    const facts = { operationId: refresh.operationId, request, response, body };
    const secrets = collectSecrets(
      session.accessToken,
      session.refreshToken,
      sender.knownSecrets(),
    );
    throw createRefusalError(description, facts, refused, secrets);
  }
  const context = answerContext(sender, response);
  return readSession(body, { ...context, previous: session });
}

function fillTemplate(template: Readonly<Record<string, string>>, session: StoredSession) {
  const values: Record<string, string | undefined> = {
    "$session.refreshToken": session.refreshToken,
    "$session.accessToken": session.accessToken,
  };
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => [key, value in values ? values[value] : value]),
  );
}
