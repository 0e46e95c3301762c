import { AuthenticationError } from "../errors/AuthenticationError.js";
import type { SignInRefusal } from "./coordinated-token-store.js";

/** What is kept of a refused sign-in: the provider's words and a digest, never the credentials. */
export function describeRefusal(error: AuthenticationError, fingerprint: string): SignInRefusal {
  return {
    fingerprint,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
  };
}

/** A store is outside core's control: only a well-formed record counts. */
export function isRefusal(value: unknown): value is SignInRefusal {
  const record = value as Partial<SignInRefusal> | undefined;
  return typeof record?.fingerprint === "string" && typeof record.message === "string";
}

/** The error for a sign-in not sent because the same credentials were refused a moment ago. */
export function refusedAgain(refusal: SignInRefusal): AuthenticationError {
  const { status, code } = refusal;
  return new AuthenticationError(
    `${refusal.message} (refused within the sign-in cool-down for these credentials: not sent again)`,
    {
      status: typeof status === "number" ? status : undefined,
      code: typeof code === "string" ? code : undefined,
    },
  );
}
