/** A problem in a spec file, located by file and line so the author can go straight to it. */
export class SpecError extends Error {
  override name = "SpecError";

  constructor(
    /** The file as messages name it (relative to the repository root where possible). */
    readonly file: string,
    /** 1-based; `undefined` when the problem has no place (an unreadable file). */
    readonly line: number | undefined,
    readonly problem: string,
    /** Where in the document: keys and indexes from the root (`["x-loginkit", "token"]`). */
    readonly path: readonly (string | number)[] = [],
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
