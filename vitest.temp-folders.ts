import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup of every package (vitest.shared.ts): the run's tests, their workers and
 * the processes they start get a temp folder of their own (TMPDIR), and the run fails when a
 * test left a `loginkit-*` folder in it: each test removes what it creates, so a developer's
 * temp directory does not fill up run after run. The folder itself is removed either way, with
 * whatever tools the tests started left there.
 */
export default function isolateTempFolders(): () => void {
  const outer = process.env.TMPDIR;
  const runFolder = mkdtempSync(join(tmpdir(), "vitest-run-"));
  process.env.TMPDIR = runFolder;
  return () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    const left = readdirSync(runFolder).filter((name) => name.startsWith("loginkit-"));
    rmSync(runFolder, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits 0: the exit code is set by hand.
    process.exitCode = 1;
    process.stderr.write(
      `\nFAIL the tests left ${left.length} temp folder(s) behind: ${left.sort().join(", ")}; a test removes what it creates (afterAll/finally)\n`,
    );
  };
}
