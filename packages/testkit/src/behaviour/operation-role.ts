import type { SpecOperation } from "../spec/spec-operation.js";

/**
 * What an operation does, as far as the simulator is concerned. The first four come from
 * `x-loginkit`; the cookie roles are read off the spec's shapes (see classify-operations.ts).
 */
export type OperationRole =
  | "signIn"
  | "refresh"
  | "session"
  | "signOut"
  /** Answers with Set-Cookie: opens a cookie session and sends a code to the account. */
  | "cookieStart"
  /** Needs the cookie, answers something other than a sign-in: checks the code sent. */
  | "cookieVerify"
  /** Needs the cookie, answers like sign-in: sets the new secret and signs in. */
  | "cookieSignIn"
  | "other";

export interface OperationRoles {
  readonly signIn: SpecOperation;
  readonly refresh?: SpecOperation;
  readonly session?: SpecOperation;
  readonly signOut?: SpecOperation;
  /** Where the sign-in 200 schema lives; another 200 with this schema is a sign-in answer. */
  readonly signInSchemaTarget?: string;
  /** The cookie a `cookieStart` operation sets and `cookieVerify`/`cookieSignIn` need. */
  readonly cookieName?: string;
  roleOf(operation: SpecOperation): OperationRole;
}
