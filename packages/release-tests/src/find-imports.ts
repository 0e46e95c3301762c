import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join } from "node:path";
import ts from "typescript";

export interface ImportsOfCode {
  /** npm packages imported by name (`openapi-fetch`, `@loginkit/core`), type-only ones included. */
  readonly packages: ReadonlySet<string>;
  /** Node built-ins imported (`node:http`, `fs`), with the file that imports each. */
  readonly builtins: readonly { readonly specifier: string; readonly file: string }[];
}

/**
 * What the built `.js` and `.d.ts` files among `files` (relative to `root`) import. TypeScript's
 * own pre-processor reads them, so an `import` inside a JSDoc example is not taken for one.
 */
export async function findImports(root: string, files: readonly string[]): Promise<ImportsOfCode> {
  const packages = new Set<string>();
  const builtins: { specifier: string; file: string }[] = [];
  for (const file of files.filter((name) => /\.(?:m?js|d\.m?ts)$/.test(name))) {
    const info = ts.preProcessFile(await readFile(join(root, file), "utf8"), true, true);
    const specifiers = [...info.importedFiles, ...info.typeReferenceDirectives].map(
      (reference) => reference.fileName,
    );
    for (const specifier of specifiers) {
      // "#..." names the package's own `imports` map (testkit's shipped specs), not a dependency.
      if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("#")) {
        continue;
      }
      if (isBuiltin(specifier)) builtins.push({ specifier, file });
      else packages.add(packageNameOf(specifier));
    }
  }
  return { packages, builtins };
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] ?? "");
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
