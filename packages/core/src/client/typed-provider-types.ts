import type { ProviderTypes } from "./client-types.js";

/** A generated package's types: core's, plus openapi-typescript's `operations` and two facts. */
export interface TypedProviderTypes extends ProviderTypes {
  // biome-ignore lint/complexity/noBannedTypes: openapi-typescript `operations` are plain objects.
  operations: {};
  /** The provider documents a refresh call. */
  refresh: boolean;
  /** The spec names no server, so every client must be given a `baseUrl`. */
  baseUrlRequired: boolean;
  /** What a client is given once and sends on every call that declares it (`appId`...). */
  inputs: unknown;
}

type ContentOf<Body> = Body extends { content: infer Content } ? Content[keyof Content] : never;
type RequestBodyOf<Operation> = Operation extends { requestBody?: infer Body }
  ? ContentOf<NonNullable<Body>>
  : never;
type SuccessBodyOf<Operation> = Operation extends { responses: infer Responses }
  ? ContentOf<Responses[Extract<keyof Responses, 200 | 201 | 202 | 203>]>
  : never;
type OperationOf<Operations, Reference> = Reference extends { operationId: infer Id }
  ? Operations[Id & keyof Operations]
  : never;

/**
 * A provider's client types, derived from its description (`provider.ts`, `as const`) and
 * openapi-typescript's `paths` and `operations`: credentials are the sign-in request body,
 * sign-in and session data the success bodies of those operations.
 */
export type ProviderTypesOf<
  Description extends { signIn: { operationId: string }; servers: readonly string[] },
  Paths,
  Operations,
  Inputs = unknown,
> = {
  paths: Paths;
  operations: Operations;
  credentials: RequestBodyOf<OperationOf<Operations, Description["signIn"]>>;
  signInData: SuccessBodyOf<OperationOf<Operations, Description["signIn"]>>;
  sessionData: Description extends { session: infer Session }
    ? SuccessBodyOf<OperationOf<Operations, Session>>
    : never;
  refresh: Description extends { refresh: object } ? true : false;
  baseUrlRequired: Description["servers"] extends readonly [] ? true : false;
  inputs: Inputs;
};
