import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { repositoryRoot } from "../src/workspace.js";

const run = promisify(execFile);

/**
 * Runs vitest, with the repository's temp-folder check as its global setup, on one test file
 * whose body is `body`; resolves with the exit code and the output.
 */
async function runVitestOn(body: string): Promise<{ code: number; output: string }> {
  const project = await mkdtemp(join(tmpdir(), "loginkit-temp-check-"));
  try {
    const setup = join(repositoryRoot, "vitest.temp-folders.ts");
    await writeFile(
      join(project, "vitest.config.mjs"),
      `export default { test: { globals: true, include: ["*.test.mjs"], globalSetup: [${JSON.stringify(setup)}] } };\n`,
    );
    await writeFile(
      join(project, "litter.test.mjs"),
      `import { mkdtempSync, rmSync } from "node:fs";\nimport { tmpdir } from "node:os";\nimport { join } from "node:path";\ntest("makes a temp folder", () => {\n${body}\n});\n`,
    );
    const result = await run("pnpm", ["exec", "vitest", "run", "--root", project], {
      cwd: join(repositoryRoot, "scripts"),
      env: { ...process.env, NO_COLOR: "1" },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? -1,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );
    return result;
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

test("a run fails when a test leaves a loginkit-* temp folder behind, naming it", async () => {
  const { code, output } = await runVitestOn('mkdtempSync(join(tmpdir(), "loginkit-litter-"));');
  expect(code, output).toBe(1);
  expect(output).toMatch(/left 1 temp folder\(s\) behind: loginkit-litter-\w+/);
}, 120_000);

test("a run whose tests remove their temp folders passes", async () => {
  const { code, output } = await runVitestOn(
    'rmSync(mkdtempSync(join(tmpdir(), "loginkit-litter-")), { recursive: true });',
  );
  expect(code, output).toBe(0);
}, 120_000);
