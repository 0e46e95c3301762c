import { checkCredentials } from "../credentials/check-credentials.js";
import { ConfigurationError } from "../errors/ConfigurationError.js";
import { readBody } from "../utils/read-body.js";
import { scrubError } from "../utils/scrub-error.js";
import { collectSecrets } from "../utils/scrub-secrets.js";
import { JSON_HEADERS, type OperationSender } from "./operation-sender.js";
import { readSession } from "./read-session.js";
import { answerContext } from "./received-at.js";
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
  // A request the provider would refuse (a missing field, a short password) is never sent.
  checkCredentials(description, credentials);
  const { operationId } = description.signIn;
  const request = sender.operationRequest(operationId, {
    headers: JSON_HEADERS,
    body: writeCredentials(credentials, description.displayName),
  });
  const response = await sender.send(request.clone(), { kind: "none" }, { readWhole: true });
  const body = await readBody(response, sender.options);
  if (!response.ok) {
    const facts = { operationId, request, response, body };
    throw createRefusalError(
      description,
      facts,
      undefined,
      collectSecrets(credentials, sender.knownSecrets()),
    );
  }
  const context = answerContext(sender, response);
  return { session: readSession(body, context), data: body };
}

/** The JSON body; a value JSON cannot write (a BigInt, a cycle) is a configuration error. */
function writeCredentials(credentials: unknown, provider: string): string {
  try {
    return JSON.stringify(credentials);
  } catch {
    // The platform's message may quote part of the value: it is not kept.
    throw new ConfigurationError(`The credentials for ${provider} cannot be written as JSON`);
  }
}

/**
 * A credentials option may be a value or a function (a vault lookup), read at each sign-in.
 * A function that throws is a `ConfigurationError`, its error scrubbed of known secrets.
 */
export async function resolveCredentials(
  credentials: unknown,
  sender: { knownSecrets(): readonly string[] },
): Promise<unknown> {
  if (typeof credentials !== "function") return credentials;
  try {
    return await credentials();
  } catch (error) {
    throw new ConfigurationError("The credentials function failed", {
      cause: scrubError(error, sender.knownSecrets()),
    });
  }
}
