import type { ProviderClient, ProviderDescription, ProviderTypes } from "@loginkit/core";
import { clientPackages } from "#client-packages";
import { UsageError } from "../errors/cli-error.js";

/** A generated client package, found by its naming rule (`create<Name>Client`, `<name>Provider`). */
export interface ClientPackage {
  readonly provider: ProviderDescription;
  createClient(options: Record<string, unknown>): ProviderClient<ProviderTypes>;
}

/** Provider ids with a generated client this CLI can sign in with (`token`, `check`). */
export function listClientProviders(): string[] {
  return Object.keys(clientPackages).sort();
}

export async function loadClientPackage(providerId: string): Promise<ClientPackage> {
  const load = Object.hasOwn(clientPackages, providerId) ? clientPackages[providerId] : undefined;
  if (load === undefined) {
    throw new UsageError(
      `no client package for "${providerId}": token and check sign in with the generated @loginkit/${providerId}, which this CLI does not depend on (it has: ${listClientProviders().join(", ")})`,
    );
  }
  const exports = await load();
  const createClient = Object.entries(exports).find(([name]) =>
    /^create\w+Client$/.test(name),
  )?.[1];
  const provider = Object.entries(exports).find(([name]) => /Provider$/.test(name))?.[1];
  if (typeof createClient !== "function" || typeof provider !== "object" || provider === null) {
    throw new UsageError(
      `@loginkit/${providerId} exports no create<Name>Client and <name>Provider`,
    );
  }
  return {
    provider: provider as ProviderDescription,
    createClient: createClient as ClientPackage["createClient"],
  };
}
