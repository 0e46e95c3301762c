import { buildErrorBody } from "../responses/build-error-body.js";
import { responseFor } from "../responses/example-for.js";
import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { answerBadInput } from "./answer-bad-input.js";
import { answerSuccess } from "./answer-success.js";
import type { CookieSession } from "./cookie-sessions.js";
import { signInAnswer } from "./sign-in-answer.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/*
 * A cookie flow such as Vero's password recovery, read off the spec's shapes:
 * - the operation answering with Set-Cookie opens a session for the account its body names and
 *   "sends" it a code (kept in `sim.messages`);
 * - an operation needing that cookie and answering something else checks the code;
 * - an operation needing that cookie and answering like sign-in takes the new secret (a body
 *   field named like a credential secret) and signs the account in.
 */

export function handleCookieStart(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): SimulatedResponse {
  const values = Object.values((request.body ?? {}) as Record<string, unknown>);
  const account = context.accounts.findByIdentity(values);
  const session = context.cookieSessions.open(account);
  // An unknown address still gets the same answer: a real provider does not reveal accounts.
  if (account !== undefined) {
    const to = values.find((value) => typeof value === "string") as string;
    context.messages.push({
      to,
      code: session.code,
      operationId: operation.operationId,
      sentAt: context.clock.now(),
    });
  }
  const lifetimeSeconds = Math.round(
    (session.expiresAt.getTime() - context.clock.now().getTime()) / 1000,
  );
  return answerSuccess(operation, {
    "set-cookie": `${context.roles.cookieName}=${session.value}; Path=/; Max-Age=${lifetimeSeconds}; HttpOnly; SameSite=Lax`,
  });
}

export function handleCookieVerify(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): SimulatedResponse {
  const session = findSession(context, request);
  if (session === undefined)
    return refuse(context, operation, "The session cookie is unknown or has expired.");
  const values = Object.values((request.body ?? {}) as Record<string, unknown>);
  if (session.account === undefined || !values.includes(session.code)) {
    return refuse(context, operation, "The code is wrong.");
  }
  session.verified = true;
  return answerSuccess(operation);
}

export async function handleCookieSignIn(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): Promise<SimulatedResponse> {
  const session = findSession(context, request);
  if (session === undefined)
    return refuse(context, operation, "The session cookie is unknown or has expired.");
  const needsVerification = context.operations.some(
    (candidate) => context.roles.roleOf(candidate) === "cookieVerify",
  );
  if (session.account === undefined || (needsVerification && !session.verified)) {
    return refuse(context, operation, "The session has not been verified with the code.");
  }
  context.accounts.updateSecrets(session.account, request.body);
  context.cookieSessions.close(session);
  context.counters.signIns += 1;
  return signInAnswer(context, operation, session.account);
}

function findSession(
  context: SimulatorContext,
  request: SimulatedRequest,
): CookieSession | undefined {
  const name = context.roles.cookieName;
  return name === undefined ? undefined : context.cookieSessions.find(request.cookies[name]);
}

/** 401 where the spec declares one, else the operation's bad-input answer. */
function refuse(
  context: SimulatorContext,
  operation: SpecOperation,
  message: string,
): SimulatedResponse {
  if (responseFor(operation, 401) === undefined)
    return answerBadInput(context, operation, [message]);
  return { status: 401, body: buildErrorBody(context, { operation, status: 401, message }) };
}
