import type { ProfiledFunction } from "../measure/cpu-profile.js";

/** The code generators compared: ours (`pnpm generate`, or `pnpm generate --force`) and three others. */
export type CodegenJob =
  | ({
      tool: "loginkit" | "loginkit-force";
      specsDirectory: string;
      /** Fail unless exactly this many packages were (re)generated: the skip must be real. */
      expectWritten?: number;
    } & JobOutput)
  | ({ tool: "openapi-typescript" | "hey-api" | "orval"; spec: string } & JobOutput);

interface JobOutput {
  /** A temporary folder; never the repository's `packages/`. */
  readonly outputDirectory: string;
  /** Also record a CPU profile of the work (slower: only for the "where the time goes" tables). */
  readonly profile?: boolean;
}

export interface CodegenJobResult {
  /** The generation itself, after the tool's modules loaded. */
  readonly milliseconds: number;
  /** The job process's peak resident memory. */
  readonly peakRssBytes: number;
  readonly profile?: ProfiledFunction[];
}
