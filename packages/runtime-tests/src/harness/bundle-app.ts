import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const sourceDirectory = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The export conditions each target's bundlers resolve with (as Next.js does for its edge build). */
const conditionsOf = {
  browser: ["browser"],
  edge: ["edge-light", "worker", "browser"],
} as const;

export interface Bundle {
  /** The app, one script. */
  script: string;
  /** Every file with code in it (paths as esbuild's metafile names them), to prove which build of core went in. */
  modules: string[];
}

/**
 * Bundles an entry (a path under `src/`) as a user's app would be built: esbuild resolves `@loginkit/*`, openapi-fetch
 * and jose from node_modules through their `exports` and `imports` maps, for the browser platform, one script.
 */
export async function bundleApp(
  entry: string,
  target: keyof typeof conditionsOf,
  define: Record<string, string> = {},
): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(sourceDirectory, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    conditions: [...conditionsOf[target]],
    define,
    logLevel: "silent",
    metafile: true,
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  // What the script holds: files esbuild read but tree-shook away to nothing are not in it.
  const held = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const modules = Object.keys(held).filter((module) => (held[module]?.bytesInOutput ?? 0) > 0);
  return { script: output.text, modules };
}
