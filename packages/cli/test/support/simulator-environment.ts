import type { Simulator } from "@loginkit/testkit";
import { loadClientPackageForTest } from "./client-packages.js";
import { cleanEnvironment } from "./run-bin.js";

/** `LOGINKIT_<PROVIDER>_<FIELD>` for `apiSecret` style names, as the CLI's help says. */
export function variableOf(provider: string, field: string): string {
  const constant = (name: string) =>
    name
      .replace(/([a-z\d])([A-Z])/g, "$1_$2")
      .replace(/[^A-Za-z\d]+/g, "_")
      .toUpperCase();
  return `LOGINKIT_${constant(provider)}_${constant(field)}`;
}

/**
 * The environment a user would set for the simulator's first account: each credential field,
 * and each required path input (Enad's app id) with the value of the spec's example sign-in.
 */
export async function environmentFor(
  simulator: Simulator,
  overrides: Record<string, string> = {},
): Promise<NodeJS.ProcessEnv> {
  const account = simulator.accounts[0];
  if (account === undefined) throw new Error(`${simulator.provider} has no account`);
  const variables: Record<string, string> = {};
  for (const [field, value] of Object.entries(account.credentials))
    variables[variableOf(simulator.provider, field)] = String(value);
  const { provider } = await loadClientPackageForTest(simulator.provider);
  const template = provider.operations[provider.signIn.operationId]?.path.split("/") ?? [];
  const example = simulator.exampleRequest(provider.signIn.operationId).path.split("/");
  for (const input of provider.inputs) {
    const index = template.indexOf(`{${input.name}}`);
    if (input.required && index !== -1)
      variables[variableOf(simulator.provider, input.option)] = decodeURIComponent(
        example[index] ?? "",
      );
  }
  return cleanEnvironment({ ...variables, ...overrides });
}
