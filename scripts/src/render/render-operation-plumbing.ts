/**
 * The typed-call plumbing every generated `index.ts` ends with: identical in every client, so it
 * belongs in @loginkit/core (issue #12; the code core should gain is in
 * /work/brief/core-plumbing-for-12.md, exported there as `OperationTable`, `TypedOperations` and
 * `bindOperations`). Until core exports it, each client carries this copy, written once here.
 */
export function renderOperationPlumbing(): string {
  return `
// The typed-call plumbing below is the same in every generated client; it moves into
// @loginkit/core (as OperationTable, TypedOperations and bindOperations) once core exports it.

type Method = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** operationId → [method, path, { path parameter: input option it is filled from }]. */
type OperationTable<Inputs> = Readonly<
  Record<string, readonly [Method, string] | readonly [Method, string, Readonly<Record<string, keyof Inputs>>]>
>;

/** An operation's init with some path parameters made optional: the client fills them in. */
type WithFilledPath<Operation, Filled extends PropertyKey> = [Filled] extends [never]
  ? Operation
  : Operation extends { parameters: { path: infer Path } }
    ? Omit<Operation, "parameters"> & {
        parameters: Omit<Operation["parameters"], "path"> &
          ({} extends Omit<Path, Filled>
            ? { path?: Omit<Path, Filled> & Partial<Pick<Path, Filled & keyof Path>> }
            : { path: Omit<Path, Filled> & Partial<Pick<Path, Filled & keyof Path>> });
      }
    : Operation;

type FilledBy<Entry> = Entry extends readonly [Method, string, infer Fills] ? keyof Fills : never;

type CallInit<Id extends keyof operations, Entry> = FetchOptions<
  WithFilledPath<CookiesFromJar<operations[Id]>, FilledBy<Entry>>
>;

type TypedOperations<Table> = {
  [Id in keyof Table & keyof operations]: (
    ...init: {} extends CallInit<Id, Table[Id]> ? [init?: CallInit<Id, Table[Id]>] : [init: CallInit<Id, Table[Id]>]
  ) => Promise<FetchResponse<operations[Id], CallInit<Id, Table[Id]>, \`\${string}/\${string}\`>>;
};

/** One function per table entry, calling openapi-fetch with the path inputs filled in. */
function bindOperations<Table extends OperationTable<Inputs>, Inputs>(
  client: object,
  table: Table,
  inputs: Inputs,
): TypedOperations<Table> {
  // openapi-fetch types each call by its path literal; the table's types above say what each
  // entry accepts and answers, so the one dynamic call below is typed loosely, once.
  const send = client as unknown as Record<Method, (path: string, init: object) => Promise<unknown>>;
  const bound: Record<string, (init?: { params?: { path?: object } }) => Promise<unknown>> = {};
  for (const [operationId, [method, path, fills]] of Object.entries(table)) {
    bound[operationId] = (init = {}) => {
      if (fills === undefined) return send[method](path, init);
      const filled = Object.fromEntries(
        Object.entries(fills).map(([name, option]) => [name, inputs[option as keyof Inputs]]),
      );
      return send[method](path, {
        ...init,
        params: { ...init.params, path: { ...filled, ...init.params?.path } },
      });
    };
  }
  return bound as unknown as TypedOperations<Table>;
}
`;
}
