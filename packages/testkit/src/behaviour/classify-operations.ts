import { SpecError } from "../errors/SpecError.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { OperationRole, OperationRoles } from "./operation-role.js";

/** Assigns each operation its role, from `x-loginkit` first, then from the spec's shapes. */
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
  const refresh = named(loginkit.refresh);
  const session = named(loginkit.session);
  const signOut = named(loginkit.signOut);
  const signInSchemaTarget = successOf(signIn)?.schemaTarget;

  const cookieStarts = operations.filter(
    (operation) => setCookieExampleOf(operation) !== undefined,
  );
  const cookieName =
    cookieStarts.map(setCookieExampleOf).map(cookieNameOf).find(Boolean) ??
    operations.flatMap((o) => o.parameters).find((p) => p.in === "cookie")?.name;
  const needsCookie = (operation: SpecOperation) =>
    operation.parameters.some((p) => p.in === "cookie" && p.required && p.name === cookieName);

  const roles = new Map<SpecOperation, OperationRole>();
  for (const operation of operations) {
    let role: OperationRole = "other";
    if (operation === signIn) role = "signIn";
    else if (operation === refresh) role = "refresh";
    else if (operation === session) role = "session";
    else if (operation === signOut) role = "signOut";
    else if (cookieStarts.includes(operation)) role = "cookieStart";
    else if (needsCookie(operation)) {
      const answersLikeSignIn =
        signInSchemaTarget !== undefined &&
        successOf(operation)?.schemaTarget === signInSchemaTarget;
      role = answersLikeSignIn ? "cookieSignIn" : "cookieVerify";
    }
    roles.set(operation, role);
  }
  return {
    signIn,
    refresh,
    session,
    signOut,
    signInSchemaTarget,
    cookieName,
    roleOf: (operation) => roles.get(operation) ?? "other",
  };
}

/** The first 2xx response, the one the simulator answers on success. */
export function successOf(operation: SpecOperation) {
  const status = [...operation.responses.keys()].sort().find((key) => key.startsWith("2"));
  return status === undefined ? undefined : operation.responses.get(status);
}

function setCookieExampleOf(operation: SpecOperation): string | undefined {
  const header = successOf(operation)?.headers.find((h) => h.name.toLowerCase() === "set-cookie");
  if (header === undefined) return undefined;
  return typeof header.example === "string" ? header.example : "";
}

function cookieNameOf(setCookie: string | undefined): string | undefined {
  return setCookie?.match(/^\s*([^=;\s]+)=/)?.[1];
}
