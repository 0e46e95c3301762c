import {
  listParameters,
  requestContent,
  responseContent,
  type SpecOperation,
  type XLoginkitInput,
} from "@loginkit/contract";
import type { LoadedProvider } from "../spec/load-spec.js";
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
  /**
   * The operations of the typed `client.operations.<operationId>(init)` calls: every one but those
   * the client makes itself (sign-in, refresh, sign-out), which a raw call would not keep a token of.
   */
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
  /** Path parameters that a client input fills in (`app_id` from `appId`). */
  readonly filledPathParameters: readonly { name: string; option: string }[];
}

/** The contract validated every operationId and response this reads: no check is repeated here. */
export function describeClientShape({ entry, contract }: LoadedProvider): ClientShape {
  const { extension, spec } = contract;
  const signIn = contract.operation(extension.signIn.operationId);
  const signInBody = requestContent(spec.document, signIn)!;
  const signInAnswer = responseContent(spec.document, signIn, "2xx")!;
  const sessionAnswer =
    extension.session &&
    responseContent(spec.document, contract.operation(extension.session.operationId), "2xx")!;
  const defaultBaseUrl = spec.document.servers?.[0]?.url;
  const inputs = extension.inputs ?? [];
  const managedOperationIds = new Set(
    [extension.signIn, extension.refresh, extension.signOut].flatMap((role) =>
      role ? [role.operationId] : [],
    ),
  );
  return {
    name: toPascalCase(entry.id),
    variableName: toCamelCase(entry.id),
    packageName: `@loginkit/${entry.id}`,
    displayName: extension.displayName,
    defaultBaseUrl,
    signIn: {
      operationId: signIn.operationId,
      requestMediaType: signInBody.mediaType,
      responseStatus: signInAnswer.status,
      responseMediaType: signInAnswer.mediaType,
    },
    session: sessionAnswer && {
      operationId: extension.session!.operationId,
      responseStatus: sessionAnswer.status,
      responseMediaType: sessionAnswer.mediaType,
    },
    refresh: extension.refresh && { operationId: extension.refresh.operationId },
    inputs,
    operations: contract.operations
      .filter((operation) => !managedOperationIds.has(operation.operationId))
      .map((operation) => shapeOperation(contract.spec.document, operation, inputs)),
    optionsRequired: defaultBaseUrl === undefined || inputs.some((input) => input.required),
  };
}

function shapeOperation(
  document: Parameters<typeof listParameters>[0],
  operation: SpecOperation,
  inputs: readonly XLoginkitInput[],
): ShapedOperation {
  const parameters = listParameters(document, operation);
  const filledPathParameters = inputs
    .filter(
      (input) =>
        input.in === "path" &&
        parameters.some((parameter) => parameter.in === "path" && parameter.name === input.name),
    )
    .map((input) => ({ name: input.name, option: input.option }));
  const body = requestContent(document, operation);
  const requiredParameter = parameters.some(
    (parameter) =>
      parameter.required === true &&
      !(
        parameter.in === "path" &&
        filledPathParameters.some((filled) => filled.name === parameter.name)
      ),
  );
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    summary: typeof operation.object.summary === "string" ? operation.object.summary : undefined,
    initOptional: body?.required !== true && !requiredParameter,
    filledPathParameters,
  };
}
