import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

export interface BundleSize {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

/** Where a bundle runs: its esbuild platform and the export condition packages resolve under. */
export type BundleTarget = "browser" | "node";

/** The minified ESM a user's bundler would make of `entry` for `target` (its export condition). */
export async function bundleCode(
  entry: string,
  target: BundleTarget = "browser",
  plugins: Plugin[] = [],
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: target,
    conditions: [target],
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins,
  });
  return result.outputFiles[0]!.text;
}

/** The bytes of `code`, and the same bytes gzipped at level 9. */
export function sizeOf(code: string): BundleSize {
  const bytes = Buffer.from(code);
  return { minifiedBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}

/** esbuild-minified ESM for `target` (its export condition), and the same bytes gzipped at level 9. */
export async function measureBundle(
  entry: string,
  target: BundleTarget = "browser",
  plugins: Plugin[] = [],
): Promise<BundleSize> {
  return sizeOf(await bundleCode(entry, target, plugins));
}
