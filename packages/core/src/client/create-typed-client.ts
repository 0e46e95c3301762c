import type { ProviderDescription } from "../provider/provider-description.js";
import { buildProviderClient } from "./build-provider-client.js";
import type { ProviderClient, ProviderClientOptions } from "./client-types.js";
import { bindOperations, type OperationTable, type TypedOperations } from "./operation-table.js";
import type { TypedProviderTypes } from "./typed-provider-types.js";

/** A generated client's options: core's, its inputs (`appId`...), and `baseUrl` when required. */
export type TypedClientOptions<T extends TypedProviderTypes> = ProviderClientOptions<
  T["credentials"]
> &
  T["inputs"] &
  (T["baseUrlRequired"] extends true ? { baseUrl: string } : unknown);

export type TypedClient<T extends TypedProviderTypes, Table> = ProviderClient<T> & {
  /**
   * One typed call per operation, by operationId, with the client's inputs filled in. Unlike
   * `client.POST(path, init)`, they reject a body property the spec does not declare. Sign-in,
   * refresh and sign-out are not here: the client makes those calls itself (`client.signIn()`).
   */
  readonly operations: TypedOperations<T["operations"], Table>;
} & (T["refresh"] extends true
    ? {
        /** @deprecated Use `renew()`: one verb for renewing, whichever way the provider does it. */
        refresh(): Promise<void>;
      }
    : unknown);

/** A client with the features its description names, plus `operations` bound from the table, with the client's inputs filled. */
export function createTypedClient<
  T extends TypedProviderTypes,
  Table extends OperationTable<T["inputs"]>,
>(
  description: ProviderDescription,
  table: Table,
  options: TypedClientOptions<T>,
): TypedClient<T, Table> {
  // Only the features the generated description names: the rest stays out of the bundle.
  const client = buildProviderClient<T>(
    description,
    options as ProviderClientOptions<T["credentials"]> & Record<string, unknown>,
    description.features ?? {},
  );
  const operations = bindOperations<T["operations"], Table, T["inputs"]>(
    client,
    table,
    options as T["inputs"],
  );
  const extras = description.refresh
    ? { operations, refresh: () => client.renew() }
    : { operations };
  return Object.assign(client, extras) as TypedClient<T, Table>;
}
