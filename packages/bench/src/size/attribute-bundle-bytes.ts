import { build } from "esbuild";
import type { BundleTarget } from "./measure-bundle.js";

export interface BytesByPackage {
  readonly source: string;
  readonly minifiedBytes: number;
}

/**
 * Which packages (and which of core's folders) the minified bytes of a bundle come from, from
 * esbuild's metafile: the size profile that says where a budget overrun lives.
 */
export async function attributeBundleBytes(
  entry: string,
  target: BundleTarget = "browser",
): Promise<BytesByPackage[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: target,
    conditions: [target],
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const totals = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const source = describeSource(path);
      totals.set(source, (totals.get(source) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .map(([source, minifiedBytes]) => ({ source, minifiedBytes }))
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
}

/** `jose`, `openapi-fetch`, or `@loginkit/core session/` (core by folder, other workspace packages whole). */
function describeSource(path: string): string {
  const inModules = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/);
  if (inModules) return inModules[1]!;
  const workspace = path.match(/([^/]+)\/(?:dist|src)\/(.+)$/);
  if (!workspace) return path;
  const [, name, file] = workspace;
  if (name === "bench") return "the entry file";
  const folder = file!.includes("/") ? ` ${file!.split("/")[0]}/` : " (top level)";
  return name === "core" ? `@loginkit/core${folder}` : `@loginkit/${name}`;
}
