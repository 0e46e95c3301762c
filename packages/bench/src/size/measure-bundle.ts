import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

export interface BundleSize {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

/** Where a bundle runs: its esbuild platform and the export condition packages resolve under. */
export type BundleTarget = "browser" | "node";

/** esbuild-minified ESM for `target` (its export condition), and the same bytes gzipped at level 9. */
export async function measureBundle(
  entry: string,
  target: BundleTarget = "browser",
  plugins: Plugin[] = [],
): Promise<BundleSize> {
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
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
