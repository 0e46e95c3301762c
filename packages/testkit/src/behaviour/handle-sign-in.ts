import { buildErrorBody, matcherFor } from "../responses/build-error-body.js";
import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { signInAnswer } from "./sign-in-answer.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** Credentials in, tokens out; wrong ones get the provider's bad-credentials answer. */
export async function handleSignIn(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): Promise<SimulatedResponse> {
  const result = context.accounts.authenticate(request.body);
  if (!result.ok) {
    context.counters.failedSignIns += 1;
    const matcher = matcherFor(context.spec.loginkit.errors.badCredentials, operation);
    const status = matcher?.status ?? 401;
    // The example's own message already says "invalid credentials" in the provider's words.
    return { status, body: buildErrorBody(context, { operation, status, matcher }) };
  }
  context.counters.signIns += 1;
  return signInAnswer(context, operation, result.account);
}
