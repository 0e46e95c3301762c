import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeClientShape } from "./describe/client-shape.js";
import { renderIndex } from "./render/render-index.js";
import {
  renderBiomeConfig,
  renderPackageJson,
  renderTsconfig,
  renderTsconfigBuild,
} from "./render/render-package-files.js";
import { renderProvider } from "./render/render-provider.js";
import { renderReadme } from "./render/render-readme.js";
import { renderSchema } from "./render/render-schema.js";
import { loadProvider } from "./spec/load-spec.js";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

/** A generated package: file contents by path relative to `packages/<id>/`, in a stable order. */
export interface GeneratedPackage {
  readonly entry: SpecEntry;
  readonly directory: string;
  readonly files: ReadonlyMap<string, string>;
}

/** Files in a generated package folder that the generator does not own (changesets writes CHANGELOG.md). */
export const unownedPackageEntries = new Set(["CHANGELOG.md", "dist", "node_modules", ".turbo"]);

/** Everything `packages/<id>/` holds for one spec. Pure but for reading the spec and the released version. */
export async function generatePackage(
  entry: SpecEntry,
  directory = join(packagesDirectory, entry.id),
): Promise<GeneratedPackage> {
  const spec = await loadProvider(entry);
  const { extension } = spec.contract;
  const shape = describeClientShape(spec);
  const version =
    (await readReleasedVersion(directory)) ?? spec.contract.spec.document.info.version;
  const files = new Map<string, string>([
    ["package.json", renderPackageJson(spec, shape, version)],
    ["README.md", renderReadme(spec, extension, shape)],
    ["biome.json", renderBiomeConfig()],
    ["tsconfig.json", renderTsconfig()],
    ["tsconfig.build.json", renderTsconfigBuild()],
    ["src/index.ts", renderIndex(spec, shape)],
    ["src/provider.ts", renderProvider(spec, spec.contract.provider)],
    ["src/schema.ts", await renderSchema(spec)],
  ]);
  return { entry, directory, files };
}

/** The version changesets last gave the package: regenerating must never undo a release. */
async function readReleasedVersion(directory: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
