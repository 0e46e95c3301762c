import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { type Contract, parseSpec, readContract } from "@loginkit/contract";
import type { SpecEntry } from "../workspace.js";

/** A spec read once and validated: its bytes' hash and its contract. */
export interface LoadedProvider {
  readonly entry: SpecEntry;
  /** sha256 of the file's bytes: recorded in generated files, so drift is a hash mismatch. */
  readonly sha256: string;
  readonly contract: Contract;
}

/** Reads, parses and validates one spec; throws `SpecErrors` naming file and line. */
export async function loadProvider(entry: SpecEntry, bytes?: Buffer): Promise<LoadedProvider> {
  const content = bytes ?? (await readFile(entry.path));
  const spec = parseSpec(content.toString("utf8"), entry.relativePath);
  return { entry, sha256: hashBytes(content), contract: readContract(spec, entry.id) };
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
