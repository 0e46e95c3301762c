/** The `x-loginkit` extension as written in a spec (see specs/README.md and x-loginkit-schema.ts). */
export interface XLoginkit {
  readonly displayName: string;
  readonly summary: string;
  readonly signIn: OperationReference;
  readonly refresh?: OperationReference & {
    readonly body?: Readonly<Record<string, string>>;
    readonly "x-assumed"?: string;
  };
  readonly signOut?: OperationReference;
  readonly session?: OperationReference;
  readonly token: {
    readonly accessToken: string;
    readonly refreshToken?: string;
    readonly expiresIn?: string;
    readonly expiresAt?: string;
  };
  readonly securityScheme: string;
  readonly errors: {
    readonly tokenExpired: readonly XLoginkitErrorMatcher[];
    readonly badCredentials: readonly XLoginkitErrorMatcher[];
  };
  readonly replaySafe?: readonly string[];
  readonly inputs?: readonly XLoginkitInput[];
  readonly cookieFlow?: XLoginkitCookieFlow;
}

export interface OperationReference {
  readonly operationId: string;
}

export interface XLoginkitErrorMatcher {
  readonly status: number;
  readonly operations?: readonly string[];
  readonly pointer?: string;
  readonly values?: readonly string[];
}

export interface XLoginkitInput {
  readonly option: string;
  readonly in: "path" | "header";
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  readonly default?: string;
}

/**
 * A flow carried by a short-lived cookie session, such as a password recovery: `start` answers with
 * `Set-Cookie` and sends a code to the account its body names; `verify` (optional) checks that
 * code; `finish` takes the new secret and answers like sign-in.
 */
export interface XLoginkitCookieFlow {
  /** The cookie `start` sets and `verify`/`finish` need back. */
  readonly cookie: string;
  readonly start: OperationReference;
  readonly verify?: OperationReference;
  readonly finish: OperationReference;
}
