import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchRoot } from "../measure/paths.js";

/** One check of `.size-limit.js`, as far as the report needs it. */
export interface SizeLimitCheck {
  readonly name: string;
  readonly limit: string;
}

/** The budgets `pnpm test` enforces (size-limit), read from the one file that sets them. */
export async function readSizeLimitChecks(): Promise<readonly SizeLimitCheck[]> {
  const config = pathToFileURL(join(benchRoot, ".size-limit.js")).href;
  return ((await import(config)) as { default: SizeLimitCheck[] }).default;
}
