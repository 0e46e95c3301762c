import type { ClientShape } from "../describe/client-shape.js";
import type { GenerationRecord } from "../generate-package.js";
import type { LoadedProvider } from "../spec/load-spec.js";

/**
 * `package.json`. The version is the one already released (changesets owns it) or, for a new
 * package, the spec's `info.version`; everything else comes from the spec.
 */
export function renderPackageJson(
  spec: LoadedProvider,
  shape: ClientShape,
  version: string,
  record: GenerationRecord,
): string {
  const manifest = {
    name: shape.packageName,
    version,
    description: `Typed client for the ${shape.displayName} login API, with sign-in, token renewal and retry built in.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    exports: {
      // `default` lets Node 20.19+/22.12+ `require()` the ES module from CommonJS.
      ".": { types: "./dist/index.d.ts", import: "./dist/index.js", default: "./dist/index.js" },
      "./package.json": "./package.json",
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist"],
    keywords: ["loginkit", "openapi", "openapi-fetch", "authentication", spec.entry.id],
    publishConfig: { access: "public" },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      typecheck: "tsc --noEmit",
    },
    // Only core: the openapi-fetch types of typed calls come through core's own types.
    dependencies: { "@loginkit/core": "workspace:^" },
    devDependencies: { typescript: "~5.9.3" },
    loginkit: record,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function renderTsconfig(): string {
  return `${JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { noEmit: true }, include: ["src"] }, null, 2)}\n`;
}

export function renderTsconfigBuild(): string {
  return `${JSON.stringify(
    {
      extends: "../../tsconfig.base.json",
      compilerOptions: { outDir: "dist", rootDir: "src" },
      include: ["src"],
    },
    null,
    2,
  )}\n`;
}

/**
 * `biome.json`: the folder is generated, so the linter and formatter leave it alone; its style is
 * the generator's templates' and openapi-typescript's, checked by `check:drift` instead.
 */
export function renderBiomeConfig(): string {
  const config = {
    root: false,
    extends: "//",
    linter: { enabled: false },
    formatter: { enabled: false },
    assist: { enabled: false },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
