import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { benchRoot } from "./paths.js";

/** Packages whose versions every table is stated against. */
const measuredPackages = [
  "@loginkit/core",
  "@loginkit/vero-oms",
  "openapi-fetch",
  "ky",
  "axios",
  "axios-retry",
  "axios-auth-refresh",
  "@hey-api/client-fetch",
  "esbuild",
  "openapi-typescript",
  "@hey-api/openapi-ts",
  "orval",
  "typescript",
] as const;

export function packageVersion(name: string): string {
  const manifest = join(benchRoot, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The line every table is read against: absolute numbers mean nothing without it. */
export function describeEnvironment(date = new Date()): string {
  const cpu = cpus();
  const versions = measuredPackages.map((name) => `${name} ${packageVersion(name)}`).join(", ");
  return [
    `Machine: ${cpu.length} cores, ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB;`,
    `Node ${process.version} (${process.platform}/${process.arch}); ${date.toISOString().slice(0, 10)}.`,
    `Packages: ${versions}.`,
  ].join(" ");
}
