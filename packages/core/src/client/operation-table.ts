import type { FetchOptions, FetchResponse } from "openapi-fetch";
import type { CookiesFromJar } from "./cookie-parameters.js";

export type OperationMethod =
  | "GET"
  | "PUT"
  | "POST"
  | "DELETE"
  | "OPTIONS"
  | "HEAD"
  | "PATCH"
  | "TRACE";

/**
 * What a generated client says about its operations, one entry each: operationId → [method,
 * path template, { path parameter: the client input that fills it }].
 * @example { listOrders: ["GET", "/api/v1/{app_id}/orders", { app_id: "appId" }] }
 */
export type OperationTable<Inputs = unknown> = Readonly<
  Record<
    string,
    | readonly [OperationMethod, string]
    | readonly [OperationMethod, string, Readonly<Record<string, keyof Inputs & string>>]
  >
>;

/** An operation with some path parameters made optional: the client fills them in. */
export type WithFilledPath<Operation, Filled extends PropertyKey> = [Filled] extends [never]
  ? Operation
  : Operation extends { parameters: { path: infer Path } }
    ? Omit<Operation, "parameters"> & {
        parameters: Omit<Operation["parameters"], "path"> &
          // biome-ignore lint/complexity/noBannedTypes: "every path parameter is filled" reads best as {} extends.
          ({} extends Omit<Path, Filled>
            ? { path?: Omit<Path, Filled> & Partial<Pick<Path, Filled & keyof Path>> }
            : { path: Omit<Path, Filled> & Partial<Pick<Path, Filled & keyof Path>> });
      }
    : Operation;

type FilledBy<Entry> = Entry extends readonly [OperationMethod, string, infer Fills]
  ? keyof Fills
  : never;

/** The init of a typed call: cookies come from the jar, filled path parameters may be left out. */
export type OperationInit<Operations, Id extends keyof Operations, Entry> = FetchOptions<
  WithFilledPath<CookiesFromJar<Operations[Id]>, FilledBy<Entry>>
>;

/** One typed call per table entry, answering openapi-fetch's `{ data, error, response }`. */
export type TypedOperations<Operations, Table> = {
  [Id in keyof Table & keyof Operations]: (
    // biome-ignore lint/complexity/noBannedTypes: an init with nothing required may be left out.
    ...init: {} extends OperationInit<Operations, Id, Table[Id]>
      ? [init?: OperationInit<Operations, Id, Table[Id]>]
      : [init: OperationInit<Operations, Id, Table[Id]>]
  ) => Promise<
    FetchResponse<
      Operations[Id] & Record<string | number, unknown>,
      OperationInit<Operations, Id, Table[Id]>,
      `${string}/${string}`
    >
  >;
};

type Send = (path: string, init: { params?: { path?: object } }) => Promise<unknown>;

/**
 * Binds a table to an openapi-fetch client: one function per entry, with the path parameters
 * the table names filled from `inputs` (a call's own `params.path` wins).
 */
export function bindOperations<Operations, Table extends OperationTable<Inputs>, Inputs>(
  client: object,
  table: Table,
  inputs: Inputs,
): TypedOperations<Operations, Table> {
  // openapi-fetch types each call by its path literal; TypedOperations says what each entry
  // accepts and answers, so the one dynamic call here is typed loosely, once.
  const send = client as Record<OperationMethod, Send>;
  const bound: Record<string, (init?: { params?: { path?: object } }) => Promise<unknown>> = {};
  for (const [operationId, [method, path, fills]] of Object.entries(table)) {
    bound[operationId] = (init = {}) => {
      if (fills === undefined) return send[method](path, init);
      const filled: Record<string, unknown> = {};
      for (const [name, option] of Object.entries(fills)) {
        filled[name] = inputs[option as keyof Inputs];
      }
      const params = { ...init.params, path: { ...filled, ...init.params?.path } };
      return send[method](path, { ...init, params });
    };
  }
  return bound as unknown as TypedOperations<Operations, Table>;
}
