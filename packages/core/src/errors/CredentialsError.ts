import { ConfigurationError } from "./ConfigurationError.js";

/**
 * The credentials do not fit the provider's sign-in request schema: a required field missing,
 * a password shorter than the spec allows. Thrown before anything is sent. Names the field and
 * the rule, never the value.
 */
export class CredentialsError extends ConfigurationError {
  override name = "CredentialsError";
  /** The field at fault (`password`, `user.email`), or `credentials` for the whole value. */
  readonly field: string;
  /** What the field must be, e.g. `must be at least 10 characters`. */
  readonly rule: string;

  constructor(message: string, details: { field: string; rule: string }) {
    super(message, { option: "credentials" });
    this.field = details.field;
    this.rule = details.rule;
  }
}
