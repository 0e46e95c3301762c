import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

/** esbuild-minified ESM for the browser, and the same bytes gzipped at level 9. */
export async function measureBundle(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
