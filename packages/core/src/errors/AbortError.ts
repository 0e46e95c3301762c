import { LoginkitError } from "./LoginkitError.js";

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class AbortError extends LoginkitError {
  override name = "AbortError";
}
