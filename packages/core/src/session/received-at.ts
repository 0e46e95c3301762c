import type { OperationSender } from "./operation-sender.js";
import type { ReadSessionContext } from "./read-session.js";

/** When an answer arrived on our clock, and on the server's per its `Date` header. */
export function receivedAt(response: Response): { now: number; serverNow?: number } {
  const serverNow = Date.parse(response.headers.get("date") ?? "");
  return { now: Date.now(), ...(Number.isFinite(serverNow) ? { serverNow } : {}) };
}

/**
 * What reading a sign-in or refresh answer into a session takes: where the description keeps
 * the tokens, the JWT reader when the provider hands one over, and when the answer arrived.
 */
export function answerContext(sender: OperationSender, response: Response): ReadSessionContext {
  const { description, features } = sender;
  return {
    token: description.token,
    inputs: description.inputs,
    readJwtClaims: features.readJwtClaims,
    ...receivedAt(response),
  };
}
