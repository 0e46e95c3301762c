/** A problem in a spec file, located by file and line so the author can go straight to it. */
export class SpecError extends Error {
  override name = "SpecError";

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
  }
}

/** Several problems found in one pass; the message lists them all, one a line. */
export class SpecErrors extends Error {
  override name = "SpecErrors";

  constructor(readonly errors: readonly SpecError[]) {
    super(errors.map((error) => error.message).join("\n"));
  }
}
