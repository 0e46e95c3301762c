import type { ProviderClient, ProviderClientOptions, ProviderTypes } from "@loginkit/core";
import type { Simulator } from "@loginkit/testkit";
import type { ClientPackage } from "./load-client-package.js";

/**
 * A client of `clientPackage` pointed at `simulator`: its base URL, its first account, and every
 * required input (a path parameter such as Enad's `app_id` takes the value of the spec's example).
 */
export function clientForSimulator(
  clientPackage: ClientPackage,
  simulator: Simulator,
  options: ProviderClientOptions<unknown> & Record<string, unknown> = {},
): ProviderClient<ProviderTypes> {
  const inputs: Record<string, string> = {};
  const signIn = clientPackage.provider.operations[clientPackage.provider.signIn.operationId];
  const example = simulator.exampleRequest(clientPackage.provider.signIn.operationId);
  for (const input of clientPackage.provider.inputs) {
    if (!input.required || input.in !== "path" || !signIn) continue;
    const value = pathParameterValue(signIn.path, example.path, input.name);
    if (value !== undefined) inputs[input.option] = value;
  }
  return clientPackage.createClient({
    baseUrl: simulator.url,
    credentials: simulator.accounts[0]?.credentials,
    ...inputs,
    ...options,
  });
}

/** The value a concrete path gives a template's `{name}`: `/a/{id}/b` + `/a/42/b` → `42`. */
function pathParameterValue(template: string, path: string, name: string): string | undefined {
  const templateSegments = template.split("/");
  const index = templateSegments.indexOf(`{${name}}`);
  const segment = index === -1 ? undefined : path.split("/")[index];
  return segment === undefined ? undefined : decodeURIComponent(segment);
}
