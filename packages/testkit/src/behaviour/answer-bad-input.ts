import { buildErrorBody } from "../responses/build-error-body.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/**
 * Bad input gets the operation's 400 when the spec declares one, else its lowest declared 4xx
 * (PulseCRM's login declares only 401 "Invalid API key or secret"), so the answer stays in spec.
 */
export function answerBadInput(
  context: SimulatorContext,
  operation: SpecOperation,
  problems: readonly string[],
): SimulatedResponse {
  const status = badInputStatus(operation);
  const message = problems.join("; ");
  if (status === undefined) return { status: 400, body: { message }, outOfSpec: true };
  return { status, body: buildErrorBody(context, { operation, status, message }) };
}

export function badInputStatus(operation: SpecOperation): number | undefined {
  if (operation.responses.has("400")) return 400;
  const clientErrors = [...operation.responses.keys()].filter((key) => /^4\d\d$/.test(key)).sort();
  return clientErrors[0] === undefined ? undefined : Number(clientErrors[0]);
}
