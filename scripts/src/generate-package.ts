import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeClientShape } from "./describe/client-shape.js";
import { formatTypeScript } from "./format/format-typescript.js";
import { readGeneratorFingerprint } from "./generator-fingerprint.js";
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
import { renderTypes } from "./render/render-types.js";
import { hashBytes, loadProvider } from "./spec/load-spec.js";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

/** A generated package: file contents by path relative to `packages/<id>/`, in a stable order. */
export interface GeneratedPackage {
  readonly entry: SpecEntry;
  readonly directory: string;
  readonly files: ReadonlyMap<string, string>;
}

/** Every file the generator writes into `packages/<id>/` besides package.json. */
export const generatedPaths = [
  "README.md",
  "biome.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "src/index.ts",
  "src/provider.ts",
  "src/schema.ts",
  "src/types.ts",
] as const;

/** Files in a generated package folder that the generator does not own (changesets writes CHANGELOG.md). */
export const unownedPackageEntries = new Set(["CHANGELOG.md", "dist", "node_modules", ".turbo"]);

/** What `package.json`'s `loginkit` field records, so a later run knows what made the package. */
export interface GenerationRecord {
  readonly generatedFrom: string;
  /** sha256 of the spec's bytes. */
  readonly specSha256: string;
  /** sha256 of the generator's sources and tools (generator-fingerprint.ts). */
  readonly generatorSha256: string;
  /** sha256 of every other generated file: a hand edit shows as a mismatch. */
  readonly outputSha256: string;
}

/** Everything `packages/<id>/` holds for one spec. Pure but for reading the spec and the released version. */
export async function generatePackage(
  entry: SpecEntry,
  directory = join(packagesDirectory, entry.id),
  bytes?: Buffer,
): Promise<GeneratedPackage> {
  const spec = await loadProvider(entry, bytes);
  const { extension } = spec.contract;
  const shape = describeClientShape(spec);
  const version =
    (await readReleasedVersion(directory)) ?? spec.contract.spec.document.info.version;
  const files = new Map<string, string>([
    ["README.md", renderReadme(spec, extension, shape)],
    ["biome.json", renderBiomeConfig()],
    ["tsconfig.json", renderTsconfig()],
    ["tsconfig.build.json", renderTsconfigBuild()],
    ["src/index.ts", formatTypeScript(renderIndex(spec, shape), "index.ts")],
    ["src/provider.ts", formatTypeScript(renderProvider(spec), "provider.ts")],
    ["src/types.ts", formatTypeScript(renderTypes(spec, shape), "types.ts")],
    ["src/schema.ts", await renderSchema(spec)],
  ]);
  const record: GenerationRecord = {
    generatedFrom: entry.relativePath,
    specSha256: spec.sha256,
    generatorSha256: await readGeneratorFingerprint(),
    outputSha256: hashOutput(files),
  };
  return {
    entry,
    directory,
    files: new Map([["package.json", renderPackageJson(spec, shape, version, record)], ...files]),
  };
}

/** One hash over the generated files other than package.json (which records it), by path. */
export function hashOutput(files: ReadonlyMap<string, string>): string {
  return hashBytes(
    [...files]
      .filter(([path]) => path !== "package.json")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, content]) => `${path}\0${content}`)
      .join("\0"),
  );
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
