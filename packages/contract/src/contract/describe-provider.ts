import { isSameParameterName } from "../rules/header-name.js";
import { listParameters, type SpecOperation } from "../spec/operations.js";
import type { LoadedSpec } from "../spec/parse-spec.js";
import { dereference } from "../spec/resolve-reference.js";
import type { XLoginkit } from "../x-loginkit/x-loginkit.js";

/**
 * A spec's `ProviderDescription` (`@loginkit/core`) as plain data: what the generated
 * `provider.ts` holds and what the simulator acts on. Keys are in a fixed order and absent
 * values left out, so generated output is stable.
 */
export function describeProvider(
  id: string,
  spec: LoadedSpec,
  extension: XLoginkit,
  operations: readonly SpecOperation[],
): Record<string, unknown> {
  const { document } = spec;
  const replaySafe = new Set(extension.replaySafe ?? []);
  const described: Record<string, unknown> = {};
  for (const operation of operations) {
    const servers = (operation.object.servers as { url: string }[] | undefined)?.map(
      (server) => server.url,
    );
    described[operation.operationId] = omitUndefined({
      method: operation.method,
      path: operation.path,
      servers,
      public: operation.security.token !== "required",
      replaySafe: replaySafe.has(operation.operationId),
    });
  }
  return omitUndefined({
    id,
    displayName: extension.displayName,
    servers: (document.servers ?? []).map((server) => server.url),
    securityScheme: describeSecurityScheme(spec, extension.securityScheme),
    operations: described,
    signIn: { operationId: extension.signIn.operationId },
    refresh:
      extension.refresh &&
      omitUndefined({ operationId: extension.refresh.operationId, body: extension.refresh.body }),
    signOut: extension.signOut && { operationId: extension.signOut.operationId },
    session: extension.session && { operationId: extension.session.operationId },
    token: omitUndefined({ ...extension.token }),
    errors: {
      tokenExpired: extension.errors.tokenExpired.map((matcher) => omitUndefined({ ...matcher })),
      badCredentials: extension.errors.badCredentials.map((matcher) =>
        omitUndefined({ ...matcher }),
      ),
    },
    inputs: (extension.inputs ?? []).map((input) => omitUndefined({ ...input })),
    cookies: operations.some((operation) => usesCookies(spec, operation)),
  });
}

/** Validated already (cross-check): http bearer or an apiKey header. */
function describeSecurityScheme(spec: LoadedSpec, name: string): Record<string, unknown> {
  const scheme =
    dereference(spec.document, spec.document.components?.securitySchemes?.[name]) ?? {};
  if (scheme.type === "apiKey") return { type: "apiKey", in: "header", name: scheme.name };
  return { type: "http", scheme: "bearer" };
}

function usesCookies(spec: LoadedSpec, operation: SpecOperation): boolean {
  if (listParameters(spec.document, operation).some((parameter) => parameter.in === "cookie"))
    return true;
  const responses = Object.values((operation.object.responses as Record<string, unknown>) ?? {});
  return responses.some((response) => {
    const headers = dereference(spec.document, response)?.headers ?? {};
    return Object.keys(headers).some((header) =>
      isSameParameterName("header", header, "set-cookie"),
    );
  });
}

function omitUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
