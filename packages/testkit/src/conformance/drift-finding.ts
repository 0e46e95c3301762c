/** One way an answer differs from the spec. */
export interface DriftFinding {
  /** `status`, `header X-Name`, a dotted body path such as `session.expires_at`, or `body`. */
  readonly field: string;
  /** What the spec wants, e.g. `present (required)`, `must be integer`, `one of 200, 401`. */
  readonly expected: string;
  /** The value that came; `undefined` when missing. May be a secret: redact before showing. */
  readonly got: unknown;
  readonly missing: boolean;
}

/** An answer as received: status, headers, and the body parsed as JSON (or its text). */
export interface ReceivedAnswer {
  readonly status: number;
  readonly headers: Headers | Readonly<Record<string, string>>;
  /** The parsed JSON body; a string when the body was not JSON; undefined when empty. */
  readonly body: unknown;
}
