import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { listShippedProviders, type ProviderSource } from "@loginkit/testkit";
import { UsageError } from "../errors/cli-error.js";

/** A provider argument: a provider id shipped with @loginkit/testkit, or a spec file's path. */
export function toProviderSource(argument: string): { id: string; source: ProviderSource } {
  if (/[\\/]/.test(argument) || /\.(ya?ml|json)$/i.test(argument)) {
    const specPath = resolve(argument);
    if (!existsSync(specPath)) throw new UsageError(`no spec file at ${specPath}`);
    return { id: basename(specPath, extname(specPath)), source: { specPath } };
  }
  const shipped = listShippedProviders();
  if (!shipped.includes(argument)) {
    throw new UsageError(
      `unknown provider "${argument}": known providers are ${shipped.join(", ")} (or give a spec file's path)`,
    );
  }
  return { id: argument, source: argument };
}
