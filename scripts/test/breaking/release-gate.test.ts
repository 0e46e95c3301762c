import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { checkWorkspaceRelease } from "../../src/breaking/check-workspace-release.js";
import {
  describeReleaseProblem,
  isReleaseReady,
} from "../../src/breaking/describe-release-problem.js";
import { createReleasedRepository } from "./temporary-repository.js";

const run = promisify(execFile);

async function checkDemo(root: string, base?: string) {
  const { checks, skipped } = await checkWorkspaceRelease({ root, base });
  expect(skipped).toEqual([]);
  const [check] = checks;
  if (!check) throw new Error("specs/demo.yaml was not checked");
  return { check, ready: isReleaseReady(check), message: describeReleaseProblem(check) };
}

describe("the release gate on spec changes", () => {
  test("an unchanged spec needs no changeset", async () => {
    const repository = await createReleasedRepository();
    const { check, ready } = await checkDemo(repository.root);
    expect(check.required).toBe("none");
    expect(ready).toBe(true);
  });

  test("a breaking change without a changeset fails, naming the change, the bump and the changeset to write", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("removed-response-field.yaml", "2.0.0");
    const { ready, message } = await checkDemo(repository.root);
    expect(ready).toBe(false);
    expect(message).toContain("specs/demo.yaml");
    expect(message).toContain("@loginkit/demo needs a major release");
    expect(message).toContain("expiresAt");
    expect(message).toContain('"@loginkit/demo": major');
    expect(message).toContain("pnpm changeset");
    expect(message).not.toContain("info.version went");
  });

  test("a changeset and an info.version that match the change pass", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("newly-required-request-field.yaml", "2.0.0");
    await repository.addChangeset("require-otp", "major");
    const { check, ready } = await checkDemo(repository.root);
    expect(check.required).toBe("major");
    expect(ready).toBe(true);
  });

  test("a minor changeset for a breaking change fails", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("removed-response-field.yaml", "2.0.0");
    await repository.addChangeset("drop-expiry", "minor");
    const { ready, message } = await checkDemo(repository.root);
    expect(ready).toBe(false);
    expect(message).toContain("the pending changesets bump @loginkit/demo only minor");
  });

  test("an info.version left behind fails even with a changeset, and says which version to set", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("new-optional-response-field.yaml", "1.0.1");
    await repository.addChangeset("add-scope", "minor");
    const { ready, message } = await checkDemo(repository.root);
    expect(ready).toBe(false);
    expect(message).toContain(
      "info.version went from 1.0.0 to 1.0.1: a minor change needs at least 1.1.0",
    );
    expect(message).not.toContain("no changeset");
  });

  test("several changesets add up to the largest bump, as changeset version applies them", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("new-operation.yaml", "1.1.0");
    await repository.addChangeset("a-fix", "patch");
    await repository.addChangeset("sign-out", "minor");
    expect((await checkDemo(repository.root)).ready).toBe(true);
  });

  test("a change committed on main but not released still needs its changeset", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("description-change.yaml", "1.0.1");
    await repository.commitAll("reword the sign-in description");
    const { check, ready } = await checkDemo(repository.root);
    expect(check.required).toBe("patch");
    expect(ready).toBe(false);
  });

  test("once version-packages has consumed the changesets, the released spec needs nothing more", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("removed-response-field.yaml", "2.0.0");
    await repository.addChangeset("drop-expiry", "major");
    await repository.commitAll("drop expiresAt");
    await repository.versionPackages("2.0.0");
    // Not committed yet: the working tree is the release being prepared.
    const { checks, skipped } = await checkWorkspaceRelease({ root: repository.root });
    expect(checks).toEqual([]);
    expect(skipped[0]?.reason).toContain("being released now");
    await repository.commitAll("Version Packages");
    const { check, ready } = await checkDemo(repository.root);
    expect(check.required).toBe("none");
    expect(ready).toBe(true);
  });

  test("--base compares every spec with the given ref instead of its last release", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("new-operation.yaml", "1.1.0");
    await repository.addChangeset("sign-out", "minor");
    await repository.commitAll("add sign-out");
    await repository.useSpec("removed-response-field.yaml", "1.1.0");
    const sinceRelease = await checkDemo(repository.root);
    expect(sinceRelease.check.required).toBe("major");
    const sinceHead = await checkDemo(repository.root, "HEAD");
    expect(sinceHead.check.required).toBe("major");
    expect(sinceHead.check.baseLabel).toBe("specs/demo.yaml@HEAD");
    await repository.useSpec("new-operation.yaml", "1.1.0");
    expect((await checkDemo(repository.root, "HEAD")).check.required).toBe("none");
  });

  test("the command exits 1 and prints the changeset to write", async () => {
    const repository = await createReleasedRepository();
    await repository.useSpec("new-operation.yaml", "1.1.0");
    const entry = join(import.meta.dirname, "../../src/breaking/check-breaking.ts");
    const failure = await run(process.execPath, [
      "--import",
      "tsx",
      entry,
      "--root",
      repository.root,
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("@loginkit/demo needs a minor release");
    expect(failure?.stderr).toContain('"@loginkit/demo": minor');
  });
});
