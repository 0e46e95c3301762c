import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { answerBadInput } from "./answer-bad-input.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/**
 * The answer to a request that could not be read: 413 past the body cap (no spec declares one,
 * so it is a plain answer), else the operation's own bad-input answer naming what was wrong, or
 * a plain 400 where no operation matched. As a provider would: a 4xx, never a crash.
 */
export function answerMalformed(
  context: SimulatorContext,
  operation: SpecOperation | undefined,
  malformed: NonNullable<SimulatedRequest["malformed"]>,
): SimulatedResponse {
  const message = malformed.problems.join("; ");
  if (malformed.tooLarge) return { status: 413, body: { message }, outOfSpec: true };
  if (operation !== undefined) {
    if (context.roles.roleOf(operation) === "signIn") context.counters.failedSignIns += 1;
    return answerBadInput(context, operation, malformed.problems);
  }
  return { status: 400, body: { message }, outOfSpec: true };
}
