import type { LoadedSpec } from "../spec/load-spec.js";
import {
  dereference,
  listOperations,
  listParameters,
  requestMediaType,
  responseSchema,
  type SpecOperation,
} from "../spec/operations.js";
import type { XLoginkit, XLoginkitInput } from "../x-loginkit/x-loginkit.js";
import { toCamelCase, toPascalCase } from "./naming.js";

/** What the generated entry point and README need to know about a spec, worked out once. */
export interface ClientShape {
  /** `VeroOms`: stem of `createVeroOmsClient`, `VeroOmsClientOptions`... */
  readonly name: string;
  /** `veroOms`. */
  readonly variableName: string;
  readonly packageName: string;
  readonly displayName: string;
  readonly defaultBaseUrl: string | undefined;
  readonly signIn: {
    operationId: string;
    requestMediaType: string;
    responseStatus: string;
    responseMediaType: string;
  };
  readonly session:
    | { operationId: string; responseStatus: string; responseMediaType: string }
    | undefined;
  /** The refresh operation, when the provider documents one: the client gets `refresh()`. */
  readonly refresh: { operationId: string } | undefined;
  readonly inputs: readonly XLoginkitInput[];
  /** Every operation, for the typed `client.operations.<operationId>(init)` calls. */
  readonly operations: readonly ShapedOperation[];
  /** True when some option must be given, so `create<Name>Client()` takes no default `{}`. */
  readonly optionsRequired: boolean;
}

export interface ShapedOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string | undefined;
  /** True when the call needs no body and no parameter, so `init` may be left out. */
  readonly initOptional: boolean;
}

export function describeClientShape(spec: LoadedSpec, extension: XLoginkit): ClientShape {
  const operations = new Map(
    listOperations(spec.document).map((operation) => [operation.operationId, operation]),
  );
  const signInOperation = operations.get(extension.signIn.operationId)!;
  const signInMediaType = requestMediaType(spec.document, signInOperation);
  if (!signInMediaType) {
    throw spec.errorAt(
      [...signInOperation.location],
      "the sign-in operation has no JSON request body for the credentials",
    );
  }
  const signInResponse = successResponse(spec, extension.signIn.operationId, operations);
  const session = extension.session
    ? successResponse(spec, extension.session.operationId, operations)
    : undefined;
  const defaultBaseUrl = spec.document.servers?.[0]?.url;
  const inputs = extension.inputs ?? [];
  return {
    name: toPascalCase(spec.entry.id),
    variableName: toCamelCase(spec.entry.id),
    packageName: `@loginkit/${spec.entry.id}`,
    displayName: extension.displayName,
    defaultBaseUrl,
    signIn: {
      operationId: extension.signIn.operationId,
      requestMediaType: signInMediaType,
      ...signInResponse,
    },
    session: session && { operationId: extension.session!.operationId, ...session },
    refresh: extension.refresh && { operationId: extension.refresh.operationId },
    inputs,
    operations: [...operations.values()].map((operation) => shapeOperation(spec, operation)),
    optionsRequired: defaultBaseUrl === undefined || inputs.some((input) => input.required),
  };
}

function shapeOperation(spec: LoadedSpec, operation: SpecOperation): ShapedOperation {
  const body = dereference(spec.document, operation.object.requestBody);
  const requiredParameter = listParameters(spec.document, operation).some(
    (parameter) => parameter.required === true,
  );
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    summary: typeof operation.object.summary === "string" ? operation.object.summary : undefined,
    initOptional: body?.required !== true && !requiredParameter,
  };
}

function successResponse(
  spec: LoadedSpec,
  operationId: string,
  operations: Map<string, ReturnType<typeof listOperations>[number]>,
): { responseStatus: string; responseMediaType: string } {
  const operation = operations.get(operationId)!;
  for (const status of ["200", "201"]) {
    const response = responseSchema(spec.document, operation, status);
    if (response) return { responseStatus: status, responseMediaType: response.mediaType };
  }
  throw spec.errorAt(
    [...operation.location, "responses"],
    `operation \`${operationId}\` has no JSON 200 response`,
  );
}
