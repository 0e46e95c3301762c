import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One temp folder per vitest process, shared by its projects (each runs this global setup). */
interface RunFolder {
  readonly path: string;
  readonly outer: string | undefined;
  users: number;
}
const KEY = Symbol.for("loginkit.test-temp-folder");
const shared = globalThis as { [KEY]?: RunFolder };

/**
 * Vitest global setup of every package (vitest.shared.ts): the run's tests, their workers and
 * the processes they start get a temp folder of their own (TMPDIR), and the run fails when a
 * test left a `loginkit-*` folder in it: each test removes what it creates, so a developer's
 * temp directory does not fill up run after run. The folder itself is removed either way, with
 * whatever tools the tests started left there. A package with several vitest projects runs
 * this once per project in one process: they share the folder, and the last one checks it.
 */
export default function isolateTempFolders(): () => void {
  let folder = shared[KEY];
  if (folder === undefined) {
    const outer = process.env.TMPDIR;
    folder = { path: mkdtempSync(join(tmpdir(), "vitest-run-")), outer, users: 0 };
    shared[KEY] = folder;
    process.env.TMPDIR = folder.path;
  }
  folder.users += 1;
  const run = folder;
  return () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared[KEY];
    if (run.outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = run.outer;
    const left = readdirSync(run.path).filter((name) => name.startsWith("loginkit-"));
    rmSync(run.path, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits 0: the exit code is set by hand.
    process.exitCode = 1;
    process.stderr.write(
      `\nFAIL the tests left ${left.length} temp folder(s) behind: ${left.sort().join(", ")}; a test removes what it creates (afterAll/finally)\n`,
    );
  };
}
