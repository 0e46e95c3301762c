import { ConfigurationError } from "../errors/ConfigurationError.js";
import { readBody } from "../utils/read-body.js";
import { collectSecrets } from "../utils/scrub-secrets.js";
import { JSON_HEADERS, type OperationSender } from "./operation-sender.js";
import { readSession } from "./read-session.js";
import { receivedAt } from "./received-at.js";
import { createRefusalError } from "./refusal-error.js";
import type { SignInResult } from "./session-manager.js";

/**
 * Calls the provider's sign-in operation with the credentials as JSON body. Public: no token.
 * Retried like any request (so only when the operation is `replaySafe`); a refusal throws
 * `AuthenticationError` at once.
 */
export async function signIn(sender: OperationSender, credentials: unknown): Promise<SignInResult> {
  const { description } = sender;
  if (credentials === undefined) {
    throw new ConfigurationError(`Signing in to ${description.displayName} needs \`credentials\``);
  }
  const { operationId } = description.signIn;
  const request = sender.operationRequest(operationId, {
    headers: JSON_HEADERS,
    body: JSON.stringify(credentials),
  });
  const response = await sender.send(request.clone(), { auth: "none" }, { readWhole: true });
  const body = await readBody(response, sender.options);
  if (!response.ok) {
    const facts = { operationId, request, response, body };
    throw createRefusalError(description, facts, undefined, collectSecrets(credentials));
  }
  const context = { token: description.token, inputs: description.inputs, ...receivedAt(response) };
  return { session: readSession(body, context), data: body };
}

/** A credentials option may be a value or a function (a vault lookup), read at each sign-in. */
export async function resolveCredentials(credentials: unknown): Promise<unknown> {
  return typeof credentials === "function" ? await credentials() : credentials;
}
