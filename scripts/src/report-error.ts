import { SpecError, SpecErrors } from "@loginkit/contract";

/** Prints a spec problem as `file:line: problem` (an unexpected error with its stack) and exits 1. */
export function reportAndExit(error: unknown): never {
  if (error instanceof SpecErrors || error instanceof SpecError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
