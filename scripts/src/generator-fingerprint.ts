import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { repositoryRoot } from "./workspace.js";

/** What decides a generated package besides its spec: the generator's own code and tools. */
const generatorSources = [
  "scripts/src/describe",
  "scripts/src/format",
  "scripts/src/render",
  "scripts/src/spec",
  "scripts/src/generate-package.ts",
  "packages/contract/src",
];
const generatorTools = ["openapi-typescript", "@biomejs/wasm-nodejs"];

let fingerprint: Promise<string> | undefined;

/**
 * sha256 of the generator's sources and its tools' versions: recorded beside the spec's hash, so
 * `pnpm generate` may skip a package only when neither the spec nor the generator changed.
 * Worked out once per process.
 */
export function readGeneratorFingerprint(): Promise<string> {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

async function computeFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const files = (
    await Promise.all(generatorSources.map((source) => listFiles(join(repositoryRoot, source))))
  )
    .flat()
    .sort();
  for (const file of files) {
    const content = await readFile(file).catch(() => undefined);
    if (content === undefined) continue;
    hash.update(`${relative(repositoryRoot, file).replaceAll("\\", "/")}\0`);
    hash.update(content);
    hash.update("\0");
  }
  const require = createRequire(import.meta.url);
  for (const tool of generatorTools) {
    const manifest = JSON.parse(await readFile(require.resolve(`${tool}/package.json`), "utf8"));
    hash.update(`${tool}@${manifest.version}\0`);
  }
  return hash.digest("hex");
}

async function listFiles(path: string): Promise<string[]> {
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(
    () => undefined,
  );
  if (entries === undefined) return [path];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
