import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findImports } from "../src/find-imports.js";
import { type PackedPackage, packPackage } from "../src/pack-package.js";
import {
  listPublicPackages,
  targetsEveryRuntime,
  type WorkspacePackage,
} from "../src/public-packages.js";
import { runCommand } from "../src/run-command.js";

const packages = await listPublicPackages();
const packed = new Map<string, PackedPackage>();
const bin = (name: string) => join(import.meta.dirname, "../node_modules/.bin", name);

beforeAll(async () => {
  for (const workspacePackage of packages) {
    packed.set(workspacePackage.manifest.name, await packPackage(workspacePackage));
  }
});
afterAll(async () => {
  await Promise.all(
    [...packed.values()].map((pack) => rm(dirname(pack.tarball), { recursive: true, force: true })),
  );
});

function packOf(workspacePackage: WorkspacePackage): PackedPackage {
  const pack = packed.get(workspacePackage.manifest.name);
  if (!pack) throw new Error(`${workspacePackage.manifest.name} was not packed`);
  return pack;
}

test("release-tests depends on every public package, so turbo builds them all before its test", async () => {
  const own = JSON.parse(await readFile(join(import.meta.dirname, "../package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  for (const { manifest } of packages)
    expect(own.devDependencies, manifest.name).toHaveProperty(manifest.name);
});

describe.each(
  packages.map((workspacePackage) => [workspacePackage.manifest.name, workspacePackage] as const),
)("%s as published", (_name, workspacePackage) => {
  test("publint finds nothing to fix, warnings included", async () => {
    await runCommand(
      bin("publint"),
      ["run", workspacePackage.directory, "--pack", "pnpm", "--strict"],
      {
        cwd: workspacePackage.directory,
      },
    );
  });

  // ESM only, on purpose (README: packages are ESM built by tsc). `--profile esm-only` keeps every
  // check but the one that wants `require()` from CommonJS to resolve (attw's `cjs-resolves-to-esm`).
  test("its types resolve for every ESM module resolution (attw, esm-only profile)", async () => {
    await runCommand(
      bin("attw"),
      [packOf(workspacePackage).tarball, "--profile", "esm-only", "--format", "ascii"],
      {
        cwd: workspacePackage.directory,
      },
    );
  });

  test("the tarball holds built code and docs, no tests, fixtures, sources or dangling source maps", async () => {
    const { files, unpacked } = packOf(workspacePackage);
    expect(files).toContain("package.json");
    expect(files.some((file) => file.startsWith("dist/"))).toBe(true);
    const unwanted = files.filter((file) =>
      /(^|\/)(test|tests|__tests__|fixtures|src)\/|\.(test|spec)\.[cm]?[jt]s$|\.tsbuildinfo$/.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
    const danglingMaps: string[] = [];
    for (const file of files.filter((name) => /\.(m?js|d\.ts)$/.test(name))) {
      const code = await readFile(join(unpacked, file), "utf8");
      for (const [, map] of code.matchAll(/[#@] sourceMappingURL=(?!data:)(\S+)/g)) {
        if (!existsSync(join(unpacked, dirname(file), map ?? "")))
          danglingMaps.push(`${file} → ${map}`);
      }
    }
    expect(danglingMaps).toEqual([]);
  });

  test("its runtime dependencies are exactly the packages its built code imports", async () => {
    const { files, unpacked } = packOf(workspacePackage);
    const manifest = JSON.parse(await readFile(join(unpacked, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort();
    const { packages: imported } = await findImports(unpacked, files);
    expect([...imported].sort()).toEqual(declared);
  });

  if (targetsEveryRuntime(workspacePackage)) {
    test("its built code imports nothing from Node, so it runs in browsers, Deno, Bun and edge runtimes", async () => {
      const { files, unpacked } = packOf(workspacePackage);
      const { builtins } = await findImports(unpacked, files);
      expect(builtins).toEqual([]);
    });
  }
});
