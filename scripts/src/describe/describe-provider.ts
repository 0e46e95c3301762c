import type { LoadedSpec } from "../spec/load-spec.js";
import {
  dereference,
  isPublicOperation,
  listOperations,
  listParameters,
} from "../spec/operations.js";
import type { XLoginkit } from "../x-loginkit/x-loginkit.js";

/**
 * The `ProviderDescription` (packages/core/src/provider/provider-description.ts) of a spec, as
 * plain data for the generated `provider.ts`. Keys are written in a fixed order so output is stable.
 */
export function describeProvider(spec: LoadedSpec, extension: XLoginkit): Record<string, unknown> {
  const { document } = spec;
  const replaySafe = new Set(extension.replaySafe ?? []);
  const operations: Record<string, unknown> = {};
  let cookies = false;

  for (const operation of listOperations(document)) {
    const servers = (operation.object.servers as { url: string }[] | undefined)?.map(
      (server) => server.url,
    );
    operations[operation.operationId] = omitUndefined({
      method: operation.method,
      path: operation.path,
      servers,
      public: isPublicOperation(document, operation),
      replaySafe: replaySafe.has(operation.operationId),
    });
    if (usesCookies(spec, operation)) cookies = true;
  }

  return omitUndefined({
    id: spec.entry.id,
    displayName: extension.displayName,
    servers: (document.servers ?? []).map((server) => server.url),
    securityScheme: describeSecurityScheme(spec, extension.securityScheme),
    operations,
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
    cookies,
  });
}

function describeSecurityScheme(spec: LoadedSpec, name: string): Record<string, unknown> {
  const scheme =
    dereference(spec.document, spec.document.components?.securitySchemes?.[name]) ?? {};
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
    return { type: "http", scheme: "bearer" };
  }
  if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string") {
    return { type: "apiKey", in: "header", name: scheme.name };
  }
  throw spec.errorAt(
    ["components", "securitySchemes", name],
    `security scheme \`${name}\` is not supported: use http bearer or an apiKey header`,
  );
}

function usesCookies(
  spec: LoadedSpec,
  operation: ReturnType<typeof listOperations>[number],
): boolean {
  if (listParameters(spec.document, operation).some((parameter) => parameter.in === "cookie"))
    return true;
  const responses = Object.values((operation.object.responses as Record<string, unknown>) ?? {});
  return responses.some((response) => {
    const headers = dereference(spec.document, response)?.headers as
      | Record<string, unknown>
      | undefined;
    return Object.keys(headers ?? {}).some((header) => header.toLowerCase() === "set-cookie");
  });
}

function omitUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
