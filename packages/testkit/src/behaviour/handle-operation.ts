import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { validateRequest } from "../validation/validate-request.js";
import { answerBadInput } from "./answer-bad-input.js";
import { answerSuccess } from "./answer-success.js";
import { handleCookieSignIn, handleCookieStart, handleCookieVerify } from "./handle-cookie-flow.js";
import { handleRefresh } from "./handle-refresh.js";
import { handleSession } from "./handle-session.js";
import { handleSignIn } from "./handle-sign-in.js";
import { readPresentedToken } from "./read-presented-token.js";
import { rejectToken } from "./reject-token.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** Validates the request, checks its token when the operation is protected, then acts by role. */
export async function handleOperation(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): Promise<SimulatedResponse> {
  const role = context.roles.roleOf(operation);
  const problems = validateRequest(context.validator, operation, request);
  if (problems.length > 0) {
    if (role === "signIn") context.counters.failedSignIns += 1;
    return answerBadInput(context, operation, problems);
  }

  const isProtected = operation.securitySchemes.includes(context.spec.loginkit.securityScheme);
  const check = isProtected
    ? await context.tokens.checkAccessToken(readPresentedToken(context, request))
    : undefined;
  if (check !== undefined && !check.ok) return rejectToken(context, operation, check);

  switch (role) {
    case "signIn":
      return handleSignIn(context, operation, request);
    case "refresh":
      return handleRefresh(context, operation, request);
    case "session":
      return check?.ok ? handleSession(context, operation, check.issued) : answerSuccess(operation);
    case "signOut": {
      const token = readPresentedToken(context, request);
      if (token !== undefined) context.tokens.revoke(token);
      return answerSuccess(operation);
    }
    case "cookieStart":
      return handleCookieStart(context, operation, request);
    case "cookieVerify":
      return handleCookieVerify(context, operation, request);
    case "cookieSignIn":
      return handleCookieSignIn(context, operation, request);
    case "other":
      return answerSuccess(operation);
  }
}
