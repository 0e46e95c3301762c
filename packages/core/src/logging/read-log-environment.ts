/**
 * `LOGINKIT_LOG` from the environment, where there is one: core runs in browsers and edge
 * runtimes too, where `process` does not exist, and Deno throws when env access is not granted.
 */
export function readLogEnvironment(): string | undefined {
  try {
    const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
      .process;
    const value = process?.env?.LOGINKIT_LOG;
    return typeof value === "string" && value !== "" ? value.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
