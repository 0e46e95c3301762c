/** One shape of sign-in credentials the spec accepts (PulseCRM's oneOf has two). */
export interface CredentialForm {
  /** Every field of the form, in schema order. */
  readonly fields: readonly string[];
  readonly required: readonly string[];
}
