import { isSecretField } from "@loginkit/contract/rules";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SimulatorAccount, SimulatorAccountInput } from "./simulator-account.js";

/**
 * One account per request example of the sign-in operation (PulseCRM's oneOf has two, both
 * accepted), then `options.accounts`: an input whose name matches a derived account replaces it.
 */
export function deriveAccounts(
  signIn: SpecOperation,
  inputs: readonly SimulatorAccountInput[] = [],
): SimulatorAccount[] {
  const derived = (signIn.requestBody?.examples ?? [])
    .filter((example): example is Record<string, unknown> => isRecord(example))
    .map((credentials, index) => toAccount({ credentials }, signIn, index));
  const byName = new Map(derived.map((account) => [account.name, account]));
  inputs.forEach((input, index) => {
    const account = toAccount(input, signIn, derived.length + index);
    byName.set(account.name, account);
  });
  return [...byName.values()];
}

function toAccount(input: SimulatorAccountInput, signIn: SpecOperation, index: number) {
  const identifier = Object.entries(input.credentials).find(
    ([field, value]) => !isSecretField(field) && typeof value === "string",
  )?.[1] as string | undefined;
  const exampleName = signIn.requestBody?.exampleNames?.[index];
  return {
    name: input.name ?? exampleName ?? identifier ?? `account-${index + 1}`,
    subject: identifier ?? `account-${index + 1}`,
    credentials: structuredClone(input.credentials),
    profile: input.profile,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
