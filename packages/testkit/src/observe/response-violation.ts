/** A response the simulator produced that does not validate against the spec. */
export interface ResponseViolation {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly status: number;
  /** What is wrong, e.g. `/expires_in: must be integer`. */
  readonly problems: readonly string[];
}
