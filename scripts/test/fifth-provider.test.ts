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
 *
 * Not the copy's whole `pnpm test`: that would run this test again inside the copy, and the
 * browser, fleet and release suites, which take many minutes on a two-core machine and do not
 * list providers. What it runs instead: every task of `pnpm test` but `test` (spec lint,
 * drift, release gate, type check of every package), and every test file that enumerates
 * providers, found in the copy by what it calls (see PROVIDER_ENUMERATION), so a test added
 * later that loops over providers is run here without a line to change.
 */

const run = promisify(execFile);
const id = "acme-trading";

/** What a test file calls when it runs once per provider or per spec. */
const PROVIDER_ENUMERATION =
  /listShippedProviders\(|listClientProviders\(|specTable|repositorySpecIds|specsDirectory|listSpecs\(/;
let copy: string;
/** Every check, started together once the copy is ready (the machine has two cores, and waits). */
let checks: Record<
  "lint" | "drift" | "breaking" | "typecheck" | "publicPackages" | "walkthrough" | "suites",
  Promise<string>
>;
/** What a fresh `pnpm install` of the copy printed. */
let installOutput: string;

/** Runs a command in the copy; its output, or a failure that shows it. */
async function inCopy(
  command: string,
  args: string[],
  cwd = copy,
  timeout = 120_000,
): Promise<string> {
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
      timeout,
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
  // As a newcomer installs: before anything is built.
  installOutput = await inCopy("pnpm", ["install", "--offline", "--frozen-lockfile"]);
  // Builds the copy would only redo: every package's dist as the repository has it.
  for (const name of await readdir(join(repositoryRoot, "packages"))) {
    const dist = join(repositoryRoot, "packages", name, "dist");
    if (await stat(dist).catch(() => undefined))
      await cp(dist, join(copy, "packages", name, "dist"), { recursive: true });
  }

  // The fifth provider: a trading desk on Vero's API shape (cookie flow included), renamed.
  const spec = (await readFile(join(copy, "specs/vero-oms.yaml"), "utf8"))
    .replace(/^ {2}title: .*$/m, "  title: Acme Trading authentication API")
    .replace(/^ {2}displayName: .*$/m, "  displayName: Acme Trading");
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
  const started = {
    lint: settle(inCopy("pnpm", ["lint:specs"])),
    drift: settle(inCopy("pnpm", ["check:drift"])),
    breaking: settle(inCopy("pnpm", ["check:breaking"])),
    // Every package's own `tsc --noEmit` (tests included), on the builds already made.
    typecheck: settle(
      inCopy("pnpm", ["-r", "--workspace-concurrency=1", "typecheck"], copy, 600_000),
    ),
    publicPackages: settle(
      inCopy("pnpm", ["--filter", "@loginkit/scripts", "exec", "tsx", "list-public-packages.ts"]),
    ),
    walkthrough: settle(inCopy("pnpm", ["--filter", "@loginkit/integration-tests", "walkthrough"])),
  };
  // After the others: the suites start simulators and processes, and two cores are shared.
  const suites = settle(Promise.allSettled(Object.values(started)).then(runProviderSuites));
  checks = { ...started, suites };
}, 300_000);

/**
 * Every test file of the copy that enumerates providers (this one excepted), run with its
 * package's vitest, one package after the other (two cores): their output, or the failure.
 * Each file runs whole but for the cases of the four providers the repository's own run
 * already covers (a case is theirs when its name holds their id): the fifth's cases, and every
 * case that lists or counts providers, run.
 */
async function runProviderSuites(): Promise<string> {
  const known = (await readdir(join(copy, "specs")))
    .filter((name) => name.endsWith(".yaml") && name !== `${id}.yaml`)
    .map((name) => name.replace(/\.yaml$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const notTheirs = `^(?!.*(?:^|[^\\w-])(?:${known.join("|")})(?:$|[^\\w-]))`;
  const { stdout } = await run("git", ["ls-files", "*.test.ts"], { cwd: copy });
  const byPackage = new Map<string, string[]>();
  for (const path of stdout.split("\n").filter(Boolean)) {
    if (path.endsWith("fifth-provider.test.ts")) continue;
    if (!PROVIDER_ENUMERATION.test(await readFile(join(copy, path), "utf8"))) continue;
    const packageFolder = path.slice(0, path.indexOf("/test/"));
    byPackage.set(packageFolder, [
      ...(byPackage.get(packageFolder) ?? []),
      path.slice(packageFolder.length + 1),
    ]);
  }
  const outputs: string[] = [];
  for (const [folder, files] of byPackage)
    outputs.push(
      await inCopy(
        "pnpm",
        ["exec", "vitest", "run", ...files, "--testNamePattern", notTheirs],
        join(copy, folder),
        600_000,
      ),
    );
  return outputs.join("\n");
}

afterAll(async () => {
  // LOGINKIT_KEEP_COPY=1 keeps the copy to look into a failure.
  if (copy && !process.env.LOGINKIT_KEEP_COPY) await rm(copy, { recursive: true, force: true });
});

describe("a fifth spec, then pnpm generate and pnpm install, and no other edit", () => {
  test("generates @loginkit/acme-trading with createAcmeTradingClient", async () => {
    const manifest = JSON.parse(await readFile(join(copy, `packages/${id}/package.json`), "utf8"));
    expect(manifest).toMatchObject({
      name: `@loginkit/${id}`,
      loginkit: { generatedFrom: `specs/${id}.yaml` },
    });
    expect(await readFile(join(copy, `packages/${id}/src/index.ts`), "utf8")).toContain(
      "export function createAcmeTradingClient(",
    );
  });

  test("the spec lint, the drift check and the release gate pass", async () => {
    expect(await checks.lint).toContain(`specs/${id}.yaml: validated`);
    expect(await checks.drift).toContain("every generated package matches its spec");
    expect(await checks.breaking).toContain(`specs/${id}.yaml skipped`);
  }, 300_000);

  test("a fresh install, before any build, prints no warning", () => {
    expect(installOutput).not.toMatch(/WARN|Failed to create bin|Ignored build scripts/);
  });

  test("every package type-checks, the new client and the tests included", async () => {
    await checks.typecheck;
  }, 600_000);

  test("every test file that enumerates providers passes with the fifth one", async () => {
    const output = await checks.suites;
    // inCopy fails on any failed file; this shows the suites did run.
    expect(output).toMatch(/Test Files +\d+ passed/);
  }, 900_000);

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
    expect(rows.length, output).toBeGreaterThan(3);
    expect(rows.filter((row) => row.includes("FAILED"))).toEqual([]);
    expect(output).toMatch(/all \d+ steps passed/);
  }, 300_000);
});
