import type { ProviderDescription } from "@loginkit/core";

/** The provider description of a generated client package the CLI depends on. */
export async function loadClientPackageForTest(
  id: string,
): Promise<{ provider: ProviderDescription }> {
  const exports = (await import(`@loginkit/${id}`)) as Record<string, unknown>;
  const provider = Object.entries(exports).find(([name]) => /Provider$/.test(name))?.[1];
  if (provider === undefined) throw new Error(`@loginkit/${id} exports no <name>Provider`);
  return { provider: provider as ProviderDescription };
}
