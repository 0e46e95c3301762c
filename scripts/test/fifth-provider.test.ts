import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repositoryRoot } from "../src/workspace.js";

/*
 * "A new provider is one YAML file": in a copy of the repository (its files, not its
 * node_modules: pnpm links those from the store it already has), add a fifth spec, run
 * `pnpm generate` and `pnpm install` as the README says, and nothing else. Every check that
 * covers providers must then cover the fifth too.
 */

const run = promisify(execFile);
const id = "acme-shop";
let copy: string;
/** Every check, started together once the copy is ready (the machine has two cores, and waits). */
let checks: Record<
  "lint" | "drift" | "breaking" | "typecheck" | "publicPackages" | "walkthrough",
  Promise<string>
>;

/** Runs a command in the copy; its output, or a failure that shows it. */
async function inCopy(command: string, args: string[], cwd = copy): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: {
        ...process.env,
        CI: "true",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        TURBO_TELEMETRY_DISABLED: "1",
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in the copy:\n${failed.stdout ?? ""}\n${failed.stderr ?? failed.message}`,
    );
  }
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "loginkit-fifth-provider-"));
  // The files git would commit (tracked, and new ones it does not ignore), as they are now.
  const { stdout } = await run(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: repositoryRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const path of stdout.split("\0").filter(Boolean)) {
    const source = join(repositoryRoot, path);
    if (!(await stat(source).catch(() => undefined))?.isFile()) continue;
    await mkdir(dirname(join(copy, path)), { recursive: true });
    await cp(source, join(copy, path));
  }
  // Builds the copy would only redo: every package's dist as the repository has it.
  for (const name of await readdir(join(repositoryRoot, "packages"))) {
    const dist = join(repositoryRoot, "packages", name, "dist");
    if (await stat(dist).catch(() => undefined))
      await cp(dist, join(copy, "packages", name, "dist"), { recursive: true });
  }
  await inCopy("git", ["init", "-q"]);
  await inCopy("git", ["add", "-A"]);
  await inCopy("git", [
    "-c",
    "user.name=test",
    "-c",
    "user.email=test@example.com",
    "commit",
    "-qm",
    "four providers",
  ]);
  await inCopy("pnpm", ["install", "--offline", "--frozen-lockfile"]);

  // The fifth provider: a shop on Enad's API shape, under its own name.
  const spec = (await readFile(join(copy, "specs/enad.yaml"), "utf8"))
    .replace(/^ {2}title: .*$/m, "  title: Acme Shop authentication API")
    .replace(/^ {2}displayName: .*$/m, "  displayName: Acme Shop");
  await writeFile(join(copy, `specs/${id}.yaml`), spec);

  await inCopy("pnpm", ["generate"]);
  // Not frozen: a new package is a new lockfile entry, resolved from pnpm's metadata cache when
  // it has the versions and from the registry when not (a fresh machine has no metadata: a
  // frozen install never resolves). Peers not strict: orval (bench) pins
  // commander 15.0.0 beside @commander-js/extra-typings 15.1.0, which wants ~15.1.0, so any
  // re-resolution of this workspace reports that mismatch (it is not the new provider's).
  await inCopy("pnpm", [
    "install",
    "--prefer-offline",
    "--no-frozen-lockfile",
    "--config.strict-peer-dependencies=false",
  ]);
  // testkit ships every spec (the fifth now too), the new client is built like the others, and
  // so is every package built from the list of clients (the CLI) or not built in the repository.
  const toBuild = ["testkit", id];
  for (const name of await readdir(join(copy, "packages"))) {
    const text = await readFile(join(copy, "packages", name, "package.json"), "utf8").catch(
      () => "{}",
    );
    const manifest = JSON.parse(text) as {
      scripts?: { build?: string };
      loginkit?: { consumesEveryClient?: string };
    };
    if (manifest.scripts?.build === undefined) continue;
    const built = await stat(join(copy, "packages", name, "dist")).catch(() => undefined);
    if (!built || manifest.loginkit?.consumesEveryClient) toBuild.push(name);
  }
  const filters = [...new Set(toBuild)].flatMap((name) => ["--filter", `./packages/${name}`]);
  await inCopy("pnpm", [...filters, "build"]);
  await writeFile(
    join(copy, "scripts/list-public-packages.ts"),
    'import { listPublicPackages } from "../packages/release-tests/src/public-packages.ts";\nconsole.log((await listPublicPackages()).map((p) => p.manifest.name).join(" "));\n',
  );
  const settle = (promise: Promise<string>) => {
    promise.catch(() => undefined); // awaited by its test
    return promise;
  };
  checks = {
    lint: settle(inCopy("pnpm", ["lint:specs"])),
    drift: settle(inCopy("pnpm", ["check:drift"])),
    breaking: settle(inCopy("pnpm", ["check:breaking"])),
    typecheck: settle(inCopy("pnpm", ["--filter", `@loginkit/${id}`, "typecheck"])),
    publicPackages: settle(
      inCopy("pnpm", ["--filter", "@loginkit/scripts", "exec", "tsx", "list-public-packages.ts"]),
    ),
    walkthrough: settle(inCopy("pnpm", ["--filter", "@loginkit/integration-tests", "walkthrough"])),
  };
}, 300_000);

afterAll(async () => {
  // LOGINKIT_KEEP_COPY=1 keeps the copy to look into a failure.
  if (copy && !process.env.LOGINKIT_KEEP_COPY) await rm(copy, { recursive: true, force: true });
});

describe("a fifth spec, then pnpm generate and pnpm install, and no other edit", () => {
  test("generates @loginkit/acme-shop with createAcmeShopClient", async () => {
    const manifest = JSON.parse(await readFile(join(copy, `packages/${id}/package.json`), "utf8"));
    expect(manifest).toMatchObject({
      name: `@loginkit/${id}`,
      loginkit: { generatedFrom: `specs/${id}.yaml` },
    });
    expect(await readFile(join(copy, `packages/${id}/src/index.ts`), "utf8")).toContain(
      "export function createAcmeShopClient(",
    );
  });

  test("the spec lint, the drift check and the release gate pass", async () => {
    expect(await checks.lint).toContain(`specs/${id}.yaml: validated`);
    expect(await checks.drift).toContain("every generated package matches its spec");
    expect(await checks.breaking).toContain(`specs/${id}.yaml skipped`);
  }, 120_000);

  test("the new client type-checks", async () => {
    await checks.typecheck;
  });

  test("the packages that test and publish every client list it, so turbo builds it first", async () => {
    for (const [path, section] of [
      ["packages/integration-tests/package.json", "dependencies"],
      ["packages/release-tests/package.json", "devDependencies"],
    ] as const) {
      const manifest = JSON.parse(await readFile(join(copy, path), "utf8"));
      expect(manifest[section], path).toHaveProperty(`@loginkit/${id}`, "workspace:*");
    }
    await writeFile(
      join(copy, "scripts/list-public-packages.ts"),
      'import { listPublicPackages } from "../packages/release-tests/src/public-packages.ts";\nconsole.log((await listPublicPackages()).map((p) => p.manifest.name).join(" "));\n',
    );
    expect(
      await inCopy("pnpm", [
        "--filter",
        "@loginkit/scripts",
        "exec",
        "tsx",
        "list-public-packages.ts",
      ]),
    ).toContain(`@loginkit/${id}`);
  });

  test("the walkthrough takes the fifth client through sign-in, expiry, renewal, a 503 and a refused password", async () => {
    const output = await checks.walkthrough;
    const rows = output.split("\n").filter((line) => line.includes(id));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((row) => row.includes("FAILED"))).toEqual([]);
    expect(output).toMatch(/all \d+ steps passed/);
  });
});
