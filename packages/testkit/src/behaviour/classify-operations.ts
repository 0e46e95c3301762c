import { SpecError } from "../errors/SpecError.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { OperationRole, OperationRoles } from "./operation-role.js";

/**
 * Assigns each operation its role, all of them as `x-loginkit` declares: sign-in, refresh,
 * session and sign-out by name, and the steps of `x-loginkit.cookieFlow` (start, verify, finish),
 * which the contract has checked against the operations' cookies and answers.
 */
export function classifyOperations(
  spec: LoadedSpec,
  operations: readonly SpecOperation[],
): OperationRoles {
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const named = (reference: { operationId: string } | undefined) => {
    if (reference === undefined) return undefined;
    const operation = byId.get(reference.operationId);
    if (operation === undefined) {
      throw new SpecError(
        `x-loginkit names operation "${reference.operationId}", which is not in paths`,
        spec.path,
      );
    }
    return operation;
  };
  const { loginkit } = spec;
  const signIn = named(loginkit.signIn) as SpecOperation;
  const declared: [SpecOperation | undefined, OperationRole][] = [
    [signIn, "signIn"],
    [named(loginkit.refresh), "refresh"],
    [named(loginkit.session), "session"],
    [named(loginkit.signOut), "signOut"],
    [named(loginkit.cookieFlow?.start), "cookieStart"],
    [named(loginkit.cookieFlow?.verify), "cookieVerify"],
    [named(loginkit.cookieFlow?.finish), "cookieSignIn"],
  ];
  const roles = new Map<SpecOperation, OperationRole>();
  for (const [operation, role] of declared) {
    if (operation !== undefined && !roles.has(operation)) roles.set(operation, role);
  }
  return {
    signIn,
    refresh: named(loginkit.refresh),
    session: named(loginkit.session),
    signOut: named(loginkit.signOut),
    signInSchemaTarget: successOf(signIn)?.schemaTarget,
    cookieName: loginkit.cookieFlow?.cookie,
    roleOf: (operation) => roles.get(operation) ?? "other",
  };
}

/** The first 2xx response, the one the simulator answers on success. */
export function successOf(operation: SpecOperation) {
  const status = [...operation.responses.keys()].sort().find((key) => key.startsWith("2"));
  return status === undefined ? undefined : operation.responses.get(status);
}
