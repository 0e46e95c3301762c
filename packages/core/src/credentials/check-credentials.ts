import { CredentialsError } from "../errors/CredentialsError.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { findCredentialsProblem } from "./find-credentials-problem.js";

/**
 * Throws a `CredentialsError` naming the field and the rule when `credentials` do not fit the
 * provider's sign-in request schema, so a request the provider would refuse is never sent.
 */
export function checkCredentials(description: ProviderDescription, credentials: unknown): void {
  const schema = description.credentialsSchema;
  if (!schema) return;
  const problem = findCredentialsProblem(credentials, schema);
  if (problem) {
    throw new CredentialsError(
      `${description.displayName} credentials: \`${problem.field}\` ${problem.rule}`,
      problem,
    );
  }
}
