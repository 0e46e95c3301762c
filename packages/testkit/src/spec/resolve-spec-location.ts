import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SpecError } from "../errors/SpecError.js";

/**
 * Where the build copies the repository's specs (`scripts/copy-specs.mjs`). This module sits two
 * folders below the package root both as `src/spec/*.ts` and as `dist/spec/*.js`, so one
 * relative URL serves the tests (run from src, after a build) and the published package.
 */
const SHIPPED_SPECS = new URL("../../dist/specs/", import.meta.url);

/** Provider ids whose specs ship inside this package, e.g. `["enad", "org-platform", ...]`. */
export function listShippedProviders(): string[] {
  const folder = fileURLToPath(SHIPPED_SPECS);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

/** The file of a shipped provider spec. */
export function resolveShippedSpec(providerId: string): string {
  const path = fileURLToPath(new URL(`${providerId}.yaml`, SHIPPED_SPECS));
  if (!/^[a-z0-9-]+$/.test(providerId) || !existsSync(path)) {
    throw new SpecError(
      `no shipped spec for provider "${providerId}" (shipped: ${listShippedProviders().join(", ") || "none, build the package first"}); pass { specPath } for another spec`,
      path,
    );
  }
  return path;
}
