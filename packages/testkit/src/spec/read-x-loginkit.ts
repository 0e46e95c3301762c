import { SpecError } from "../errors/SpecError.js";

/** The part of a spec's root `x-loginkit` the simulator acts on (see specs/README.md). */
export interface XLoginkit {
  readonly signIn: { readonly operationId: string };
  readonly refresh?: { readonly operationId: string; readonly body?: Record<string, string> };
  readonly signOut?: { readonly operationId: string };
  readonly session?: { readonly operationId: string };
  readonly token: {
    readonly accessToken: string;
    readonly refreshToken?: string;
    readonly expiresIn?: string;
    readonly expiresAt?: string;
  };
  readonly securityScheme: string;
  readonly errors: {
    readonly tokenExpired: readonly ErrorMatcher[];
    readonly badCredentials: readonly ErrorMatcher[];
  };
}

export interface ErrorMatcher {
  readonly status: number;
  readonly operations?: readonly string[];
  readonly pointer?: string;
  readonly values?: readonly string[];
}

/** Reads `x-loginkit`; its full shape is linted in the repository, so only presence is checked. */
export function readXLoginkit(document: Record<string, unknown>, path: string): XLoginkit {
  const extension = document["x-loginkit"] as XLoginkit | undefined;
  if (extension?.signIn?.operationId === undefined || extension.token?.accessToken === undefined) {
    throw new SpecError(
      "the spec has no usable root `x-loginkit` (signIn and token.accessToken are required)",
      path,
    );
  }
  return {
    ...extension,
    errors: {
      tokenExpired: extension.errors?.tokenExpired ?? [],
      badCredentials: extension.errors?.badCredentials ?? [],
    },
  };
}
