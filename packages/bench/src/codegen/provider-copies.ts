import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";

/** `provider-0042`: zero-padded so `listSpecs`' name order is numeric order. */
export function copyId(index: number): string {
  return `provider-${String(index).padStart(4, "0")}`;
}

/**
 * Writes `count` copies of a real spec into `directory` as `provider-NNNN.yaml`, each with its own
 * title and display name: what a workspace of `count` providers looks like to the generator
 * (the id, package name and `create<Id>Client` follow from the file name).
 */
export async function writeProviderCopies(
  sourceSpec: string,
  directory: string,
  count: number,
): Promise<void> {
  const source = await readFile(sourceSpec, "utf8");
  await mkdir(directory, { recursive: true });
  for (let index = 1; index <= count; index++) {
    await writeFile(join(directory, `${copyId(index)}.yaml`), renameCopy(source, index));
  }
}

/** The spec text with a title and display name of its own; `edition` varies the bytes again. */
export function renameCopy(source: string, index: number, edition = 0): string {
  const document = parseDocument(source);
  const name = `Provider ${index}${edition > 0 ? ` (edition ${edition})` : ""}`;
  document.setIn(["info", "title"], `${name} authentication API`);
  document.setIn(["x-loginkit", "displayName"], name);
  return document.toString();
}
