import { shippedSpecs } from "#shipped-specs";
import { SpecError } from "../errors/SpecError.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import { parseSpecText } from "./parse-spec-text.js";

/**
 * Provider ids whose specs ship inside this package, e.g. `["enad", "org-platform", ...]`. The
 * build turns the repository's `specs/*.yaml` into modules (`scripts/copy-specs.mjs`), so they
 * load without a file system, in browsers and edge runtimes too.
 */
export function listShippedProviders(): string[] {
  return Object.keys(shippedSpecs).sort();
}

/** A shipped spec, loaded from its module. */
export async function readShippedSpec(providerId: string): Promise<LoadedSpec> {
  const load = Object.hasOwn(shippedSpecs, providerId) ? shippedSpecs[providerId] : undefined;
  if (load === undefined) {
    throw new SpecError(
      `no shipped spec for provider "${providerId}" (shipped: ${listShippedProviders().join(", ")}); pass { specText, id } for another spec`,
      `@loginkit/testkit/specs/${providerId}.yaml`,
    );
  }
  const { default: specText } = await load();
  return parseSpecText({ id: providerId, specText }, `@loginkit/testkit/specs/${providerId}.yaml`);
}
