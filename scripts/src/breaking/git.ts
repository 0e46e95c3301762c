import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs git in `root` and returns its output, trimmed. */
export async function git(root: string, args: readonly string[]): Promise<string> {
  return (await gitRaw(root, args)).trim();
}

/** The file at `path` (relative to the repository root) as it was at `ref`; `undefined` if absent. */
export async function readFileAt(
  root: string,
  ref: string,
  path: string,
): Promise<string | undefined> {
  try {
    return await gitRaw(root, ["show", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}

async function gitRaw(root: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run("git", [...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
