// Ships the repository's provider specs inside the package (dist/specs/), so that
// `startSimulator("vero-oms")` works for users who installed @loginkit/testkit from npm.
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";

const source = new URL("../../../specs/", import.meta.url);
const target = new URL("../dist/specs/", import.meta.url);

await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
const specs = (await readdir(source)).filter((name) => name.endsWith(".yaml"));
await Promise.all(specs.map((name) => copyFile(new URL(name, source), new URL(name, target))));
console.log(`copied ${specs.length} specs into dist/specs/`);
