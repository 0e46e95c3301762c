import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SPECS = fileURLToPath(new URL("../../../../specs/", import.meta.url));

/**
 * Every spec of the repository, plus a fifth: a renamed copy of enad.yaml, which must work
 * with no code change because nothing in the simulator is written per provider.
 */
function collectSpecs(): { id: string; specPath: string; sameAs: string }[] {
  const shipped = readdirSync(SPECS)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => ({ id: name.replace(/\.yaml$/, ""), specPath: join(SPECS, name) }))
    .map((spec) => ({ ...spec, sameAs: spec.id }));
  const fifth = join(mkdtempSync(join(tmpdir(), "loginkit-testkit-")), "acme-shop.yaml");
  copyFileSync(join(SPECS, "enad.yaml"), fifth);
  return [...shipped, { id: "acme-shop", specPath: fifth, sameAs: "enad" }];
}

export const specTable = collectSpecs();
