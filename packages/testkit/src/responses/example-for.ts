import type { SpecOperation, SpecResponse } from "../spec/spec-operation.js";

/** The response the spec declares for a status: exact, then `4XX`-style ranges, then `default`. */
export function responseFor(operation: SpecOperation, status: number): SpecResponse | undefined {
  return (
    operation.responses.get(String(status)) ??
    operation.responses.get(`${String(status)[0]}XX`) ??
    operation.responses.get("default")
  );
}

/** A fresh copy of an example body for that status, preferring one `prefer` accepts. */
export function exampleFor(
  operation: SpecOperation,
  status: number,
  /** Only an example it accepts; without it, the first example. */
  prefer?: (value: unknown) => boolean,
): unknown {
  const examples = responseFor(operation, status)?.examples ?? [];
  const chosen =
    prefer === undefined ? examples[0] : examples.find((example) => prefer(example.value));
  return chosen === undefined ? undefined : structuredClone(chosen.value);
}
