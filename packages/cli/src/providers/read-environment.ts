import type { ProviderDescription } from "@loginkit/core";
import type { CredentialForm } from "@loginkit/testkit";
import { UsageError } from "../errors/cli-error.js";
import { environmentName } from "./environment-names.js";

/**
 * The credentials from the environment (never from argv, which `ps` shows): the first form of
 * the spec's sign-in body whose required fields are all set.
 */
export function readCredentials(
  providerId: string,
  forms: readonly CredentialForm[],
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  for (const form of forms) {
    const values = Object.fromEntries(
      form.fields.flatMap((field) => {
        const value = env[environmentName(providerId, field)];
        return value === undefined || value === "" ? [] : [[field, value]];
      }),
    );
    if (form.required.every((field) => field in values)) return values;
  }
  throw new UsageError(
    `set the credentials for ${providerId} in the environment: ${describeCredentialVariables(providerId, forms)}`,
  );
}

/** `A and B` per form, forms joined by `, or `. */
export function describeCredentialVariables(
  providerId: string,
  forms: readonly CredentialForm[],
): string {
  return forms
    .map((form) => form.required.map((field) => environmentName(providerId, field)).join(" and "))
    .join(", or ");
}

/** The client's inputs (`appId`, `accountId`...) from `LOGINKIT_<PROVIDER>_<OPTION>`. */
export function readInputs(
  provider: ProviderDescription,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of provider.inputs) {
    const name = environmentName(provider.id, input.option);
    const value = env[name];
    if (value !== undefined && value !== "") inputs[input.option] = value;
    else if (input.required)
      throw new UsageError(`set ${name} (${input.description ?? input.name})`);
  }
  return inputs;
}
